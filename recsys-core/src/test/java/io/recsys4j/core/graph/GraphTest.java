package io.recsys4j.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.SocialGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphTest {
    @Test
    void interactionGraph_countsComponentsIncludingIsolatedItems() {
        // users 0,1 share item 0; user 2 alone with item 2; item 3 untouched.
        Interactions x = Interactions.of(IdMap.range(3), IdMap.range(4), new int[] {0, 1, 1, 2},
                new int[] {0, 0, 1, 2}, null, null);
        var g = GraphViews.interactionGraph(x);
        assertEquals(7, g.vertexSet().size());
        assertEquals(4, g.edgeSet().size());
        assertEquals(3, GraphViews.connectedComponents(g));
    }

    @Test
    void socialGraph_view() {
        SocialGraph s = SocialGraph.of(IdMap.range(5), new int[] {0, 2}, new int[] {1, 3});
        assertEquals(3, GraphViews.connectedComponents(GraphViews.socialGraph(s)));
    }

    @Test
    void degreeStats_nearestRankQuantiles() {
        DegreeStats d = DegreeStats.of(new int[] {5, 1, 3, 2, 4, 10, 7, 8, 6, 9});
        assertEquals(1, d.min());
        assertEquals(3, d.p25());
        assertEquals(5, d.median());
        assertEquals(8, d.p75());
        assertEquals(9, d.p90());
        assertEquals(10, d.p99());
        assertEquals(5.5, d.mean(), 1e-12);
    }

    @Test
    void kCore_removesIterativelyUntilStable() {
        // Items 0,1 shared by users 0,1; user 2 has items 1 and 2; item 2 has one user.
        Interactions x = Interactions.of(IdMap.of(List.of("a", "b", "c")), IdMap.of(List.of("p", "q", "r")),
                new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 0, 1, 1, 2}, null, null);
        Interactions core = KCore.filter(x, 2, 2);
        // Removing item r leaves c with one item, so c goes too.
        assertEquals(List.of("a", "b"), core.users().ids());
        assertEquals(List.of("p", "q"), core.items().ids());
        assertEquals(4, core.size());
    }
}
