package io.recsys4j.core.internal;

import io.recsys4j.core.io.InputFiles;
import io.recsys4j.core.io.MalformedDataException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a UTF-8 file line by line, decoding each line on its own so that an invalid byte is
 * reported at the line that holds it: a {@link java.io.BufferedReader} decodes ahead of the
 * line it returns, and its error surfaces lines early. Lines end at {@code \n}, {@code \r\n} or
 * {@code \r}, as with {@code BufferedReader.readLine}; a byte-order mark at the start is dropped.
 * A line longer than {@link #MAX_LINE_BYTES} is an error rather than unbounded memory.
 *
 * <p>Works on pipes and other streams as on regular files. Not thread-safe.
 */
public final class Utf8Lines implements Closeable {
    /** The longest line accepted, in bytes (64 MiB). */
    public static final int MAX_LINE_BYTES = 1 << 26;

    private final Path file;
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private byte[] line = new byte[256];
    private boolean afterCr;
    private long lineNo;
    /** Size of a regular file when opened, to tell a file that shrank while read from one that ended; -1 for streams. */
    private final long sizeAtOpen;
    private long bytesRead;

    /**
     * Opens {@code file} after {@link InputFiles#requireReadableData}.
     *
     * @throws IOException naming the file if it is missing, a directory, unreadable or empty
     */
    public Utf8Lines(Path file) throws IOException {
        InputFiles.requireReadableData(file);
        this.file = file;
        this.sizeAtOpen = Files.isRegularFile(file) ? Files.size(file) : -1;
        this.in = Files.newInputStream(file);
    }

    /** Reads every line of {@code file}. */
    public static List<String> readAll(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (Utf8Lines r = new Utf8Lines(file)) {
            for (String s = r.next(); s != null; s = r.next()) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The next line without its terminator, or null at the end.
     *
     * @throws MalformedDataException naming file and line for invalid UTF-8 or an overlong line
     */
    public String next() throws IOException {
        if (line.length > (1 << 20)) {
            line = new byte[256]; // one long line should not pin its memory for the rest of the file
        }
        int len = 0;
        boolean any = false;
        while (true) {
            if (pos == lim) {
                int n = in.read(buf);
                if (n <= 0) {
                    if (bytesRead < sizeAtOpen) {
                        throw new MalformedDataException(file, lineNo + 1, "the file shrank while it was read (" + bytesRead
                                + " of the " + sizeAtOpen + " bytes it had when opened): is another program writing it?");
                    }
                    if (!any) {
                        return null;
                    }
                    break;
                }
                pos = 0;
                lim = n;
                bytesRead += n;
            }
            byte b = buf[pos++];
            if (afterCr) {
                afterCr = false;
                if (b == '\n') {
                    continue;
                }
            }
            any = true;
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                afterCr = true;
                break;
            }
            if (len == line.length) {
                if (len >= MAX_LINE_BYTES) {
                    throw new MalformedDataException(file, lineNo + 1, "line longer than " + (MAX_LINE_BYTES >> 20) + " MiB");
                }
                line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, len * 2));
            }
            line[len++] = b;
        }
        lineNo++;
        int start = lineNo == 1 && len >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF ? 3 : 0;
        return decode(start, len);
    }

    private String decode(int start, int len) throws MalformedDataException {
        boolean ascii = true;
        for (int k = start; k < len && ascii; k++) {
            ascii = line[k] >= 0;
        }
        if (ascii) {
            return new String(line, start, len - start, StandardCharsets.ISO_8859_1);
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, start, len - start);
        try {
            CharBuffer chars = decoder.reset().decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new MalformedDataException(file, lineNo, "not valid UTF-8");
        }
    }

    /** The 1-based number of the line last returned (0 before the first). */
    public long lineNo() {
        return lineNo;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
