package io.recsys4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's Java example is the tagged region of {@code QuickStart.java}, which compiles
 * with the module (and runs in {@code ExamplesTest}), so the README cannot drift from code
 * that works.
 */
class ReadmeSnippetTest {
    private static final Path QUICK_START = Path.of("src/main/java/io/recsys4j/examples/QuickStart.java");

    @Test
    void readmeJavaBlock_isTheTaggedRegionOfQuickStart() throws IOException {
        List<List<String>> blocks = javaBlocks(Files.readAllLines(readme()));
        assertEquals(1, blocks.size(), "the README should hold exactly one ```java block");
        assertEquals(String.join("\n", taggedRegion(Files.readAllLines(QUICK_START))), String.join("\n", blocks.get(0)),
                "README.md's Java block differs from the tag::readme[] region of " + QUICK_START
                        + ": copy the region into the README");
    }

    @Test
    void readmeNamesTheFilesTheSnippetReads() throws IOException {
        String text = Files.readString(readme());
        assertTrue(text.contains("java -jar examples/target/recsys-cli.jar synth --out target/synth"),
                "the README should show the command that writes target/synth");
    }

    /** The project's README.md: surefire runs in the module's folder, one below it. */
    private static Path readme() {
        return Path.of("..", "README.md");
    }

    private static List<List<String>> javaBlocks(List<String> lines) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            if (current == null && line.strip().equals("```java")) {
                current = new ArrayList<>();
            } else if (current != null && line.strip().equals("```")) {
                blocks.add(current);
                current = null;
            } else if (current != null) {
                current.add(line.stripTrailing());
            }
        }
        return blocks;
    }

    private static List<String> taggedRegion(List<String> lines) {
        int from = lines.indexOf("// tag::readme[]");
        int to = lines.indexOf("// end::readme[]");
        assertTrue(from >= 0 && to > from, "QuickStart.java has no // tag::readme[] ... // end::readme[] region");
        List<String> region = new ArrayList<>();
        for (String line : lines.subList(from + 1, to)) {
            region.add(line.stripTrailing());
        }
        return region;
    }
}
