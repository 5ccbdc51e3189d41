package io.recsys4j.gnn.internal.graph;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.SocialGraph;

/**
 * The propagation matrices of the graph models, over the stacked node set: users
 * {@code 0..U-1}, then items {@code U..U+I-1}.
 *
 * <p>Convention for isolated nodes: a node without edges has {@code d^-1/2 = 0} (as the
 * reference LightGCN code, which sets the infinite inverse to 0), so its row is empty and it
 * propagates nothing.
 */
public final class Adjacency {
    private Adjacency() {
    }

    /**
     * The symmetrically normalised user-item adjacency {@code Â = D^-1/2 A D^-1/2} of He et
     * al. 2020 (LightGCN), {@code A = [[0, R], [Rᵀ, 0]]} with {@code R} the binary
     * interaction matrix (repeated interactions count once).
     */
    public static CsrMatrix normalizedBipartite(Interactions train) {
        int users = train.numUsers();
        int n = users + train.numItems();
        int[] rs = train.csrRowStart();
        int[] items = train.csrItems();
        int[] userDeg = new int[users];
        int[] itemDeg = new int[train.numItems()];
        int pairs = 0;
        for (int u = 0; u < users; u++) {
            for (int k = rs[u]; k < rs[u + 1]; k++) {
                if (k == rs[u] || items[k] != items[k - 1]) {
                    userDeg[u]++;
                    itemDeg[items[k]]++;
                    pairs++;
                }
            }
        }
        int[] r = new int[2 * pairs];
        int[] c = new int[2 * pairs];
        float[] v = new float[2 * pairs];
        int m = 0;
        for (int u = 0; u < users; u++) {
            for (int k = rs[u]; k < rs[u + 1]; k++) {
                if (k != rs[u] && items[k] == items[k - 1]) {
                    continue;
                }
                int i = items[k];
                float w = (float) (1.0 / Math.sqrt((double) userDeg[u] * itemDeg[i]));
                r[m] = u;
                c[m] = users + i;
                v[m++] = w;
                r[m] = users + i;
                c[m] = u;
                v[m++] = w;
            }
        }
        return CsrMatrix.fromCoo(n, n, r, c, v);
    }

    /** The symmetrically normalised user-user social adjacency {@code Ŝ = D_S^-1/2 S D_S^-1/2}. */
    public static CsrMatrix normalizedSocial(SocialGraph social) {
        int n = social.numUsers();
        int[] rs = social.csrRowStart();
        int[] nb = social.csrNeighbours();
        int[] r = new int[nb.length];
        float[] v = new float[nb.length];
        for (int u = 0; u < n; u++) {
            for (int k = rs[u]; k < rs[u + 1]; k++) {
                r[k] = u;
                v[k] = (float) (1.0 / Math.sqrt((double) social.degree(u) * social.degree(nb[k])));
            }
        }
        return CsrMatrix.fromCoo(n, n, r, nb.clone(), v);
    }

    /**
     * The one-layer operator of the social model over the stacked nodes:
     * <pre>
     *   e_U' = (1 - β) · (Â e)_U + β · Ŝ e_U
     *   e_I' = (Â e)_I
     * </pre>
     * i.e. {@code P = [[β Ŝ, (1-β) Â_UI], [Â_IU, 0]]}: each layer, users take the interaction
     * propagation of LightGCN and the social propagation of SocialLGN (Liao et al. 2022), fused
     * by a fixed convex combination instead of SocialLGN's learned fusion network. The
     * operator stays linear, so layers stay as cheap as LightGCN's and the backward pass is
     * {@code Pᵀ}. {@code β = 0} gives LightGCN exactly.
     *
     * @param beta weight of the social propagation, in [0, 1]
     * @throws IllegalArgumentException if the id spaces differ or β is outside [0, 1]
     */
    public static CsrMatrix socialOperator(Interactions train, SocialGraph social, double beta) {
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1], found " + beta);
        }
        if (social.numUsers() != train.numUsers()) {
            throw new IllegalArgumentException("social graph has " + social.numUsers() + " users, interactions "
                    + train.numUsers() + "; build both through Dataset");
        }
        int users = train.numUsers();
        CsrMatrix a = normalizedBipartite(train);
        if (beta == 0) {
            return a;
        }
        CsrMatrix s = normalizedSocial(social);
        int total = a.nonZeros() + s.nonZeros();
        int[] r = new int[total];
        int[] c = new int[total];
        float[] v = new float[total];
        int m = 0;
        for (int row = 0; row < a.rows(); row++) {
            float scale = row < users ? (float) (1 - beta) : 1f;
            for (int k = a.rowStart()[row]; k < a.rowStart()[row + 1]; k++) {
                r[m] = row;
                c[m] = a.colIndex()[k];
                v[m++] = scale * a.values()[k];
            }
        }
        for (int row = 0; row < users; row++) {
            for (int k = s.rowStart()[row]; k < s.rowStart()[row + 1]; k++) {
                r[m] = row;
                c[m] = s.colIndex()[k];
                v[m++] = (float) beta * s.values()[k];
            }
        }
        return CsrMatrix.fromCoo(a.rows(), a.cols(), r, c, v);
    }
}
