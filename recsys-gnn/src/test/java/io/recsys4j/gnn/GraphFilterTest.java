package io.recsys4j.gnn;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import io.recsys4j.gnn.internal.filter.RandomizedSvdTest;
import org.junit.jupiter.api.Test;

import io.recsys4j.core.SocialGraph;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.NoSuchElementException;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void textTerm_addsGammaTimesTheCentredCosinesOfTheUsersItems_andNothingForItemsWithoutText() {
        Interactions t = randomGraph(30, 20, 0.2, 5);
        java.util.Random rnd = new java.util.Random(9);
        float[][] text = new float[t.numItems()][];
        for (int i = 0; i < text.length; i++) {
            if (i % 4 != 3) {   // every fourth item has no text
                text[i] = new float[] {(float) rnd.nextGaussian(), (float) rnd.nextGaussian(), (float) rnd.nextGaussian()};
            }
        }
        FilterSettings s = FilterSettings.builder().rank(4).idealWeight(0.3).sharpening(0.5).build();
        double gamma = 0.2;
        GraphFilter plain = GraphFilter.builder().interactions(t).settings(s).fit();
        GraphFilter withText = GraphFilter.builder().interactions(t).itemText(text)
                .settings(s.toBuilder().textWeight(gamma).build()).fit();
        int n = t.numItems();
        double[][] e = centredUnit(text);
        int[] all = java.util.stream.IntStream.range(0, t.numUsers()).toArray();
        float[] a = new float[all.length * n];
        float[] b = new float[all.length * n];
        plain.score(all, a);
        withText.score(all, b);
        for (int u : all) {
            for (int y = 0; y < n; y++) {
                double expected = 0;
                for (int q = t.csrRowStart()[u]; q < t.csrRowStart()[u + 1]; q++) {
                    expected += gamma * dot(e[t.csrItems()[q]], e[y]);
                }
                assertEquals(expected, b[u * n + y] - a[u * n + y], 1e-5, "user " + u + " item " + y);
            }
        }
    }

    /** Unit rows less their mean over the rows with text; null rows stay null. */
    private static double[][] centredUnit(float[][] rows) {
        int d = 3;
        double[] mean = new double[d];
        int count = 0;
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != null) {
                double norm = Math.sqrt(rows[i][0] * rows[i][0] + rows[i][1] * rows[i][1] + rows[i][2] * rows[i][2]);
                out[i] = new double[d];
                for (int j = 0; j < d; j++) {
                    out[i][j] = rows[i][j] / norm;
                    mean[j] += out[i][j];
                }
                count++;
            }
        }
        for (double[] r : out) {
            for (int j = 0; r != null && j < d; j++) {
                r[j] -= mean[j] / count;
            }
        }
        return out;
    }

    private static double dot(double[] x, double[] y) {
        return x == null || y == null ? 0 : x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
    }

    @TempDir
    Path dir;

    private static SocialGraph ring(Interactions t) {
        int n = t.numUsers();
        int[] a = new int[2 * n];
        int[] b = new int[2 * n];
        for (int u = 0; u < n; u++) {
            a[2 * u] = u;
            b[2 * u] = (u + 1) % n;
            a[2 * u + 1] = u;
            b[2 * u + 1] = (u + 7) % n;
        }
        return SocialGraph.of(t.users(), a, b);
    }

    private static List<String> history(GraphFilter m, int u) {
        Interactions t = m.trainingInteractions();
        List<String> out = new ArrayList<>();
        for (int e = t.csrRowStart()[u]; e < t.csrRowStart()[u + 1]; e++) {
            out.add(t.items().id(t.csrItems()[e]));
        }
        return out;
    }

    private static List<String> friends(SocialGraph g, int u) {
        List<String> out = new ArrayList<>();
        for (int f : g.neighbours(u)) {
            out.add(g.users().id(f));
        }
        return out;
    }

    private static GraphFilter fitted(boolean social) {
        Interactions t = randomGraph(60, 40, 0.12, 11);
        GraphFilter.Builder b = GraphFilter.builder().interactions(t);
        FilterSettings.Builder s = FilterSettings.builder().rank(6).idealWeight(0.3).sharpening(0.5);
        if (social) {
            b.social(ring(t));
            s.socialWeight(0.25);
        }
        return b.settings(s.build()).fit();
    }

    @Test
    void foldIn_ofAKnownUsersRowAndFriends_isExactlyThatUsersRecommendation() {
        for (boolean social : new boolean[] {false, true}) {
            GraphFilter m = fitted(social);
            for (int u = 0; u < 60; u += 7) {
                String id = m.users().id(u);
                List<String> fs = social ? friends(m.social(), u) : List.of();
                assertEquals(m.recommend(id, 15), m.recommendForHistory(history(m, u), fs, null, 15), "user " + u);
            }
            if (social) {
                // Without the friends the social part is missing, so the lists must differ somewhere.
                boolean differs = false;
                for (int u = 0; u < 60; u++) {
                    differs |= !m.recommend(m.users().id(u), 15).equals(m.recommendForHistory(history(m, u), List.of(), null, 15));
                }
                assertTrue(differs, "friends had no effect");
            }
        }
    }

    @Test
    void withInteractions_servesTheNewRowWithoutRefitting_knownAndNewUsers() {
        GraphFilter m = fitted(false);
        String u = m.users().id(4);
        List<String> row = new ArrayList<>(history(m, 4));
        List<String> extra = new ArrayList<>();
        for (int i = 0; extra.size() < 3; i++) {
            if (!row.contains(m.items().id(i))) {
                extra.add(m.items().id(i));
            }
        }
        GraphFilter m2 = m.withInteractions(u, extra);
        row.addAll(extra);
        List<Recommendation> after = m2.recommend(u, 10);
        assertEquals(m.recommendForHistory(row, List.of(), null, 10), after);
        for (Recommendation r : after) {
            assertTrue(!extra.contains(r.itemId()), "added item recommended: " + r);
        }
        assertNotEquals(m.recommend(u, 10), after);
        // The item side is kept: every other user's scores are unchanged.
        assertEquals(m.recommend(m.users().id(5), 10), m2.recommend(m.users().id(5), 10));
        GraphFilter m3 = m.withInteractions("newcomer", extra);
        assertEquals(m.recommendForHistory(extra, List.of(), null, 10), m3.recommend("newcomer", 10));
        assertEquals(m.users().size() + 1, m3.users().size());
        assertThrows(NoSuchElementException.class, () -> m.withInteractions(u, List.of("no-such-item")));
        assertThrows(NoSuchElementException.class, () -> m.recommendForHistory(List.of("no-such-item"), List.of(), null, 5));
        assertThrows(IllegalArgumentException.class, () -> m.recommendForHistory(extra, List.of(), null, 0));
    }

    @Test
    void explanation_partsSumToTheScore_withAndWithoutFriends() {
        for (boolean social : new boolean[] {false, true}) {
            GraphFilter m = fitted(social);
            for (int u = 0; u < 60; u += 5) {
                String id = m.users().id(u);
                for (int i = 0; i < 40; i += 3) {
                    String item = m.items().id(i);
                    List<Contribution> parts = m.explain(id, item, Integer.MAX_VALUE);
                    double sum = 0;
                    double shares = 0;
                    for (Contribution c : parts) {
                        sum += c.amount();
                        shares += c.share();
                    }
                    assertEquals(m.score(id, item), sum, 1e-5, "user " + u + " item " + i);
                    int expected = history(m, u).size() + (social ? m.social().degree(u) : 0);
                    assertEquals(expected, parts.size());
                    if (sum != 0) {
                        assertEquals(1.0, shares, 1e-9);
                    }
                    for (int q = 1; q < parts.size(); q++) {
                        assertTrue(Math.abs(parts.get(q - 1).amount()) >= Math.abs(parts.get(q).amount()));
                    }
                }
            }
            List<Contribution> top2 = m.explain(m.users().id(0), m.items().id(1), 2);
            assertEquals(2, top2.size());
        }
    }

    @Test
    void savedModel_loadsWithTheSameScoresSettingsAndTuningTable() throws Exception {
        Interactions t = randomGraph(80, 50, 0.1, 5);
        GraphFilter m = GraphFilter.builder().interactions(t).social(ring(t)).ranks(4, 8).idealWeights(0.1, 0.3)
                .sharpenings(0, 0.5).socialWeights(0, 0.25).exponents(0.5).tuningUsers(80).fit();
        assertEquals(2 * 2 * 2 * 2, m.tuning().size());
        Path f = dir.resolve("filter.bin");
        m.save(f);
        Recommender r = Recommender.load(f);
        assertEquals(GraphFilter.FAMILY, r.family());
        GraphFilter back = (GraphFilter) r;
        assertEquals(m.settings(), back.settings());
        assertEquals(m.tuning(), back.tuning());
        int[] all = new int[t.numUsers()];
        for (int u = 0; u < all.length; u++) {
            all[u] = u;
        }
        float[] a = new float[all.length * t.numItems()];
        float[] b = new float[a.length];
        m.score(all, a);
        back.score(all, b);
        assertTrue(java.util.Arrays.equals(a, b), "scores changed in the round trip");
    }

    @Test
    void tuning_isDeterministic_andChoosesTheCandidateWithTheBestValidationRecall() {
        Interactions t = randomGraph(120, 60, 0.08, 9);
        GraphFilter.Builder b = GraphFilter.builder().interactions(t).ranks(4, 8).idealWeights(0.1, 0.5)
                .sharpenings(0, 1).exponents(0.4, 0.6).seed(3);
        GraphFilter m1 = b.fit();
        GraphFilter m2 = b.fit();
        assertEquals(m1.tuning(), m2.tuning());
        assertEquals(m1.settings(), m2.settings());
        double best = m1.tuning().stream().mapToDouble(FilterCandidate::recall).max().orElseThrow();
        FilterCandidate chosen = m1.tuning().stream().filter(c -> c.settings().equals(m1.settings())).findFirst().orElseThrow();
        assertEquals(best, chosen.recall(), 0.0);
        assertThrows(IllegalArgumentException.class,
                () -> GraphFilter.builder().interactions(t).settings(FilterSettings.builder().socialWeight(0.2).build()).fit());
        assertThrows(IllegalStateException.class, () -> GraphFilter.builder().fit());
    }
}
