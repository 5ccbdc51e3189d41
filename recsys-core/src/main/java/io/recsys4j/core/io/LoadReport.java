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

    /** E.g. {@code "/data/train.txt: 1000 lines, 990 records, 9 duplicate interactions, 1 blank line"}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ").append(count(lines, "line")).append(", ").append(count(records, "record"));
        skipped.forEach((k, v) -> sb.append(", ").append(count(v, k)));
        return sb.toString();
    }

    /**
     * {@code "1 blank line"}, {@code "2 blank lines"}. A reason names its noun first and
     * qualifies it after {@code " of "} or {@code " without "} ({@code "user line without
     * items"}); a reason starting {@code "below "} is not a noun and stays as it is.
     */
    static String count(long n, String reason) {
        if (n == 1 || reason.startsWith("below ")) {
            return n + " " + reason;
        }
        int end = reason.length();
        for (String tail : new String[] {" of ", " without "}) {
            int at = reason.indexOf(tail);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        return n + " " + plural(reason.substring(0, end)) + reason.substring(end);
    }

    private static String plural(String noun) {
        if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) {
            return noun + "es";
        }
        if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }
}
