package io.recsys4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkersTest {
    @Test
    void run_doesEveryTaskExactlyOnce() {
        try (Workers w = Workers.of(3)) {
            AtomicIntegerArray count = new AtomicIntegerArray(1000);
            w.run(1000, count::incrementAndGet);
            for (int t = 0; t < 1000; t++) {
                assertEquals(1, count.get(t), "task " + t);
            }
            w.run(0, t -> {
                throw new AssertionError("no task to run");
            });
        }
    }

    @Test
    void run_usesTheHelperThreadsAtOnceWithTheCaller() {
        try (Workers w = Workers.of(2)) {
            // Two tasks that each wait for the other: only two threads running together finish.
            CountDownLatch both = new CountDownLatch(2);
            java.util.Set<String> names = ConcurrentHashMap.newKeySet();
            String[] caller = new String[1];
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                caller[0] = Thread.currentThread().getName();
                w.run(2, t -> {
                    names.add(Thread.currentThread().getName());
                    both.countDown();
                    try {
                        assertTrue(both.await(5, TimeUnit.SECONDS), "the other task never ran alongside");
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
            });
            assertEquals(2, names.size());
            assertTrue(names.contains(caller[0]), "the caller works too: " + names);
        }
    }

    @Test
    void run_rethrowsATasksException() {
        try (Workers w = Workers.of(2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.run(50, t -> {
                if (t == 17) {
                    throw new IllegalArgumentException("task 17 failed");
                }
            }));
            assertEquals("task 17 failed", e.getMessage());
        }
    }

    @Test
    void run_nestedInsideATask_doesNotDeadlock() {
        try (Workers w = Workers.of(2)) {
            AtomicIntegerArray count = new AtomicIntegerArray(16);
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> w.run(4, outer -> w.run(4, inner -> count.incrementAndGet(outer * 4 + inner))));
            for (int t = 0; t < 16; t++) {
                assertEquals(1, count.get(t));
            }
        }
    }

    @Test
    void borrowedExecutor_isNotShutDown_andARejectingOneStillCompletesOnTheCaller() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Workers w = Workers.on(pool, 3);
            AtomicIntegerArray count = new AtomicIntegerArray(100);
            w.run(100, count::incrementAndGet);
            w.close();
            assertFalse(pool.isShutdown());
            assertEquals(100, java.util.stream.IntStream.range(0, 100).map(count::get).sum());
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        }
        Workers rejecting = Workers.on(r -> {
            throw new RejectedExecutionException("full");
        }, 4);
        AtomicIntegerArray count = new AtomicIntegerArray(10);
        rejecting.run(10, count::incrementAndGet);
        assertEquals(10, java.util.stream.IntStream.range(0, 10).map(count::get).sum());
    }

    @Test
    void close_stopsTheOwnedThreads_andLaterRunsAreRefused() throws InterruptedException {
        Workers w = Workers.of(3);
        Thread[] helper = new Thread[1];
        CountDownLatch both = new CountDownLatch(2);
        w.run(2, t -> {
            if (Thread.currentThread().getName().startsWith("recsys-worker-")) {
                helper[0] = Thread.currentThread();
            }
            both.countDown();
            try {
                both.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        w.close();
        w.close();
        assertTrue(helper[0] != null && helper[0].isDaemon(), "a daemon helper ran a task");
        helper[0].join(5000);
        assertFalse(helper[0].isAlive(), "helper stopped after close");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.run(1, t -> { }));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void badThreadCounts_areRefusedWithTheValue_andTheDefaultIsFixed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Workers.of(0));
        assertTrue(e.getMessage().contains("found 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Workers.on(Runnable::run, -1));
        assertEquals(2, Defaults.THREADS);
        try (Workers w = Workers.ofDefault()) {
            assertEquals(Defaults.THREADS, w.threads());
        }
        Workers one = Workers.sequential();
        Thread[] ran = new Thread[1];
        one.run(1, t -> ran[0] = Thread.currentThread());
        assertSame(Thread.currentThread(), ran[0]);
    }
}
