package io.recsys4j.core.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.SocialGraph;
import org.junit.jupiter.api.Test;

class SyntheticWorldTest {
    private static final SyntheticWorld WORLD = SyntheticWorld.generate();

    @Test
    void defaultSize_isAsDocumented() {
        Interactions x = WORLD.interactions();
        assertEquals(2000, x.numUsers());
        assertEquals(5000, x.numItems());
        assertEquals(20, WORLD.numCategories());
        assertTrue(Math.abs(x.size() - 100_000) < 5_000, "interactions: " + x.size());
        double meanFriends = 2.0 * WORLD.social().numEdges() / x.numUsers();
        assertTrue(meanFriends > 6 && meanFriends < 10, "mean friends " + meanFriends);
    }

    @Test
    void sameSeed_sameWorld() {
        SyntheticWorld a = SyntheticWorld.builder().users(300).items(500).interactions(5000).seed(3).build();
        SyntheticWorld b = SyntheticWorld.builder().users(300).items(500).interactions(5000).seed(3).build();
        assertEquals(a.interactions().size(), b.interactions().size());
        for (int u = 0; u < 300; u++) {
            assertArrayEquals(a.interactions().itemsOf(u), b.interactions().itemsOf(u));
            assertArrayEquals(a.social().neighbours(u), b.social().neighbours(u));
        }
        assertEquals(a.itemText().text(7), b.itemText().text(7));
    }

    @Test
    void itemText_namesTheItemsCategory() {
        for (int i = 0; i < 100; i++) {
            assertTrue(WORLD.itemText().text(i).contains(WORLD.categoryName(WORLD.category(i))), WORLD.itemText().text(i));
        }
    }

    @Test
    void aChineseWorld_isTheSameWorld_inChineseText() {
        SyntheticWorld en = SyntheticWorld.builder().users(300).items(500).interactions(5000).categories(24).seed(5).build();
        SyntheticWorld zh = SyntheticWorld.builder().users(300).items(500).interactions(5000).categories(24).seed(5)
                .language(SyntheticWorld.Language.CHINESE).build();
        assertEquals(en.interactions().size(), zh.interactions().size());
        for (int u = 0; u < 300; u++) {
            assertArrayEquals(en.interactions().itemsOf(u), zh.interactions().itemsOf(u));
            assertArrayEquals(en.social().neighbours(u), zh.social().neighbours(u));
        }
        for (int i = 0; i < 500; i++) {
            assertEquals(en.category(i), zh.category(i));
            String t = zh.itemText().text(i);
            assertTrue(t.contains(zh.categoryName(zh.category(i))), t);
            assertTrue(t.codePoints().noneMatch(c -> c < 128 && Character.isLetter(c)), "no Latin letters: " + t);
            assertTrue(t.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count() > 20, t);
        }
        assertEquals("数码", zh.categoryName(1));
        assertTrue(zh.categoryName(22).endsWith("类"), "an invented category: " + zh.categoryName(22));
        assertTrue(zh.userText().text(0).startsWith("常买"), zh.userText().text(0));
        // Titles are space-separated keywords, as Chinese shops write them; descriptions have no spaces.
        String[] parts = zh.itemText().text(0).split("。", 2);
        assertEquals(4, parts[0].split(" ").length, parts[0]);
        assertTrue(!parts[1].contains(" "), parts[1]);
    }

    @Test
    void friends_shareTastesMoreThanStrangers() {
        Interactions x = WORLD.interactions();
        SocialGraph g = WORLD.social();
        double friends = 0;
        int nf = 0;
        for (int u = 0; u < x.numUsers(); u++) {
            for (int v : g.neighbours(u)) {
                friends += categoryOverlap(x, u, v);
                nf++;
            }
        }
        double strangers = 0;
        int ns = 0;
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        while (ns < nf) {
            int u = r.nextInt(x.numUsers());
            int v = r.nextInt(x.numUsers());
            if (u != v && !g.connected(u, v)) {
                strangers += categoryOverlap(x, u, v);
                ns++;
            }
        }
        assertTrue(friends / nf > 2 * strangers / ns, "friends " + friends / nf + " vs strangers " + strangers / ns);
    }

    @Test
    void popularity_isLongTailed() {
        int[] d = WORLD.interactions().itemDegrees();
        java.util.Arrays.sort(d);
        long top = 0;
        long all = 0;
        for (int k = 0; k < d.length; k++) {
            all += d[k];
            if (k >= d.length * 0.9) {
                top += d[k];
            }
        }
        assertTrue(top > 0.35 * all, "top 10% of items hold " + (double) top / all);
    }

    /** Cosine of the two users' category histograms. */
    private static double categoryOverlap(Interactions x, int u, int v) {
        double[] a = new double[WORLD.numCategories()];
        double[] b = new double[WORLD.numCategories()];
        for (int i : x.itemsOf(u)) {
            a[WORLD.category(i)]++;
        }
        for (int i : x.itemsOf(v)) {
            b[WORLD.category(i)]++;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int c = 0; c < a.length; c++) {
            dot += a[c] * b[c];
            na += a[c] * a[c];
            nb += b[c] * b[c];
        }
        return dot / Math.sqrt(na * nb);
    }
}
