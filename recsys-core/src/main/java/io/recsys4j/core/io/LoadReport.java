package io.recsys4j.core.io;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a loader read from one file: lines, records kept, and every line it did not turn
 * into a record, counted by reason. Nothing a loader leaves out goes uncounted.
 *
 * @param file the file read
 * @param lines physical lines read, header included
 * @param records records kept
 * @param skipped lines or records not kept, by reason (e.g. {@code "duplicate interaction"})
 */
public record LoadReport(Path file, long lines, long records, Map<String, Long> skipped) {
    /** Copies {@code skipped}, keeping its order. */
    public LoadReport {
        skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }

    /** Number skipped for {@code reason}, 0 if none. */
    public long skipped(String reason) {
        return skipped.getOrDefault(reason, 0L);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ").append(lines).append(" lines, ").append(records).append(" records");
        skipped.forEach((k, v) -> sb.append(", ").append(v).append(' ').append(k));
        return sb.toString();
    }
}
