package io.recsys4j.core.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UniformNegativeSamplerTest {
    @Test
    void sample_neverReturnsAPositiveAndCoversTheRestUniformly() {
        // User 0 has items 0..6 of 10 (dense path), user 1 has item 3 (rejection path).
        Interactions x = Interactions.of(IdMap.range(2), IdMap.range(10),
                new int[] {0, 0, 0, 0, 0, 0, 0, 1}, new int[] {0, 1, 2, 3, 4, 5, 6, 3}, null, null);
        UniformNegativeSampler s = new UniformNegativeSampler(x);
        SplittableRandom r = new SplittableRandom(3);
        for (int u = 0; u < 2; u++) {
            int[] count = new int[10];
            int draws = 30_000;
            for (int k = 0; k < draws; k++) {
                int i = s.sample(u, r);
                assertFalse(x.contains(u, i));
                count[i]++;
            }
            int free = 10 - x.degree(u);
            for (int i = 0; i < 10; i++) {
                if (!x.contains(u, i)) {
                    double expected = (double) draws / free;
                    assertTrue(Math.abs(count[i] - expected) < 0.1 * expected, "user " + u + " item " + i + ": " + count[i]);
                }
            }
        }
    }

    @Test
    void sample_isDeterministicForASeed() {
        Interactions x = Interactions.of(IdMap.range(1), IdMap.range(100), new int[] {0}, new int[] {5}, null, null);
        UniformNegativeSampler s = new UniformNegativeSampler(x);
        SplittableRandom a = new SplittableRandom(9);
        SplittableRandom b = new SplittableRandom(9);
        for (int k = 0; k < 100; k++) {
            assertEquals(s.sample(0, a), s.sample(0, b));
        }
    }

    @Test
    void sample_failsClearlyWhenNoNegativeExists() {
        Interactions x = Interactions.of(IdMap.range(1), IdMap.range(2), new int[] {0, 0}, new int[] {0, 1}, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new UniformNegativeSampler(x).sample(0, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("all 2 items"), e.getMessage());
    }

    @Test
    void sample_userWithRepeatedPairs_neverDrawsAPositive() {
        // User 0 has items 0..5 of 8, each repeated (dense path: 6 > 8/2); user 1 has item 2
        // three times (rejection path). With repeats counted in the degree, the dense path
        // would think fewer items are free and the rejection check would be the same.
        int[] u = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1};
        int[] i = {0, 1, 2, 3, 4, 5, 5, 4, 3, 2, 1, 0, 2, 2, 2};
        Interactions x = Interactions.of(IdMap.range(2), IdMap.range(8), u, i, null, null);
        assertEquals(6, x.degree(0));
        UniformNegativeSampler s = new UniformNegativeSampler(x);
        SplittableRandom r = new SplittableRandom(5);
        int[] seen = new int[8];
        for (int k = 0; k < 4000; k++) {
            int n0 = s.sample(0, r);
            assertTrue(n0 == 6 || n0 == 7, "user 0 drew " + n0);
            seen[n0]++;
            assertFalse(x.contains(1, s.sample(1, r)));
        }
        assertTrue(seen[6] > 1800 && seen[7] > 1800, "both free items drawn evenly: " + seen[6] + ", " + seen[7]);
        // A user whose repeats cover the catalogue has no negative, and says so.
        Interactions full = Interactions.of(IdMap.range(1), IdMap.range(2), new int[] {0, 0, 0}, new int[] {1, 0, 1}, null, null);
        assertThrows(IllegalArgumentException.class, () -> new UniformNegativeSampler(full).sample(0, r));
    }
}
