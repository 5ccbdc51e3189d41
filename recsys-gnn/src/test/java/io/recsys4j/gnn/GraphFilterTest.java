package io.recsys4j.gnn;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import io.recsys4j.gnn.internal.filter.RandomizedSvdTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GraphFilterTest {
    static Interactions randomGraph(int users, int items, double density, long seed) {
        Random rnd = new Random(seed);
        List<Integer> u = new ArrayList<>();
        List<Integer> i = new ArrayList<>();
        for (int a = 0; a < users; a++) {
            boolean any = false;
            for (int b = 0; b < items; b++) {
                if (rnd.nextDouble() < density || (!any && b == items - 1)) {
                    u.add(a);
                    i.add(b);
                    any = true;
                }
            }
        }
        return Interactions.of(IdMap.range(users), IdMap.range(items), u.stream().mapToInt(x -> x).toArray(),
                i.stream().mapToInt(x -> x).toArray(), null, null);
    }

    /** The formula of GraphFilter's class comment, densely in double, with an exact eigen-decomposition of P. */
    static double[][] dense(Interactions t, FilterSettings s) {
        int nu = t.numUsers();
        int n = t.numItems();
        int[] du = t.userDegrees();
        int[] di = t.itemDegrees();
        double a = s.exponent();
        double[][] rt = new double[nu][n];
        double[][] r = new double[nu][n];
        for (int k = 0; k < t.size(); k++) {
            int uu = t.user(k);
            int ii = t.item(k);
            r[uu][ii] = 1;
            rt[uu][ii] = Math.pow(du[uu], -a) * Math.pow(di[ii], -(1 - a));
        }
        double[][] p = new double[n][n];
        for (int uu = 0; uu < nu; uu++) {
            for (int x = 0; x < n; x++) {
                for (int y = 0; y < n; y++) {
                    p[x][y] += rt[uu][x] * rt[uu][y];
                }
            }
        }
        double[] ev = new double[n];
        double[][] q = RandomizedSvdTest.jacobi(p, ev);
        Integer[] order = new Integer[n];
        for (int x = 0; x < n; x++) {
            order[x] = x;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(ev[y], ev[x]));
        double[][] f = new double[n][n];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                f[x][y] = p[x][y];
                for (int j = 0; j < s.rank(); j++) {
                    int c = order[j];
                    double lam = ev[c];
                    double h = Math.exp(-s.sharpening() * lam);
                    double vx = q[x][c];
                    double vy = q[y][c];
                    f[x][y] += vx * lam * (h - 1) * vy;
                    if (di[x] > 0 && di[y] > 0) {
                        f[x][y] += s.idealWeight() * h * vx * vy * Math.sqrt(di[y]) / Math.sqrt(di[x]);
                    }
                }
            }
        }
        double[][] out = new double[nu][n];
        for (int uu = 0; uu < nu; uu++) {
            for (int x = 0; x < n; x++) {
                if (r[uu][x] != 0) {
                    for (int y = 0; y < n; y++) {
                        out[uu][y] += f[x][y];
                    }
                }
            }
        }
        return out;
    }

    @Test
    void scoresMatchTheDenseFormula() {
        Interactions t = randomGraph(40, 25, 0.15, 3);
        for (FilterSettings s : List.of(
                FilterSettings.builder().rank(6).idealWeight(0.3).sharpening(0).build(),
                FilterSettings.builder().rank(8).idealWeight(0.2).sharpening(1.0).build(),
                FilterSettings.builder().rank(5).idealWeight(0.5).sharpening(0.5).exponent(0.3).build(),
                FilterSettings.builder().rank(0).idealWeight(0).sharpening(0).build())) {
            GraphFilter m = GraphFilter.builder().interactions(t).settings(s).fit();
            double[][] ref = dense(t, s);
            float[] got = new float[t.numUsers() * t.numItems()];
            int[] all = new int[t.numUsers()];
            for (int u = 0; u < all.length; u++) {
                all[u] = u;
            }
            m.score(all, got);
            for (int u = 0; u < all.length; u++) {
                for (int i = 0; i < t.numItems(); i++) {
                    assertEquals(ref[u][i], got[u * t.numItems() + i], 1e-4, s + " user " + u + " item " + i);
                }
            }
        }
    }
}
