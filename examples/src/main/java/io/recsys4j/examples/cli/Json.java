package io.recsys4j.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.recsys4j.core.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes reports as JSON; an undefined (NaN) metric becomes {@code null}, at any depth. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static void write(Path file, Map<String, ?> report) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(clean(report));
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    static String toString(Map<String, ?> report) throws JsonProcessingException {
        return MAPPER.writeValueAsString(clean(report));
    }

    private static Map<String, Object> clean(Map<String, ?> report) {
        Map<String, Object> clean = new LinkedHashMap<>();
        report.forEach((k, v) -> clean.put(k, clean(v)));
        return clean;
    }

    @SuppressWarnings("unchecked")
    private static Object clean(Object v) {
        if (v instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            return clean((Map<String, ?>) m);
        }
        return v;
    }
}
