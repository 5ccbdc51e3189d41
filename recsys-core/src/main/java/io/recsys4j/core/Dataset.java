package io.recsys4j.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Training interactions with optional validation and test interactions, social graph and
 * texts, all over one user and one item id space: users and items that appear only in the
 * test data or the social graph still belong to the catalogue. Immutable.
 */
public final class Dataset {
    private final Interactions train;
    private final Interactions valid;
    private final Interactions test;
    private final SocialGraph social;
    private final TextTable itemText;
    private final TextTable userText;

    /** Takes parts that already share the id spaces. */
    private Dataset(Interactions train, Interactions valid, Interactions test, SocialGraph social,
                    TextTable itemText, TextTable userText) {
        this.train = train;
        this.valid = valid;
        this.test = test;
        this.social = social;
        this.itemText = itemText;
        this.userText = userText;
    }

    /** Returns a builder; {@link Builder#train} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The user id space shared by every part. */
    public IdMap users() {
        return train.users();
    }

    /** The item id space (the catalogue) shared by every part. */
    public IdMap items() {
        return train.items();
    }

    /** Training interactions. */
    public Interactions train() {
        return train;
    }

    /** Validation interactions, if any. */
    public Optional<Interactions> valid() {
        return Optional.ofNullable(valid);
    }

    /** Test interactions, if any. */
    public Optional<Interactions> test() {
        return Optional.ofNullable(test);
    }

    /** The social graph, if any. */
    public Optional<SocialGraph> social() {
        return Optional.ofNullable(social);
    }

    /** Item texts aligned to the catalogue, if any. */
    public Optional<TextTable> itemText() {
        return Optional.ofNullable(itemText);
    }

    /** User texts aligned to the user id space, if any. */
    public Optional<TextTable> userText() {
        return Optional.ofNullable(userText);
    }

    /**
     * The user id space a data set of these parts has: the first part's users, extended in
     * order by the users only later parts have (null parts are skipped). Lets a reader of
     * further data (e.g. a social graph restricted to known users) use the data set's id
     * space before the data set is built.
     *
     * @throws IllegalArgumentException if every part is null
     */
    public static IdMap unionOfUsers(Interactions... parts) {
        IdMap users = null;
        for (Interactions x : parts) {
            if (x != null) {
                users = users == null ? x.users() : IdMap.union(users, x.users());
            }
        }
        if (users == null) {
            throw new IllegalArgumentException("no interactions given");
        }
        return users;
    }

    /** As {@link #unionOfUsers}, for the items: the catalogue a data set of these parts has. */
    public static IdMap unionOfItems(Interactions... parts) {
        IdMap items = null;
        for (Interactions x : parts) {
            if (x != null) {
                items = items == null ? x.items() : IdMap.union(items, x.items());
            }
        }
        if (items == null) {
            throw new IllegalArgumentException("no interactions given");
        }
        return items;
    }

    @Override
    public String toString() {
        return "Dataset[" + users().size() + " users, " + items().size() + " items, train " + train.size()
                + (valid == null ? "" : ", valid " + valid.size())
                + (test == null ? "" : ", test " + test.size())
                + (social == null ? "" : ", social " + social.numEdges()) + "]";
    }

    /**
     * Collects the parts. The id spaces are the training data's, extended in this order by
     * the ids that only validation, test and the social graph have. Texts do not extend them:
     * a text of an id outside the catalogue is not carried over (see
     * {@link TextTable#countMissingFrom}).
     */
    public static final class Builder {
        private Interactions train;
        private Interactions valid;
        private Interactions test;
        private SocialGraph social;
        private TextTable itemText;
        private TextTable userText;

        private Builder() {
        }

        /** Training interactions (required). */
        public Builder train(Interactions train) {
            this.train = Objects.requireNonNull(train, "train");
            return this;
        }

        /** Validation interactions. */
        public Builder valid(Interactions valid) {
            this.valid = valid;
            return this;
        }

        /** Test interactions. */
        public Builder test(Interactions test) {
            this.test = test;
            return this;
        }

        /** The social graph. */
        public Builder social(SocialGraph social) {
            this.social = social;
            return this;
        }

        /** Item texts (any id order; aligned to the catalogue). */
        public Builder itemText(TextTable texts) {
            this.itemText = texts;
            return this;
        }

        /** User texts (any id order; aligned to the users). */
        public Builder userText(TextTable texts) {
            this.userText = texts;
            return this;
        }

        /**
         * Builds the data set over shared id spaces.
         *
         * @throws IllegalStateException if no training data was given
         */
        public Dataset build() {
            if (train == null) {
                throw new IllegalStateException("train(...) is required");
            }
            IdMap users = unionOfUsers(train, valid, test);
            IdMap items = unionOfItems(train, valid, test);
            if (social != null) {
                users = IdMap.union(users, social.users());
            }
            return new Dataset(remap(train, users, items),
                    valid == null ? null : remap(valid, users, items),
                    test == null ? null : remap(test, users, items),
                    social == null ? null : remapSocial(social, users),
                    itemText == null ? null : itemText.alignTo(items),
                    userText == null ? null : userText.alignTo(users));
        }

        private static Interactions remap(Interactions x, IdMap users, IdMap items) {
            if (x.users().isPrefixOf(users) && x.items().isPrefixOf(items)) {
                return x.withIdSpaces(users, items);
            }
            int n = x.size();
            int[] u = new int[n];
            int[] i = new int[n];
            float[] w = x.hasWeights() ? new float[n] : null;
            long[] t = x.hasTimestamps() ? new long[n] : null;
            int[] userMap = indexMap(x.users(), users);
            int[] itemMap = indexMap(x.items(), items);
            for (int k = 0; k < n; k++) {
                u[k] = userMap[x.user(k)];
                i[k] = itemMap[x.item(k)];
                if (w != null) {
                    w[k] = x.weight(k);
                }
                if (t != null) {
                    t[k] = x.timestamp(k);
                }
            }
            return Interactions.of(users, items, u, i, w, t);
        }

        private static SocialGraph remapSocial(SocialGraph g, IdMap users) {
            if (g.users().isPrefixOf(users)) {
                return g.withUsers(users);
            }
            int[] map = indexMap(g.users(), users);
            int m = g.numEdges();
            int[] a = new int[m];
            int[] b = new int[m];
            int k = 0;
            for (int x = 0; x < g.numUsers(); x++) {
                for (int y : g.neighbours(x)) {
                    if (x < y) {
                        a[k] = map[x];
                        b[k] = map[y];
                        k++;
                    }
                }
            }
            return SocialGraph.of(users, a, b);
        }

        private static int[] indexMap(IdMap from, IdMap to) {
            int[] m = new int[from.size()];
            for (int i = 0; i < m.length; i++) {
                m[i] = to.require(from.id(i));
            }
            return m;
        }
    }
}
