package io.recsys4j.gnn.internal.serving;

import io.recsys4j.gnn.internal.graph.CsrMatrix;
import java.util.Arrays;

/**
 * A LightGCN-family user embedding as a sum over the user's row of the one-layer operator
 * {@code P}, which is what makes fold-in and explanations exact. With {@code α = 1/(K+1)}
 * (He et al., "LightGCN", SIGIR 2020, eq. 3 and 4) and {@code e_u^(k) = Σ_c P_uc e_c^(k-1)}:
 * <pre>
 *   e_u = α e_u^(0) + Σ_c P_uc h_c,      h_c = α Σ_{k=0..K-1} e_c^(k)
 * </pre>
 * so a score {@code e_u · e_i} is exactly {@code α e_u^(0)·e_i} (the user's own embedding,
 * split into its free part and, for a text-fed model, its projected text) plus one term
 * {@code P_uc h_c·e_i} per neighbour {@code c}: a history item, or a friend where the operator
 * propagates over the social graph ({@code ModelKind.SOCIAL}).
 *
 * <p>Fold-in gives a user a new row with the weights training would have given it,
 * <pre>
 *   P_uj = (1 - β) / sqrt(|H| (d_j + 1))   for the items j of the history H (d_j: training users of j,
 *                                          + 1 for the new edge unless u already had j)
 *   P_uv = β / sqrt(|F| (f_v + 1))          for the friends v (f_v: their friends), social operator only
 * </pre>
 * ({@code β = 0} for every kind but SOCIAL) and keeps every {@code h_c} and item embedding as
 * trained: one propagation through the user's new row, the item side unchanged. A new user has
 * no own embedding ({@code e_u^(0) = 0}, or the projected profile text of a text-fed model).
 * Immutable.
 */
public final class ScoreDecomposition {
    private final int users;
    private final int d;
    private final float[] self;        // [U x d]: α × the free layer-0 embedding
    private final float[] text;        // [U x d]: α × the projected text, or null
    private final float[] userPartial; // [U x d]: h of the users (what friends propagate)
    private final float[] itemPartial; // [I x d]: h of the items
    private final Rows itemRows;       // the users' rows of P over items
    private final Rows friendRows;     // ... over users (empty unless the operator is social)

    /** One CSR block of the users' rows of P: columns are item or user indices. */
    public record Rows(int[] start, int[] cols, float[] weights) {
        public Rows {
            if (cols.length != weights.length || start[start.length - 1] != cols.length) {
                throw new IllegalArgumentException("inconsistent row sizes");
            }
        }

        int[] colsOf(int u) {
            return Arrays.copyOfRange(cols, start[u], start[u + 1]);
        }

        float[] weightsOf(int u) {
            return Arrays.copyOfRange(weights, start[u], start[u + 1]);
        }

        int length(int u) {
            return start[u + 1] - start[u];
        }

        /** With row {@code u} replaced, or appended when {@code u} is the row count. */
        Rows with(int u, int[] c, float[] w) {
            int n = Math.max(start.length - 1, u + 1);
            int[] rs = new int[n + 1];
            int total = cols.length - (u < start.length - 1 ? length(u) : 0) + c.length;
            int[] c2 = new int[total];
            float[] w2 = new float[total];
            int m = 0;
            for (int v = 0; v < n; v++) {
                rs[v] = m;
                if (v == u) {
                    System.arraycopy(c, 0, c2, m, c.length);
                    System.arraycopy(w, 0, w2, m, w.length);
                    m += c.length;
                } else {
                    System.arraycopy(cols, start[v], c2, m, length(v));
                    System.arraycopy(weights, start[v], w2, m, length(v));
                    m += length(v);
                }
            }
            rs[n] = m;
            return new Rows(rs, c2, w2);
        }
    }

    public ScoreDecomposition(int users, int d, float[] self, float[] text, float[] userPartial, float[] itemPartial,
                              Rows itemRows, Rows friendRows) {
        if (self.length != (long) users * d || (text != null && text.length != self.length)
                || userPartial.length != self.length || itemPartial.length % d != 0
                || itemRows.start().length != users + 1 || friendRows.start().length != users + 1) {
            throw new IllegalArgumentException("inconsistent decomposition sizes");
        }
        this.users = users;
        this.d = d;
        this.self = self;
        this.text = text;
        this.userPartial = userPartial;
        this.itemPartial = itemPartial;
        this.itemRows = itemRows;
        this.friendRows = friendRows;
    }

    /**
     * From a trained model: {@code partial} is h over all nodes (users first), {@code operator}
     * the one-layer operator it was trained with, whose users' rows are kept.
     */
    public static ScoreDecomposition of(int users, int d, float[] self, float[] text, float[] partial,
                                        CsrMatrix operator) {
        int[] rs = operator.rowStart();
        int[] ci = operator.colIndex();
        float[] v = operator.values();
        int[] is = new int[users + 1];
        int[] fs = new int[users + 1];
        for (int u = 0; u < users; u++) {
            int items = 0;
            for (int q = rs[u]; q < rs[u + 1]; q++) {
                items += ci[q] >= users ? 1 : 0;
            }
            is[u + 1] = is[u] + items;
            fs[u + 1] = fs[u] + (rs[u + 1] - rs[u] - items);
        }
        int[] ic = new int[is[users]];
        float[] iw = new float[ic.length];
        int[] fc = new int[fs[users]];
        float[] fw = new float[fc.length];
        for (int u = 0; u < users; u++) {
            int a = is[u];
            int b = fs[u];
            for (int q = rs[u]; q < rs[u + 1]; q++) {
                if (ci[q] >= users) {
                    ic[a] = ci[q] - users;
                    iw[a++] = v[q];
                } else {
                    fc[b] = ci[q];
                    fw[b++] = v[q];
                }
            }
        }
        return new ScoreDecomposition(users, d, self, text, Arrays.copyOfRange(partial, 0, users * d),
                Arrays.copyOfRange(partial, users * d, partial.length), new Rows(is, ic, iw), new Rows(fs, fc, fw));
    }

    /** The weight of an item in a row of {@code historySize} items, the item having {@code itemDegree} users. */
    public static float itemWeight(double beta, int historySize, int itemDegree) {
        return (float) ((1 - beta) / Math.sqrt((double) historySize * itemDegree));
    }

    /** The weight of a friend in a row of {@code friends} friends, the friend having {@code friendDegree} (social operator). */
    public static float friendWeight(double beta, int friends, int friendDegree) {
        return (float) (beta / Math.sqrt((double) friends * friendDegree));
    }

    public int users() {
        return users;
    }

    public int dim() {
        return d;
    }

    public float[] self() {
        return self;
    }

    /** α × the projected text of each user, or null for a model without text. */
    public float[] text() {
        return text;
    }

    public float[] userPartial() {
        return userPartial;
    }

    public float[] itemPartial() {
        return itemPartial;
    }

    public Rows itemRows() {
        return itemRows;
    }

    public Rows friendRows() {
        return friendRows;
    }

    /** Whether the operator propagates over friends (some user has a friend column). */
    public boolean social() {
        return friendRows.cols().length > 0;
    }

    /** Number of friends in user {@code u}'s row (a friend's {@code f_v}). */
    public int friendCount(int u) {
        return friendRows.length(u);
    }

    /**
     * {@code own + Σ w_j h_j + Σ w_v h_v}, accumulated in double.
     *
     * @param own the user's own part, or null for none
     */
    public float[] embedding(float[] own, int[] items, float[] itemW, int[] friends, float[] friendW) {
        double[] e = new double[d];
        if (own != null) {
            for (int j = 0; j < d; j++) {
                e[j] = own[j];
            }
        }
        add(e, itemPartial, items, itemW);
        add(e, userPartial, friends, friendW);
        float[] out = new float[d];
        for (int j = 0; j < d; j++) {
            out[j] = (float) e[j];
        }
        return out;
    }

    private void add(double[] e, float[] h, int[] nodes, float[] w) {
        for (int q = 0; q < nodes.length; q++) {
            int o = nodes[q] * d;
            for (int j = 0; j < d; j++) {
                e[j] += (double) w[q] * h[o + j];
            }
        }
    }

    /** User {@code u}'s own part {@code α e_u^(0)}: free plus text. */
    public float[] own(int u) {
        float[] o = Arrays.copyOfRange(self, u * d, (u + 1) * d);
        if (text != null) {
            for (int j = 0; j < d; j++) {
                o[j] += text[u * d + j];
            }
        }
        return o;
    }

    /** User {@code u}'s embedding rebuilt from the decomposition (the trained one up to rounding). */
    public float[] embedding(int u) {
        return embedding(own(u), itemRows.colsOf(u), itemRows.weightsOf(u), friendRows.colsOf(u),
                friendRows.weightsOf(u));
    }

    /** {@code Σ_j x[row·d + j] y[j]} in double. */
    public static double dot(float[] x, int row, int d, float[] y) {
        double s = 0;
        int o = row * d;
        for (int j = 0; j < d; j++) {
            s += (double) x[o + j] * y[j];
        }
        return s;
    }

    /**
     * This decomposition with user {@code u}'s rows replaced, or a new user appended when
     * {@code u == users()} (no own embedding but {@code ownText}, no h: nobody propagates from
     * them yet); the item side is shared.
     *
     * @param ownText α × the new user's projected text, or null (only for an appended user)
     */
    public ScoreDecomposition withRows(int u, int[] items, float[] itemW, int[] friends, float[] friendW,
                                       float[] ownText) {
        if (u == users) {
            float[] s2 = Arrays.copyOf(self, self.length + d);
            float[] t2 = text == null ? null : Arrays.copyOf(text, text.length + d);
            if (t2 != null && ownText != null) {
                System.arraycopy(ownText, 0, t2, users * d, d);
            }
            return new ScoreDecomposition(users + 1, d, s2, t2, Arrays.copyOf(userPartial, userPartial.length + d),
                    itemPartial, itemRows.with(u, items, itemW), friendRows.with(u, friends, friendW));
        }
        return new ScoreDecomposition(users, d, self, text, userPartial, itemPartial, itemRows.with(u, items, itemW),
                friendRows.with(u, friends, friendW));
    }
}
