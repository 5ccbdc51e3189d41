package io.recsys4j.core;

/**
 * Top-K selection over a row of scores with an excluded set, ties broken by item index
 * ascending (the convention of METRICS.md), in one pass with a bounded heap: O(n log K).
 * Stateless; the caller passes the buffers so that a hot loop allocates nothing.
 */
public final class TopK {
    private TopK() {
    }

    /**
     * Selects the best {@code k} items of {@code scores[offset .. offset+n)}, item {@code i}
     * scoring {@code scores[offset + i]}, skipping the items in
     * {@code excluded[from .. to)} (sorted ascending) and NaN scores.
     *
     * @param outItems receives the selected items, best first; at least k long
     * @param heapScores scratch, at least k long
     * @return the number selected, {@code min(k, candidates)}
     */
    public static int select(float[] scores, int offset, int n, int[] excluded, int from, int to,
                             int k, int[] outItems, float[] heapScores) {
        int size = 0;
        int e = from;
        for (int i = 0; i < n; i++) {
            if (e < to && excluded[e] == i) {
                e++;
                continue;
            }
            float s = scores[offset + i];
            if (s != s) {
                continue;
            }
            if (size < k) {
                // Sift up: the root holds the worst (lowest score, then highest index).
                int c = size++;
                while (c > 0) {
                    int p = (c - 1) >>> 1;
                    if (!worse(s, i, heapScores[p], outItems[p])) {
                        break;
                    }
                    heapScores[c] = heapScores[p];
                    outItems[c] = outItems[p];
                    c = p;
                }
                heapScores[c] = s;
                outItems[c] = i;
            } else if (s > heapScores[0]) {
                // Items come in ascending order, so an equal score never beats the root.
                siftDown(heapScores, outItems, size, s, i);
            }
        }
        // Heap-sort in place: repeatedly move the worst to the end.
        for (int end = size - 1; end > 0; end--) {
            float s = heapScores[end];
            int it = outItems[end];
            heapScores[end] = heapScores[0];
            outItems[end] = outItems[0];
            siftDown(heapScores, outItems, end, s, it);
        }
        return size;
    }

    private static void siftDown(float[] hs, int[] hi, int size, float s, int item) {
        int c = 0;
        while (true) {
            int l = 2 * c + 1;
            if (l >= size) {
                break;
            }
            int r = l + 1;
            int w = r < size && worse(hs[r], hi[r], hs[l], hi[l]) ? r : l;
            if (!worse(hs[w], hi[w], s, item)) {
                break;
            }
            hs[c] = hs[w];
            hi[c] = hi[w];
            c = w;
        }
        hs[c] = s;
        hi[c] = item;
    }

    /** True if (s1, i1) ranks below (s2, i2). */
    private static boolean worse(float s1, int i1, float s2, int i2) {
        return s1 < s2 || (s1 == s2 && i1 > i2);
    }
}
