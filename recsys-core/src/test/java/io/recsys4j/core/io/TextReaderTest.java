package io.recsys4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.TextTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void movieLens_keepsQuotedTitlesWithCommasAndJoinsTags() throws IOException {
        Path movies = write("movies.csv", "movieId,title,genres\n11,\"American President, The (1995)\",Comedy|Drama|Romance\n"
                + "12,Heat (1995),(no genres listed)\n");
        Path tags = write("tags.csv", "userId,movieId,tag,timestamp\n2,11,politics,1445714994\n3,11,politics,1445714995\n"
                + "3,11,romance,1445714996\n");
        Loaded<TextTable> l = TextReader.movieLens(movies, tags);
        TextTable t = l.data();
        assertEquals("American President, The (1995). Genres: Comedy, Drama, Romance. Tags: politics, romance", t.text(0));
        assertEquals("Heat (1995)", t.text(1));
        assertEquals(1, l.report().skipped("repeated tag of a movie"));
    }

    @Test
    void movieLens_rejectsTagOfUnknownMovie() throws IOException {
        Path movies = write("movies.csv", "movieId,title,genres\n1,A,Drama\n");
        Path tags = write("tags.csv", "userId,movieId,tag,timestamp\n2,5,x,1\n");
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> TextReader.movieLens(movies, tags));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("tags.csv:2"), e.getMessage());
    }

    @Test
    void movieLens_rejectsUnknownColumn() throws IOException {
        Path movies = write("movies.csv", "movieId,name,genres\n1,A,Drama\n");
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> TextReader.movieLens(movies, null));
        assertTrue(e.problem().contains("unknown column 'name'"), e.getMessage());
    }

    @Test
    void tsv_readsAndRejectsRepeatedId() throws IOException {
        TextTable t = TextReader.tsv(write("items.tsv", "a\tred shoes\nb\tblue\tsky\n")).data();
        assertEquals("blue sky", t.text(1));
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> TextReader.tsv(write("dup.tsv", "a\tx\na\ty\n")));
        assertEquals(2, e.line());
    }

    @Test
    void alignTo_leavesMissingTextsNullAndCountsTheOthers() throws IOException {
        TextTable t = TextReader.tsv(write("items.tsv", "a\tA\nb\tB\n")).data();
        IdMap catalogue = IdMap.of(List.of("b", "c"));
        TextTable a = t.alignTo(catalogue);
        assertEquals("B", a.text(0));
        assertNull(a.text(1));
        assertEquals(1, t.countMissingFrom(catalogue));
    }

    /** Found by fuzzing: commons-csv's own exception escaped for an unterminated quote. */
    @Test
    void movieLens_malformedCsv_isOurErrorAtTheLine() throws java.io.IOException {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("movies", ".csv");
        try {
            java.nio.file.Files.writeString(f, "movieId,title,genres\n1,Toy Story,Animation\n2,\"Heat,Action\n");
            MalformedDataException e = org.junit.jupiter.api.Assertions.assertThrows(MalformedDataException.class,
                    () -> TextReader.movieLens(f, null));
            org.junit.jupiter.api.Assertions.assertEquals(3, e.line(), e.getMessage());
            org.junit.jupiter.api.Assertions.assertTrue(e.problem().startsWith("malformed CSV: "), e.getMessage());
            java.nio.file.Files.writeString(f, "movieId,title,title\n1,a,b\n");
            MalformedDataException h = org.junit.jupiter.api.Assertions.assertThrows(MalformedDataException.class,
                    () -> TextReader.movieLens(f, null));
            org.junit.jupiter.api.Assertions.assertEquals(f, h.file());
        } finally {
            java.nio.file.Files.delete(f);
        }
    }
}
