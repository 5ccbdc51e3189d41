package io.recsys4j.core;

/**
 * Top-K selection over a row of scores with an excluded set, ties broken by item index
 * ascending (the convention of {@code docs/metrics.md}), in one pass with a bounded heap: O(n log K).
 * {@link #select} is stateless and allocates nothing (the caller passes the buffers);
 * {@link #forUsers} runs it for many users of a {@link Scorer}.
 */
public final class TopK {
    private TopK() {
    }

    /** Receives one user's list from {@link #forUsers}. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param user the user's index
         * @param items the selected items, best first (may be fewer than K)
         * @param scores their scores, in the same order
         */
        void accept(int user, int[] items, float[] scores);
    }

    /**
     * As {@link #forUsers(Scorer, Interactions, int[], int, int, Workers, Sink)}, on the
     * calling thread alone: no thread is started.
     */
    public static void forUsers(Scorer scorer, Interactions exclude, int[] users, int k, int blockSize, Sink sink) {
        forUsers(scorer, exclude, users, k, blockSize, Workers.sequential(), sink);
    }

    /**
     * The top-{@code k} items of every user in {@code users}, each user's training items
     * ({@code exclude}'s row, if not null) left out. Users are scored {@code blockSize} at a
     * time with one {@link Scorer#score} call, so memory is {@code blockSize x items} floats
     * however many users there are; the lists of a block are selected on {@code workers},
     * then handed to {@code sink} in the order of {@code users}, on the calling thread. The
     * lists do not depend on the number of threads.
     *
     * @param exclude interactions whose items are left out of each user's list, or null
     * @param workers the threads to select on (the caller's; not closed here)
     * @throws IllegalArgumentException if k or blockSize is below 1, or exclude's catalogue
     *     differs in size from the scorer's
     */
    public static void forUsers(Scorer scorer, Interactions exclude, int[] users, int k, int blockSize,
                                Workers workers, Sink sink) {
        java.util.Objects.requireNonNull(workers, "workers");
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be >= 1, found " + blockSize);
        }
        int n = scorer.numItems();
        int kk = cappedK(k, n);
        if (exclude != null && exclude.numItems() != n) {
            throw new IllegalArgumentException("the excluded interactions cover " + exclude.numItems()
                    + " items, the scorer " + n);
        }
        int[] none = new int[0];
        int[] rowStart = exclude == null ? null : exclude.csrRowStart();
        int[] rowItems = exclude == null ? none : exclude.csrItems();
        float[] buf = new float[Math.min(blockSize, Math.max(1, users.length)) * n];
        for (int from = 0; from < users.length; from += blockSize) {
            int[] block = java.util.Arrays.copyOfRange(users, from, Math.min(users.length, from + blockSize));
            scorer.score(block, buf);
            int[][] top = new int[block.length][];
            float[][] topScores = new float[block.length][];
            workers.run(block.length, j -> {
                int u = block[j];
                int[] t = new int[kk];
                float[] h = new float[kk];
                int got = rowStart == null ? select(buf, j * n, n, none, 0, 0, kk, t, h)
                        : select(buf, j * n, n, rowItems, rowStart[u], rowStart[u + 1], kk, t, h);
                top[j] = java.util.Arrays.copyOf(t, got);
                topScores[j] = new float[got];
                for (int r = 0; r < got; r++) {
                    topScores[j][r] = buf[j * n + t[r]];
                }
            });
            for (int j = 0; j < block.length; j++) {
                sink.accept(block[j], top[j], topScores[j]);
            }
        }
    }

    /**
     * The length of a top-{@code k} list over {@code candidates} items, {@code min(k, candidates)},
     * for sizing arrays before anything is allocated: a list never holds more items than there
     * are, so {@code k = Integer.MAX_VALUE} asks for every item, not for an array the VM cannot make.
     *
     * @throws IllegalArgumentException if k < 1
     */
    public static int cappedK(int k, int candidates) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, found " + k);
        }
        return Math.max(0, Math.min(k, candidates));
    }

    /**
     * Selects the best {@code k} items of {@code scores[offset .. offset+n)}, item {@code i}
     * scoring {@code scores[offset + i]}, skipping the items in
     * {@code excluded[from .. to)} and NaN scores. The excluded items must be in ascending
     * order; repeats among them are harmless, and entries outside {@code 0 .. n-1} exclude
     * nothing.
     *
     * @param outItems receives the selected items, best first; at least k long
     * @param heapScores scratch, at least k long
     * @return the number selected, {@code min(k, candidates)}
     */
    public static int select(float[] scores, int offset, int n, int[] excluded, int from, int to,
                             int k, int[] outItems, float[] heapScores) {
        int size = scan(scores, offset, n, excluded, from, to, k, outItems, heapScores);
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

    /** Offers every candidate item to a heap of at most {@code k} entries; returns its size. */
    private static int scan(float[] scores, int offset, int n, int[] excluded, int from, int to, int k,
                            int[] outItems, float[] heapScores) {
        int size = 0;
        int e = from;
        while (e < to && excluded[e] < 0) {
            e++;
        }
        int next = e < to ? excluded[e] : Integer.MAX_VALUE;
        // the heap's root, held in locals: once the heap is full most items fail one comparison
        float floor = 0f;
        for (int i = 0; i < n; i++) {
            if (i >= next) {
                // Advancing past every entry below i keeps a repeated or negative entry from stalling the walk.
                while (e < to && excluded[e] < i) {
                    e++;
                }
                next = e < to ? excluded[e] : Integer.MAX_VALUE;
                if (next == i) {
                    continue;
                }
            }
            float s = scores[offset + i];
            if (size == k) {
                // a NaN fails the comparison; items come in ascending order, so an equal score
                // never beats the root (whose index is lower)
                if (s > floor) {
                    siftDown(heapScores, outItems, size, s, i);
                    floor = heapScores[0];
                }
                continue;
            }
            if (s != s) {
                continue;
            }
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
            if (size == k) {
                floor = heapScores[0];
            }
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
