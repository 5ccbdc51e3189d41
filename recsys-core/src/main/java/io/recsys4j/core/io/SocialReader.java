package io.recsys4j.core.io;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.SocialGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads a social edge list: {@code user<SEP>user[<SEP>extra...]} per line, separated by tabs
 * or spaces, into an undirected {@link SocialGraph}. Immutable and reusable.
 *
 * <p>A line and its mirror ({@code a b}, later {@code b a}) are one undirected edge: the
 * second is merged and counted as {@code "mirror line"}. The same line twice rejects the
 * file unless {@link #withDuplicates} says skip; a self loop always rejects the file unless
 * {@link #withSelfLoopsSkipped}. Given {@link #withKnownUsers}, a user outside that id space
 * rejects the file unless {@link #withUnknownUsersAdded}; the result's id space then starts
 * with the known users, at the same indices.
 */
public final class SocialReader {
    private static final Pattern SEP = Pattern.compile("[\\t ]+");

    /** {@link LoadReport} reason of a user outside the known users, added under {@link #withUnknownUsersAdded}. */
    static final String ADDED = "user without interactions added";
    private final IdMap known;
    private final boolean addUnknown;
    private final boolean skipSelfLoops;
    private final DuplicatePolicy duplicates;

    private SocialReader(IdMap known, boolean addUnknown, boolean skipSelfLoops, DuplicatePolicy duplicates) {
        this.known = known;
        this.addUnknown = addUnknown;
        this.skipSelfLoops = skipSelfLoops;
        this.duplicates = duplicates;
    }

    /** A reader that accepts any user id, rejects self loops and repeated lines. */
    public static SocialReader edges() {
        return new SocialReader(null, false, false, DuplicatePolicy.REJECT);
    }

    /** Users must come from {@code users} (e.g. the interaction data's). */
    public SocialReader withKnownUsers(IdMap users) {
        return new SocialReader(Objects.requireNonNull(users), addUnknown, skipSelfLoops, duplicates);
    }

    /** With known users: add users outside them at the end of the id space instead of rejecting. */
    public SocialReader withUnknownUsersAdded() {
        return new SocialReader(known, true, skipSelfLoops, duplicates);
    }

    /** Skip self loops and count them as {@code "self loop"} instead of rejecting. */
    public SocialReader withSelfLoopsSkipped() {
        return new SocialReader(known, addUnknown, true, duplicates);
    }

    /** What to do with a line repeated exactly. */
    public SocialReader withDuplicates(DuplicatePolicy policy) {
        return new SocialReader(known, addUnknown, skipSelfLoops, Objects.requireNonNull(policy));
    }

    /**
     * Reads the file.
     *
     * @throws MalformedDataException naming file, line and problem
     * @throws IOException if the file cannot be read
     */
    public Loaded<SocialGraph> read(Path file) throws IOException {
        try (LineSource src = new LineSource(file)) {
            IdMap.Builder ids = known == null ? new IdMap.Builder() : new IdMap.Builder(known);
            InteractionReader.IntList a = new InteractionReader.IntList();
            InteractionReader.IntList b = new InteractionReader.IntList();
            PairSet directed = new PairSet();
            PairSet undirected = new PairSet();
            for (String line = src.next(); line != null; line = src.next()) {
                String t = line.strip();
                if (t.isEmpty()) {
                    src.skip("blank line");
                    continue;
                }
                String[] f = SEP.split(t);
                if (f.length < 2) {
                    throw src.error("expected two user ids, found '" + t + "'");
                }
                int x = userIndex(src, ids, f[0]);
                int y = userIndex(src, ids, f[1]);
                if (x == y) {
                    if (!skipSelfLoops) {
                        throw src.error("self loop on user " + f[0]);
                    }
                    src.skip("self loop");
                    continue;
                }
                if (!directed.add(x, y)) {
                    if (duplicates == DuplicatePolicy.REJECT) {
                        throw src.error("duplicate edge (" + f[0] + ", " + f[1] + ")");
                    }
                    src.skip("duplicate edge");
                    continue;
                }
                if (!undirected.add(Math.min(x, y), Math.max(x, y))) {
                    src.skip("mirror line");
                    continue;
                }
                a.add(x);
                b.add(y);
                src.kept();
            }
            src.requireRecords();
            return new Loaded<>(SocialGraph.of(ids.build(), a.toArray(), b.toArray()), src.report());
        }
    }

    private int userIndex(LineSource src, IdMap.Builder ids, String id) throws MalformedDataException {
        if (known != null && !addUnknown) {
            int i = ids.indexOf(id);
            if (i < 0) {
                throw src.error("social edge to unknown user '" + id + "'");
            }
            return i;
        }
        if (known != null && !ids.contains(id)) {
            // Added, not skipped, but counted all the same: a user the interactions never mention is worth knowing of.
            src.skip(ADDED);
        }
        return ids.add(id);
    }
}
