package io.recsys4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdMapTest {
    @Test
    void range_mapsEveryIdToItsOwnNumber() {
        IdMap m = IdMap.range(5);
        assertEquals(5, m.size());
        assertEquals(3, m.indexOf("3"));
        assertEquals("4", m.id(4));
        assertEquals(-1, m.indexOf("5"));
    }

    @Test
    void union_keepsFirstIndicesAndAppendsNewIdsInOrder() {
        IdMap a = IdMap.of(List.of("x", "y"));
        IdMap b = IdMap.of(List.of("z", "y", "w"));
        IdMap u = IdMap.union(a, b);
        assertEquals(List.of("x", "y", "z", "w"), u.ids());
        assertTrue(a.isPrefixOf(u));
        assertFalse(b.isPrefixOf(u));
    }

    @Test
    void of_rejectsRepeatedId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdMap.of(List.of("a", "b", "a")));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
    }

    @Test
    void require_namesTheUnknownId() {
        IdMap m = IdMap.of(List.of("a"));
        assertTrue(assertThrows(java.util.NoSuchElementException.class, () -> m.require("q")).getMessage().contains("'q'"));
    }
}
