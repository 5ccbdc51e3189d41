package io.recsys4j.core.graph;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.SocialGraph;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * JGraphT views of the data, for analysis with JGraphT's algorithms. The bipartite
 * interaction graph numbers users {@code 0..U-1} and items {@code U..U+I-1}; the social
 * graph numbers users as the id space does. Models read the CSR arrays of
 * {@link Interactions} and {@link SocialGraph} instead: these views are for analysis.
 */
public final class GraphViews {
    private GraphViews() {
    }

    /** The user-item bipartite graph, every user and item a vertex, repeats merged. */
    public static Graph<Integer, DefaultEdge> interactionGraph(Interactions data) {
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        int users = data.numUsers();
        for (int v = 0; v < users + data.numItems(); v++) {
            g.addVertex(v);
        }
        for (int k = 0; k < data.size(); k++) {
            g.addEdge(data.user(k), users + data.item(k));
        }
        return g;
    }

    /** The user-user social graph, every user a vertex. */
    public static Graph<Integer, DefaultEdge> socialGraph(SocialGraph social) {
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int u = 0; u < social.numUsers(); u++) {
            g.addVertex(u);
        }
        for (int u = 0; u < social.numUsers(); u++) {
            for (int v : social.neighbours(u)) {
                if (u < v) {
                    g.addEdge(u, v);
                }
            }
        }
        return g;
    }

    /** Number of connected components, isolated vertices counting one each. */
    public static int connectedComponents(Graph<Integer, DefaultEdge> g) {
        return new ConnectivityInspector<>(g).connectedSets().size();
    }
}
