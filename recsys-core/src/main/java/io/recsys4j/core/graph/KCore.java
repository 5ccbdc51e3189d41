package io.recsys4j.core.graph;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import java.util.ArrayList;
import java.util.List;

/**
 * The (k_u, k_i)-core of the interaction data: repeatedly removes users with fewer than
 * {@code userK} interactions and items with fewer than {@code itemK}, until none is left to
 * remove (the "10-core" filtering of Gowalla and Amazon-Book). The result's id spaces keep
 * only the surviving users and items, in their original order.
 */
public final class KCore {
    private KCore() {
    }

    /**
     * Returns the core.
     *
     * @throws IllegalArgumentException if a threshold is negative
     */
    public static Interactions filter(Interactions data, int userK, int itemK) {
        if (userK < 0 || itemK < 0) {
            throw new IllegalArgumentException("thresholds must be >= 0, found " + userK + ", " + itemK);
        }
        boolean[] alive = new boolean[data.size()];
        java.util.Arrays.fill(alive, true);
        int[] ud = data.userDegrees();
        int[] id = data.itemDegrees();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = 0; k < alive.length; k++) {
                if (alive[k] && (ud[data.user(k)] < userK || id[data.item(k)] < itemK)) {
                    alive[k] = false;
                    ud[data.user(k)]--;
                    id[data.item(k)]--;
                    changed = true;
                }
            }
        }
        int[] userMap = compact(ud, userK);
        int[] itemMap = compact(id, itemK);
        IdMap users = subset(data.users(), userMap);
        IdMap items = subset(data.items(), itemMap);
        int n = 0;
        for (boolean x : alive) {
            n += x ? 1 : 0;
        }
        int[] u = new int[n];
        int[] i = new int[n];
        float[] w = data.hasWeights() ? new float[n] : null;
        long[] t = data.hasTimestamps() ? new long[n] : null;
        int j = 0;
        for (int k = 0; k < alive.length; k++) {
            if (alive[k]) {
                u[j] = userMap[data.user(k)];
                i[j] = itemMap[data.item(k)];
                if (w != null) {
                    w[j] = data.weight(k);
                }
                if (t != null) {
                    t[j] = data.timestamp(k);
                }
                j++;
            }
        }
        return Interactions.of(users, items, u, i, w, t);
    }

    private static int[] compact(int[] degree, int k) {
        int[] map = new int[degree.length];
        int next = 0;
        for (int v = 0; v < degree.length; v++) {
            map[v] = degree[v] > 0 && degree[v] >= k ? next++ : -1;
        }
        return map;
    }

    private static IdMap subset(IdMap ids, int[] map) {
        List<String> kept = new ArrayList<>();
        for (int v = 0; v < map.length; v++) {
            if (map[v] >= 0) {
                kept.add(ids.id(v));
            }
        }
        return IdMap.of(kept);
    }
}
