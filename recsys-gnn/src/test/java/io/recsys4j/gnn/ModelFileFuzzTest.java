package io.recsys4j.gnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.recsys4j.core.io.MalformedDataException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Coverage-guided fuzz tests of the model-file reader: any bytes either load as a model that
 * answers a recommendation, or raise {@link MalformedDataException} naming the file; never
 * another exception and never an allocation the file's size does not justify.
 *
 * <p>{@link #body} fuzzes what follows the magic bytes and seals it with a correct checksum, so
 * that the fuzzer reaches the parser instead of stopping at the checksum; {@link #rawFile}
 * fuzzes whole files. Seeds: small saved models of every family in
 * {@code src/test/resources/.../ModelFileFuzzTestInputs}. Longer runs: docs/fuzzing.md.
 */
class ModelFileFuzzTest {
    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("recsys-fuzz", ".bin");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void body(byte[] body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(ModelFile.MAGIC);
        b.writeBytes(body);
        CRC32 crc = new CRC32();
        crc.update(b.toByteArray());
        b.writeBytes(ByteBuffer.allocate(8).putLong(crc.getValue()).array());
        check(b.toByteArray());
    }

    @FuzzTest(maxDuration = "10m")
    void rawFile(byte[] bytes) {
        check(bytes);
    }

    private static void check(byte[] bytes) {
        try {
            Files.write(FILE, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Recommender model;
        try {
            model = Recommender.load(FILE);
        } catch (MalformedDataException e) {
            assertEquals(FILE, e.file(), e.getMessage());
            assertTrue(e.getMessage().startsWith(FILE.toString()) && !e.getMessage().contains("\n"), e.getMessage());
            return;
        } catch (IOException e) {
            throw new AssertionError("not the library's exception: " + e, e);
        }
        // A model that loads must serve: its first user gets a list of distinct known items.
        if (model.users().size() > 0) {
            java.util.List<?> top = model.recommend(model.users().id(0), 5);
            assertTrue(top.size() <= 5);
        }
    }
}
