package io.recsys4j.core.internal;

import java.nio.file.Path;

/** Run by {@link AtomicFilesTest}: starts writing a file and never finishes, until it is killed. */
final class SlowWriteProbe {
    private SlowWriteProbe() {
    }

    public static void main(String[] args) throws Exception {
        AtomicFiles.write(Path.of(args[0]), out -> {
            out.write(new byte[1 << 16]);
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
