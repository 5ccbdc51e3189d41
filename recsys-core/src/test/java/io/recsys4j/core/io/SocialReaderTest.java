package io.recsys4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.SocialGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocialReaderTest {
    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path p = dir.resolve("trust.tsv");
        Files.writeString(p, content);
        return p;
    }

    @Test
    void mirrorLines_areOneUndirectedEdgeAndCounted() throws IOException {
        Loaded<SocialGraph> l = SocialReader.edges().read(write("1\t2\n2\t1\n1 3\n"));
        assertEquals(2, l.data().numEdges());
        assertEquals(1, l.report().skipped("mirror line"));
        assertEquals(2, l.report().records());
    }

    @Test
    void edgeToUnknownUser_isRejectedWithLine() throws IOException {
        IdMap users = IdMap.of(List.of("1", "2"));
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> SocialReader.edges().withKnownUsers(users).read(write("1\t2\n2\t9\n")));
        assertEquals(2, e.line());
        assertTrue(e.problem().contains("unknown user '9'"), e.getMessage());
    }

    @Test
    void unknownUsers_areAppendedWhenOptedIn() throws IOException {
        IdMap users = IdMap.of(List.of("1", "2"));
        Loaded<SocialGraph> l = SocialReader.edges().withKnownUsers(users).withUnknownUsersAdded().read(write("2\t9\n9\t1\n"));
        SocialGraph g = l.data();
        assertEquals(List.of("1", "2", "9"), g.users().ids());
        assertTrue(g.connected(1, 2));
        assertEquals(1, l.report().skipped("user without interactions added"), "added users are counted, not silent");
        assertTrue(l.report().toString().contains("1 user without interactions added"), l.report().toString());
    }

    @Test
    void selfLoop_isRejectedUnlessSkipped() throws IOException {
        Path p = write("1\t2\n3\t3\n");
        assertEquals(2, assertThrows(MalformedDataException.class, () -> SocialReader.edges().read(p)).line());
        Loaded<SocialGraph> l = SocialReader.edges().withSelfLoopsSkipped().read(p);
        assertEquals(1, l.report().skipped("self loop"));
        assertEquals(1, l.data().numEdges());
    }

    @Test
    void repeatedLine_isRejectedUnlessSkipped() throws IOException {
        Path p = write("1\t2\n1\t2\n");
        assertTrue(assertThrows(MalformedDataException.class, () -> SocialReader.edges().read(p)).problem()
                .contains("duplicate edge"));
        assertEquals(1, SocialReader.edges().withDuplicates(DuplicatePolicy.SKIP).read(p).report().skipped("duplicate edge"));
        // An unweighted edge merged with its repeat is the edge once: MERGE and SKIP agree.
        Loaded<SocialGraph> merged = SocialReader.edges().withDuplicates(DuplicatePolicy.MERGE).read(p);
        assertEquals(1, merged.data().numEdges());
        assertEquals(1, merged.report().skipped("duplicate edge"));
    }

    @Test
    void lineWithOneId_isRejected() throws IOException {
        assertEquals(1, assertThrows(MalformedDataException.class, () -> SocialReader.edges().read(write("7\n"))).line());
    }
}
