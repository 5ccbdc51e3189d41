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
}
