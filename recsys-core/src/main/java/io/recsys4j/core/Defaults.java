package io.recsys4j.core;

/**
 * Defaults shared by every module, declared once.
 *
 * <p>The thread count is a fixed number, not the machine's core count: results that depend
 * on how work is split between threads (Hogwild-style training, per-thread random streams)
 * are then the same on every machine for the same seed and settings, and a caller who wants
 * more threads says so.
 */
public final class Defaults {
    /** Threads a parallel component uses when the caller does not say: {@value}. */
    public static final int THREADS = 2;

    private Defaults() {
    }
}
