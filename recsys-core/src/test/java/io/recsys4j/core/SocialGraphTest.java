package io.recsys4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SocialGraphTest {
    @Test
    void of_mergesMirrorsAndRepeatsIntoOneUndirectedEdge() {
        SocialGraph g = SocialGraph.of(IdMap.range(4), new int[] {0, 1, 0, 2}, new int[] {1, 0, 1, 3});
        assertEquals(2, g.numEdges());
        assertArrayEquals(new int[] {1}, g.neighbours(0));
        assertArrayEquals(new int[] {0}, g.neighbours(1));
        assertTrue(g.connected(3, 2));
    }

    @Test
    void of_rejectsSelfLoop() {
        assertThrows(IllegalArgumentException.class, () -> SocialGraph.of(IdMap.range(2), new int[] {1}, new int[] {1}));
    }
}
