package io.recsys4j.core.synthetic;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.SocialGraph;
import io.recsys4j.core.TextTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, e-commerce-like world in which text, social ties and interactions each carry
 * signal a model can find: the project's own default data (the real data sets may not be
 * shipped).
 *
 * <ul>
 *   <li>Items belong to categories; titles and descriptions are drawn mostly from their
 *       category's vocabulary, so text predicts category.</li>
 *   <li>Each user has a taste: a distribution concentrated on two or three categories.</li>
 *   <li>The social graph is homophilous: most friendships join users with the same
 *       favourite category, and tastes are then pulled towards friends' tastes.</li>
 *   <li>Interactions follow taste, a long-tailed item popularity within each category, and
 *       friends' choices (a share of picks copies an item a friend already has).</li>
 * </ul>
 *
 * <p>Ids are {@code u0..}, {@code i0..}; timestamps increase with generation order. Same
 * settings and seed, same world.
 */
public final class SyntheticWorld {
    /** The most users (or items) a generated world may have: ten times Gowalla's, refused before allocating. */
    public static final int MAX_SIDE = 10_000_000;

    private static final String[] CATEGORY_NAMES = {
        "books", "electronics", "kitchen", "garden", "toys", "sports", "beauty", "music", "movies", "games",
        "outdoor", "fashion", "shoes", "jewelry", "pets", "baby", "health", "office", "automotive", "tools"};
    private static final String[][] CATEGORY_WORDS = {
        {"novel", "paperback", "author", "chapter", "story", "library", "poetry", "memoir"},
        {"wireless", "charger", "battery", "bluetooth", "screen", "speaker", "cable", "adapter"},
        {"skillet", "knife", "blender", "ceramic", "spatula", "kettle", "cookware", "baking"},
        {"seeds", "planter", "hose", "shovel", "compost", "lawn", "pruner", "soil"},
        {"puzzle", "plush", "blocks", "doll", "robot", "playset", "kids", "figure"},
        {"racket", "yoga", "dumbbell", "jersey", "cycling", "training", "ball", "fitness"},
        {"serum", "lipstick", "moisturizer", "fragrance", "mascara", "skincare", "lotion", "palette"},
        {"vinyl", "guitar", "album", "piano", "headphones", "drum", "acoustic", "concert"},
        {"bluray", "director", "cinema", "drama", "comedy", "thriller", "documentary", "trilogy"},
        {"console", "controller", "multiplayer", "quest", "arcade", "strategy", "level", "gamepad"},
        {"tent", "hiking", "backpack", "camping", "lantern", "trail", "compass", "sleeping"},
        {"jacket", "denim", "dress", "cotton", "scarf", "sweater", "tailored", "linen"},
        {"sneakers", "boots", "sandals", "leather", "insole", "running", "heel", "loafers"},
        {"necklace", "silver", "bracelet", "earrings", "pendant", "gemstone", "ring", "gold"},
        {"leash", "kibble", "aquarium", "catnip", "collar", "kennel", "treats", "litter"},
        {"stroller", "diaper", "pacifier", "onesie", "crib", "bottle", "teether", "nursery"},
        {"vitamin", "supplement", "massage", "thermometer", "protein", "herbal", "wellness", "bandage"},
        {"stapler", "notebook", "printer", "desk", "folder", "pen", "planner", "ink"},
        {"tire", "wiper", "engine", "dashcam", "brake", "motor", "polish", "headlight"},
        {"drill", "wrench", "hammer", "saw", "screwdriver", "toolbox", "pliers", "sander"}};
    private static final String[] GENERIC = {
        "premium", "classic", "new", "compact", "deluxe", "essential", "smart", "portable", "durable", "light",
        "pro", "everyday", "vintage", "modern", "handmade", "eco", "original", "set", "edition", "pack",
        "quality", "best", "value", "great", "popular", "gift", "large", "small", "black", "white"};
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "tu", "ve", "no", "shi", "da", "pe", "zo", "ri", "ba", "fu", "ge", "yo"};

    // The Chinese lexicon, word for word the English one, so that a world is the same in both
    // languages but for its text.
    private static final String[] CATEGORY_NAMES_ZH = {
        "图书", "数码", "厨具", "园艺", "玩具", "运动", "美妆", "乐器", "影视", "游戏",
        "户外", "服饰", "鞋靴", "珠宝", "宠物", "母婴", "保健", "办公", "汽车", "五金"};
    private static final String[][] CATEGORY_WORDS_ZH = {
        {"小说", "平装", "作者", "章节", "故事", "图书馆", "诗歌", "回忆录"},
        {"无线", "充电器", "电池", "蓝牙", "屏幕", "音箱", "数据线", "适配器"},
        {"煎锅", "菜刀", "搅拌机", "陶瓷", "锅铲", "水壶", "炊具", "烘焙"},
        {"种子", "花盆", "水管", "铁锹", "堆肥", "草坪", "剪枝刀", "土壤"},
        {"拼图", "毛绒", "积木", "娃娃", "机器人", "过家家", "儿童", "手办"},
        {"球拍", "瑜伽", "哑铃", "球衣", "骑行", "训练", "篮球", "健身"},
        {"精华", "口红", "面霜", "香水", "睫毛膏", "护肤", "乳液", "眼影盘"},
        {"黑胶", "吉他", "专辑", "钢琴", "耳机", "架子鼓", "原声", "演唱会"},
        {"蓝光", "导演", "影院", "剧情", "喜剧", "惊悚", "纪录片", "三部曲"},
        {"主机", "控制器", "多人", "任务", "街机", "策略", "关卡", "游戏手柄"},
        {"帐篷", "徒步", "背包", "露营", "营地灯", "步道", "指南针", "睡袋"},
        {"夹克", "牛仔", "连衣裙", "纯棉", "围巾", "毛衣", "修身", "亚麻"},
        {"运动鞋", "靴子", "凉鞋", "真皮", "鞋垫", "跑步", "高跟", "乐福鞋"},
        {"项链", "纯银", "手镯", "耳环", "吊坠", "宝石", "戒指", "黄金"},
        {"牵引绳", "狗粮", "水族箱", "猫薄荷", "项圈", "狗窝", "零食", "猫砂"},
        {"婴儿车", "纸尿裤", "安抚奶嘴", "连体衣", "婴儿床", "奶瓶", "牙胶", "育婴"},
        {"维生素", "营养品", "按摩", "体温计", "蛋白粉", "草本", "养生", "绷带"},
        {"订书机", "笔记本", "打印机", "书桌", "文件夹", "钢笔", "计划本", "墨水"},
        {"轮胎", "雨刷", "发动机", "行车记录仪", "刹车", "电机", "车蜡", "大灯"},
        {"电钻", "扳手", "锤子", "锯子", "螺丝刀", "工具箱", "钳子", "砂光机"}};
    private static final String[] GENERIC_ZH = {
        "优质", "经典", "新款", "小巧", "豪华", "必备", "智能", "便携", "耐用", "轻便",
        "专业", "日常", "复古", "时尚", "手工", "环保", "原装", "套装", "典藏版", "组合装",
        "品质", "精选", "超值", "好评", "热销", "礼品", "大号", "小号", "黑色", "白色"};
    /** Brand-like syllables, as the English ones: invented words read as names. */
    private static final String[] SYLLABLES_ZH = {"卡", "洛", "米", "拉", "图", "维", "诺", "希", "达", "佩", "佐", "瑞", "巴", "福", "格", "优"};

    /** The language of a world's item titles, descriptions and user profiles. */
    public enum Language {
        /** English, words separated by spaces. */
        ENGLISH,
        /**
         * Simplified Chinese as e-commerce writes it: titles of keywords separated by spaces,
         * descriptions and profiles without spaces between words.
         */
        CHINESE
    }

    private final Interactions interactions;
    private final SocialGraph social;
    private final TextTable itemText;
    private final TextTable userText;
    private final int[] itemCategory;
    private final String[] categoryNames;

    private SyntheticWorld(Interactions interactions, SocialGraph social, TextTable itemText, TextTable userText,
                           int[] itemCategory, String[] categoryNames) {
        this.interactions = interactions;
        this.social = social;
        this.itemText = itemText;
        this.userText = userText;
        this.itemCategory = itemCategory;
        this.categoryNames = categoryNames;
    }

    /** A builder with the default size: 2,000 users, 5,000 items, 20 categories, 100,000 interactions. */
    public static Builder builder() {
        return new Builder();
    }

    /** The default world, seed 42. */
    public static SyntheticWorld generate() {
        return builder().build();
    }

    /** All interactions, with timestamps. */
    public Interactions interactions() {
        return interactions;
    }

    /** The friendship graph. */
    public SocialGraph social() {
        return social;
    }

    /** Item titles and descriptions: {@code "<title>. <description>"} (in Chinese {@code "<title>。<description>"}). */
    public TextTable itemText() {
        return itemText;
    }

    /** User profile texts naming their favourite categories. */
    public TextTable userText() {
        return userText;
    }

    /** Category index of item {@code i}. */
    public int category(int item) {
        return itemCategory[item];
    }

    /** Name of category {@code c}, in the world's language. */
    public String categoryName(int c) {
        return categoryNames[c];
    }

    /** Number of categories. */
    public int numCategories() {
        return categoryNames.length;
    }

    /** The world as a data set whose training part is all interactions. */
    public Dataset toDataset() {
        return Dataset.builder().train(interactions).social(social).itemText(itemText).userText(userText).build();
    }

    /** Settings of a world; each setter checks its argument. */
    public static final class Builder {
        private int users = 2_000;
        private int items = 5_000;
        private int categories = 20;
        private int interactions = 100_000;
        private double friends = 8;
        private double friendInfluence = 0.25;
        private long seed = 42;
        private Language language = Language.ENGLISH;

        private Builder() {
        }

        /** Number of users (>= 2). */
        public Builder users(int n) {
            this.users = atLeast(n, 2, "users");
            return this;
        }

        /** Number of items (>= 2). */
        public Builder items(int n) {
            this.items = atLeast(n, 2, "items");
            return this;
        }

        /** Number of categories (>= 1). */
        public Builder categories(int n) {
            this.categories = atLeast(n, 1, "categories");
            return this;
        }

        /** Target number of interactions (the result is within a few percent). */
        public Builder interactions(int n) {
            this.interactions = atLeast(n, 1, "interactions");
            return this;
        }

        /** Mean number of friends per user (>= 0). */
        public Builder meanFriends(double n) {
            if (!(n >= 0)) {
                throw new IllegalArgumentException("meanFriends must be >= 0, found " + n);
            }
            this.friends = n;
            return this;
        }

        /** Share of picks that copy a friend's item, in [0, 1]. */
        public Builder friendInfluence(double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("friendInfluence must be in [0, 1], found " + p);
            }
            this.friendInfluence = p;
            return this;
        }

        /**
         * The language of the texts (default English). Only the texts change: the same seed gives
         * the same interactions, friendships and categories in every language.
         */
        public Builder language(Language language) {
            this.language = java.util.Objects.requireNonNull(language, "language");
            return this;
        }

        /** Random seed. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        private static int atLeast(int n, int min, String what) {
            if (n < min) {
                throw new IllegalArgumentException(what + " must be >= " + min + ", found " + n);
            }
            return n;
        }

        /**
         * Generates the world.
         *
         * @throws IllegalArgumentException if the interactions cannot fit (more than half the
         *     user-item matrix)
         */
        public SyntheticWorld build() {
            if (users > MAX_SIDE || items > MAX_SIDE) {
                throw new IllegalArgumentException("users and items must be at most " + MAX_SIDE + ", found " + users
                        + " users and " + items + " items");
            }
            if ((long) interactions > (long) users * items / 2) {
                throw new IllegalArgumentException(interactions + " interactions do not fit in " + users + " x "
                        + items + " at under half density");
            }
            return new Generator(this).run();
        }
    }

    /** The generation itself; one instance per build. */
    private static final class Generator {
        private final Builder s;
        private final SplittableRandom rnd;
        private final boolean zh;
        private String[] catNames;
        /** Each category's words in the world's language. */
        private String[][] shown;
        private int[] itemCat;
        private int[][] catItems;
        private double[][] catCumPop;
        private double[][] taste;
        private int[] favourite;

        Generator(Builder s) {
            this.s = s;
            this.rnd = new SplittableRandom(s.seed);
            this.zh = s.language == Language.CHINESE;
        }

        SyntheticWorld run() {
            makeVocabulary();
            String[] itemTexts = makeItems();
            makeTastes();
            SocialGraph social = makeSocial();
            smoothTastes(social);
            Interactions inter = makeInteractions(social);
            String[] userTexts = new String[s.users];
            for (int u = 0; u < s.users; u++) {
                userTexts[u] = profile(u);
            }
            IdMap users = social.users();
            IdMap items = inter.items();
            return new SyntheticWorld(inter, social, TextTable.of(items, itemTexts), TextTable.of(users, userTexts),
                    itemCat, catNames);
        }

        private void makeVocabulary() {
            catNames = new String[s.categories];
            shown = new String[s.categories][];
            for (int c = 0; c < s.categories; c++) {
                // The English spelling decides what is new to the vocabulary, so every language draws alike.
                List<String> words = new ArrayList<>();
                List<String> local = new ArrayList<>();
                if (c < CATEGORY_NAMES.length) {
                    catNames[c] = zh ? CATEGORY_NAMES_ZH[c] : CATEGORY_NAMES[c];
                    words.addAll(Arrays.asList(CATEGORY_WORDS[c]));
                    local.addAll(Arrays.asList(zh ? CATEGORY_WORDS_ZH[c] : CATEGORY_WORDS[c]));
                } else {
                    int[] name = inventWord(3);
                    catNames[c] = zh ? spell(name, SYLLABLES_ZH) + "类" : spell(name, SYLLABLES) + "s";
                }
                while (words.size() < 30) {
                    int[] w = inventWord(2 + rnd.nextInt(2));
                    String en = spell(w, SYLLABLES);
                    if (!words.contains(en)) {
                        words.add(en);
                        local.add(zh ? spell(w, SYLLABLES_ZH) : en);
                    }
                }
                shown[c] = local.toArray(new String[0]);
            }
        }

        /** A made-up word, as indices into the syllable tables. */
        private int[] inventWord(int syllables) {
            int[] w = new int[syllables];
            for (int k = 0; k < syllables; k++) {
                w[k] = rnd.nextInt(SYLLABLES.length);
            }
            return w;
        }

        private static String spell(int[] word, String[] syllables) {
            StringBuilder sb = new StringBuilder();
            for (int k : word) {
                sb.append(syllables[k]);
            }
            return sb.toString();
        }

        private String[] makeItems() {
            itemCat = new int[s.items];
            int[] count = new int[s.categories];
            for (int i = 0; i < s.items; i++) {
                itemCat[i] = rnd.nextInt(s.categories);
                count[itemCat[i]]++;
            }
            catItems = new int[s.categories][];
            catCumPop = new double[s.categories][];
            for (int c = 0; c < s.categories; c++) {
                catItems[c] = new int[count[c]];
            }
            int[] fill = new int[s.categories];
            for (int i = 0; i < s.items; i++) {
                catItems[itemCat[i]][fill[itemCat[i]]++] = i;
            }
            for (int c = 0; c < s.categories; c++) {
                // Long tail: the item at popularity rank r has weight 1/(r+1)^0.9, ranks shuffled.
                int n = catItems[c].length;
                int[] rank = permutation(n);
                double[] cum = new double[n];
                double acc = 0;
                for (int k = 0; k < n; k++) {
                    acc += 1.0 / Math.pow(rank[k] + 1, 0.9);
                    cum[k] = acc;
                }
                catCumPop[c] = cum;
            }
            String[] texts = new String[s.items];
            for (int i = 0; i < s.items; i++) {
                texts[i] = itemText(itemCat[i]);
            }
            return texts;
        }

        private String itemText(int c) {
            String[] v = shown[c];
            String[] generic = zh ? GENERIC_ZH : GENERIC;
            // Titles are keywords separated by spaces in both languages (as Chinese shops write them).
            StringBuilder sb = new StringBuilder();
            String first = generic[rnd.nextInt(generic.length)];
            sb.append(zh ? first : capitalise(first)).append(' ')
                    .append(v[rnd.nextInt(v.length)]).append(' ').append(v[rnd.nextInt(v.length)])
                    .append(' ').append(catNames[c]).append(zh ? "。" : ". ");
            int len = 10 + rnd.nextInt(11);
            for (int k = 0; k < len; k++) {
                double p = rnd.nextDouble();
                String w;
                if (p < 0.6) {
                    w = v[rnd.nextInt(v.length)];
                } else if (p < 0.7) {
                    String[] other = shown[(c + 1) % s.categories];
                    w = other[rnd.nextInt(other.length)];
                } else {
                    w = generic[rnd.nextInt(generic.length)];
                }
                if (zh) {
                    // A description runs on without spaces; a comma every few words, as written Chinese does.
                    sb.append(w).append(k == len - 1 ? "。" : k % 4 == 3 ? "，" : "");
                } else {
                    sb.append(k == 0 ? capitalise(w) : w).append(k == len - 1 ? "." : " ");
                }
            }
            return sb.toString();
        }

        private static String capitalise(String w) {
            return Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }

        private int[] permutation(int n) {
            int[] p = new int[n];
            for (int k = 0; k < n; k++) {
                p[k] = k;
            }
            for (int k = n - 1; k > 0; k--) {
                int r = rnd.nextInt(k + 1);
                int t = p[k];
                p[k] = p[r];
                p[r] = t;
            }
            return p;
        }

        private void makeTastes() {
            taste = new double[s.users][s.categories];
            favourite = new int[s.users];
            for (int u = 0; u < s.users; u++) {
                double[] t = taste[u];
                Arrays.fill(t, 0.03 / s.categories);
                int likes = Math.min(s.categories, 2 + rnd.nextInt(2));
                for (int k = 0; k < likes; k++) {
                    t[rnd.nextInt(s.categories)] += -Math.log(1 - rnd.nextDouble());
                }
                normalise(t);
                favourite[u] = argMax(t);
            }
        }

        private SocialGraph makeSocial() {
            List<List<Integer>> byFavourite = new ArrayList<>();
            for (int c = 0; c < s.categories; c++) {
                byFavourite.add(new ArrayList<>());
            }
            for (int u = 0; u < s.users; u++) {
                byFavourite.get(favourite[u]).add(u);
            }
            InteractionsBuffer edges = new InteractionsBuffer();
            // Each user starts about half its friendships: mean degree is then s.friends.
            double p = 1.0 / (1.0 + s.friends / 2.0);
            for (int u = 0; u < s.users; u++) {
                int n = 0;
                while (rnd.nextDouble() > p) {
                    n++;
                }
                for (int k = 0; k < n; k++) {
                    List<Integer> same = byFavourite.get(favourite[u]);
                    int v = rnd.nextDouble() < 0.8 && same.size() > 1
                            ? same.get(rnd.nextInt(same.size()))
                            : rnd.nextInt(s.users);
                    if (v != u) {
                        edges.add(u, v);
                    }
                }
            }
            List<String> ids = new ArrayList<>(s.users);
            for (int u = 0; u < s.users; u++) {
                ids.add("u" + u);
            }
            return SocialGraph.of(IdMap.of(ids), edges.a(), edges.b());
        }

        private void smoothTastes(SocialGraph g) {
            double[][] next = new double[s.users][];
            for (int u = 0; u < s.users; u++) {
                double[] t = taste[u].clone();
                int[] f = g.neighbours(u);
                if (f.length > 0) {
                    for (int c = 0; c < s.categories; c++) {
                        double m = 0;
                        for (int v : f) {
                            m += taste[v][c];
                        }
                        t[c] = 0.7 * t[c] + 0.3 * m / f.length;
                    }
                }
                normalise(t);
                next[u] = t;
            }
            taste = next;
        }

        private Interactions makeInteractions(SocialGraph g) {
            int[] quota = new int[s.users];
            double[] raw = new double[s.users];
            double sum = 0;
            for (int u = 0; u < s.users; u++) {
                raw[u] = Math.exp(0.8 * gaussian());
                sum += raw[u];
            }
            int cap = s.items / 2;
            for (int u = 0; u < s.users; u++) {
                quota[u] = (int) Math.max(5, Math.min(cap, Math.round(raw[u] / sum * s.interactions)));
            }
            List<List<Integer>> chosen = new ArrayList<>();
            List<java.util.Set<Integer>> has = new ArrayList<>();
            for (int u = 0; u < s.users; u++) {
                chosen.add(new ArrayList<>());
                has.add(new java.util.HashSet<>());
            }
            InteractionsBuffer out = new InteractionsBuffer();
            int max = Arrays.stream(quota).max().orElse(0);
            for (int round = 0; round < max; round++) {
                for (int u : permutation(s.users)) {
                    if (chosen.get(u).size() >= quota[u]) {
                        continue;
                    }
                    int item = pick(u, g, chosen, has.get(u));
                    chosen.get(u).add(item);
                    has.get(u).add(item);
                    out.add(u, item);
                }
            }
            List<String> users = new ArrayList<>(s.users);
            for (int u = 0; u < s.users; u++) {
                users.add("u" + u);
            }
            List<String> items = new ArrayList<>(s.items);
            for (int i = 0; i < s.items; i++) {
                items.add("i" + i);
            }
            int n = out.size();
            long[] time = new long[n];
            for (int k = 0; k < n; k++) {
                time[k] = 1_700_000_000L + 60L * k;
            }
            return Interactions.of(IdMap.of(users), IdMap.of(items), out.a(), out.b(), null, time);
        }

        private int pick(int u, SocialGraph g, List<List<Integer>> chosen, java.util.Set<Integer> has) {
            if (g.degree(u) > 0 && rnd.nextDouble() < s.friendInfluence) {
                int[] f = g.neighbours(u);
                List<Integer> theirs = chosen.get(f[rnd.nextInt(f.length)]);
                if (!theirs.isEmpty()) {
                    int item = theirs.get(rnd.nextInt(theirs.size()));
                    if (!has.contains(item)) {
                        return item;
                    }
                }
            }
            for (int attempt = 0; ; attempt++) {
                int c = attempt < 20 ? sample(taste[u]) : rnd.nextInt(s.categories);
                double[] cum = catCumPop[c];
                if (cum.length == 0) {
                    continue;
                }
                int k = Arrays.binarySearch(cum, rnd.nextDouble() * cum[cum.length - 1]);
                int item = catItems[c][k < 0 ? Math.min(cum.length - 1, -k - 1) : k];
                if (!has.contains(item)) {
                    return item;
                }
            }
        }

        private String profile(int u) {
            Integer[] order = new Integer[s.categories];
            for (int c = 0; c < s.categories; c++) {
                order[c] = c;
            }
            double[] t = taste[u];
            Arrays.sort(order, (a, b) -> Double.compare(t[b], t[a]));
            StringBuilder sb = new StringBuilder(zh ? "常买" : "Shops for ").append(catNames[order[0]]);
            if (s.categories > 1) {
                sb.append(zh ? "和" : " and ").append(catNames[order[1]]);
            }
            String[] v = shown[order[0]];
            sb.append(zh ? "，喜欢" : "; likes ").append(v[rnd.nextInt(v.length)]).append(zh ? "、" : ", ")
                    .append(v[rnd.nextInt(v.length)]).append(zh ? "。" : ".");
            return sb.toString();
        }

        private int sample(double[] p) {
            double r = rnd.nextDouble();
            double acc = 0;
            for (int c = 0; c < p.length; c++) {
                acc += p[c];
                if (r < acc) {
                    return c;
                }
            }
            return p.length - 1;
        }

        private double gaussian() {
            double u1 = 1 - rnd.nextDouble();
            double u2 = rnd.nextDouble();
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }

        private static void normalise(double[] t) {
            double sum = 0;
            for (double x : t) {
                sum += x;
            }
            for (int c = 0; c < t.length; c++) {
                t[c] /= sum;
            }
        }

        private static int argMax(double[] t) {
            int best = 0;
            for (int c = 1; c < t.length; c++) {
                if (t[c] > t[best]) {
                    best = c;
                }
            }
            return best;
        }
    }

    /** Growable pair arrays. */
    private static final class InteractionsBuffer {
        private int[] a = new int[1024];
        private int[] b = new int[1024];
        private int n;

        void add(int x, int y) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
                b = Arrays.copyOf(b, 2 * n);
            }
            a[n] = x;
            b[n++] = y;
        }

        int size() {
            return n;
        }

        int[] a() {
            return Arrays.copyOf(a, n);
        }

        int[] b() {
            return Arrays.copyOf(b, n);
        }
    }
}
