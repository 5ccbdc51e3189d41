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

    @Test
    void range_ofTwoBillionIds_isConstantMemoryAndParsesOnlyCanonicalIds() {
        IdMap m = IdMap.range(2_000_000_001);
        assertEquals(2_000_000_001, m.size());
        assertEquals(2_000_000_000, m.indexOf("2000000000"));
        assertEquals("1999999999", m.id(1_999_999_999));
        assertEquals(-1, m.indexOf("2000000001"));
        assertEquals(-1, m.indexOf("007"));
        assertEquals(-1, m.indexOf("+7"));
        assertEquals(-1, m.indexOf("-0"));
        assertEquals(-1, m.indexOf("99999999999999"));
        assertEquals(IdMap.range(2_000_000_001), m);
        assertEquals(IdMap.range(2_000_000_001).hashCode(), m.hashCode());
    }

    @Test
    void integerIds_inAnyOrder_matchAHashMapReference() {
        java.util.Random rnd = new java.util.Random(7);
        IdMap.Builder b = new IdMap.Builder();
        java.util.Map<String, Integer> ref = new java.util.LinkedHashMap<>();
        for (int k = 0; k < 50_000; k++) {
            String id = Integer.toString(rnd.nextInt(40_000) - 20_000);
            ref.putIfAbsent(id, ref.size());
            assertEquals(ref.get(id), b.add(id));
        }
        IdMap m = b.build();
        assertEquals(ref.size(), m.size());
        for (var e : ref.entrySet()) {
            assertEquals(e.getValue(), m.indexOf(e.getKey()));
            assertEquals(e.getKey(), m.id(e.getValue()));
        }
        assertEquals(-1, m.indexOf("x"));
        assertEquals(List.copyOf(ref.keySet()), m.ids());
        assertEquals(IdMap.of(List.copyOf(ref.keySet())), m);
    }

    @Test
    void aNonIntegerId_switchesToStrings_keepingEarlierIndices() {
        IdMap.Builder b = new IdMap.Builder();
        assertEquals(0, b.add("10"));
        assertEquals(1, b.add("3"));
        assertEquals(2, b.add("03"));
        assertEquals(1, b.add("3"));
        assertEquals(3, b.add("u7"));
        IdMap m = b.build();
        assertEquals(List.of("10", "3", "03", "u7"), m.ids());
        assertEquals(2, m.indexOf("03"));
        assertEquals(0, m.indexOf("10"));
    }

    @Test
    void equalMaps_areEqualWhateverTheirLayout() {
        assertEquals(IdMap.range(3), IdMap.of(List.of("0", "1", "2")));
        assertEquals(IdMap.of(List.of("0", "1", "2")).hashCode(), IdMap.range(3).hashCode());
        assertFalse(IdMap.range(3).equals(IdMap.of(List.of("0", "2", "1"))));
        assertTrue(IdMap.range(2).isPrefixOf(IdMap.of(List.of("0", "1", "x"))));
        assertEquals(IdMap.range(5), IdMap.union(IdMap.range(5), IdMap.range(3)));
        assertEquals(List.of("0", "1", "2", "7"), IdMap.union(IdMap.range(3), IdMap.of(List.of("7", "1"))).ids());
    }
}
