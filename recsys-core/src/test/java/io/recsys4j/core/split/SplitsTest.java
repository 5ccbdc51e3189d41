package io.recsys4j.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.synthetic.SyntheticWorld;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitsTest {
    private static final Interactions DATA = SyntheticWorld.builder().users(200).items(300).interactions(4000).seed(7)
            .build().interactions();

    private static Set<Long> pairs(Interactions x) {
        Set<Long> s = new HashSet<>();
        for (int k = 0; k < x.size(); k++) {
            s.add(((long) x.user(k) << 32) | x.item(k));
        }
        return s;
    }

    @Test
    void randomPerUser_partitionsEveryInteractionOnce() {
        Split s = Splits.randomPerUser(DATA, 0.2, 1);
        assertEquals(DATA.size(), s.train().size() + s.test().size());
        Set<Long> all = pairs(s.train());
        all.addAll(pairs(s.test()));
        assertEquals(pairs(DATA), all);
        for (int u = 0; u < DATA.numUsers(); u++) {
            int n = DATA.degree(u);
            assertEquals(Math.min(n - 1, Math.round(0.2 * n)), s.test().degree(u), "user " + u);
        }
    }

    @Test
    void randomPerUser_isDeterministicForASeed() {
        assertEquals(pairs(Splits.randomPerUser(DATA, 0.3, 5).test()), pairs(Splits.randomPerUser(DATA, 0.3, 5).test()));
        assertTrue(!pairs(Splits.randomPerUser(DATA, 0.3, 5).test()).equals(pairs(Splits.randomPerUser(DATA, 0.3, 6).test())));
    }

    @Test
    void leaveOneOut_holdsOutEachUsersLatest() {
        Interactions x = Interactions.of(IdMap.range(2), IdMap.range(4), new int[] {0, 0, 0, 1},
                new int[] {0, 1, 2, 3}, null, new long[] {5, 9, 7, 1});
        Split s = Splits.leaveOneOut(x);
        assertEquals(1, s.test().size());
        assertEquals(1, s.test().item(0));
        assertEquals(3, s.train().size(), "a user with one interaction keeps it");
    }

    @Test
    void globalTemporal_sendsOnlyLaterInteractionsToTest() {
        Interactions x = Interactions.of(IdMap.range(2), IdMap.range(5), new int[] {0, 0, 1, 1, 1},
                new int[] {0, 1, 2, 3, 4}, null, new long[] {1, 2, 3, 4, 5});
        Split s = Splits.globalTemporal(x, 0.4);
        assertEquals(2, s.test().size());
        for (int k = 0; k < s.test().size(); k++) {
            assertTrue(s.test().timestamp(k) > 3);
        }
    }

    @Test
    void timeSplits_needTimestamps() {
        Interactions x = Interactions.of(IdMap.range(1), IdMap.range(2), new int[] {0, 0}, new int[] {0, 1}, null, null);
        assertThrows(IllegalArgumentException.class, () -> Splits.leaveOneOut(x));
        assertThrows(IllegalArgumentException.class, () -> Splits.globalTemporal(x, 0.5));
    }

    @Test
    void coldItems_holdsOutWholeItems() {
        Split s = Splits.coldItems(DATA, 0.2, 3);
        assertEquals(DATA.size(), s.train().size() + s.test().size());
        int[] trainDeg = s.train().itemDegrees();
        int[] testDeg = s.test().itemDegrees();
        int cold = 0;
        int active = 0;
        for (int i = 0; i < DATA.numItems(); i++) {
            assertTrue(trainDeg[i] == 0 || testDeg[i] == 0, "item " + i + " on both sides");
            cold += testDeg[i] > 0 ? 1 : 0;
            active += DATA.itemDegrees()[i] > 0 ? 1 : 0;
        }
        assertEquals(Math.round(0.2 * active), cold);
        assertEquals(DATA.numItems(), s.train().numItems(), "the catalogue keeps the cold items");
    }

    @Test
    void shuffleItems_renumbersItemsBySeededFisherYates_keepingEveryPairById() {
        Interactions x = Interactions.builder().add("u", "a", 1f, 5L).add("v", "c", 2f, 6L).add("u", "d", 3f, 7L).build();
        x = x.withIdSpaces(x.users(), IdMap.of(java.util.List.of("a", "c", "d", "b")));
        // java.util.Random(42) over 4 items: j = 2 at i = 3, 0 at i = 2, 1 at i = 1, so the
        // old items [a, c, d, b] take the order [b, c, a, d].
        Interactions s = Splits.shuffleItems(x, 42);
        assertEquals(java.util.List.of("b", "c", "a", "d"), s.items().ids());
        assertEquals(x.users(), s.users());
        for (int k = 0; k < x.size(); k++) {
            assertEquals(x.users().id(x.user(k)), s.users().id(s.user(k)));
            assertEquals(x.items().id(x.item(k)), s.items().id(s.item(k)), "same item at position " + k);
            assertEquals(x.weight(k), s.weight(k));
            assertEquals(x.timestamp(k), s.timestamp(k));
        }
        assertEquals(s.items().ids(), Splits.shuffleItems(x, 42).items().ids(), "deterministic");
    }
}
