package io.recsys4j.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.recsys4j.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes reports as JSON; an undefined (NaN) metric becomes {@code null}. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static void write(Path file, Map<String, ?> report) throws IOException {
        Map<String, Object> clean = new LinkedHashMap<>();
        report.forEach((k, v) -> clean.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        byte[] bytes = MAPPER.writeValueAsBytes(clean);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
