package io.recsys4j.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.recsys4j.gnn.Contribution;
import io.recsys4j.gnn.GraphRecommender;
import io.recsys4j.gnn.Recommendation;
import io.recsys4j.gnn.Recommender;
import io.recsys4j.text.TextEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server behind {@code serve}: the JDK's {@link HttpServer} on a fixed pool, JSON
 * through Jackson, one saved model of any family behind an atomic reference. A request reads
 * the reference once, so requests in flight finish on the model they started with when
 * {@code /interactions} or {@code /admin/reload} swaps in another; writers are serialised so no
 * update is lost. Every bad request is a 4xx with {@code {"error": "..."}} naming the problem
 * (docs/serving.md lists the endpoints and statuses).
 */
final class ModelServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);
    /** The longest list a request may ask for: past this a client is paging a catalogue, not asking for recommendations. */
    static final int MAX_K = 1000;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the body
        // waits for the client's delayed ACK, 40 ms on Linux loopback: every reply took 44 ms.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final AtomicReference<Loaded> current;
    private final Object writes = new Object();
    private final AtomicLong generation = new AtomicLong();
    private final TextEncoder encoder;
    private final int maxBody;
    private final HttpServer server;
    private final ExecutorService pool;

    /** The model being served and where it came from. */
    private record Loaded(Recommender model, String source, long generation) {
    }

    /** A request that cannot be served: its status and the one-line reason. */
    private static final class ApiError extends RuntimeException {
        final int status;

        ApiError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /**
     * @param encoder encodes the {@code text} of {@code POST /recommend} for a text-fed model, or null
     * @param port 0 for any free port
     */
    ModelServer(Recommender model, String source, TextEncoder encoder, String host, int port, int threads, int maxBody)
            throws IOException {
        this.current = new AtomicReference<>(new Loaded(model, source, 0));
        this.encoder = encoder;
        this.maxBody = maxBody;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 256);
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "recsys-serve");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        int status;
        byte[] body;
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            Object result = switch (path) {
                case "/recommend" -> method.equals("GET") ? recommendKnown(query(ex))
                        : method.equals("POST") ? recommendNew(json(ex)) : notAllowed(method, path, "GET, POST");
                case "/interactions" -> method.equals("POST") ? interactions(json(ex)) : notAllowed(method, path, "POST");
                case "/explain" -> method.equals("GET") ? explain(query(ex)) : notAllowed(method, path, "GET");
                case "/health" -> method.equals("GET") ? health() : notAllowed(method, path, "GET");
                case "/admin/reload" -> method.equals("POST") ? reload(json(ex)) : notAllowed(method, path, "POST");
                default -> throw new ApiError(404, "no endpoint " + path + "; the endpoints are /recommend, "
                        + "/interactions, /explain, /health, /admin/reload");
            };
            if (result == null) {
                send(ex, 204, null);
                return;
            }
            status = 200;
            body = JSON.writeValueAsBytes(result);
        } catch (ApiError e) {
            status = e.status;
            body = error(e.getMessage());
        } catch (NoSuchElementException e) {
            status = 404;
            body = error(e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            status = 400;
            body = error(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("request {} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
            status = 500;
            body = error("internal error: " + e);
        }
        send(ex, status, body);
    }

    private static Object notAllowed(String method, String path, String allowed) {
        throw new ApiError(405, method + " is not allowed on " + path + "; use " + allowed);
    }

    private static byte[] error(String message) throws JsonProcessingException {
        return JSON.writeValueAsBytes(Map.of("error", message == null ? "bad request" : message));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        // A body left unread (refused as too large, or on a GET) makes the JDK server close the
        // connection after this response instead of reading it as the next request.
        try (ex) {
            if (body == null) {
                ex.sendResponseHeaders(status, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
        }
    }

    // ---- requests -------------------------------------------------------------------------

    private Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (q.put(key, value) != null) {
                throw new ApiError(400, "query parameter '" + key + "' is given twice");
            }
        }
        return q;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "malformed query string: " + e.getMessage());
        }
    }

    private static String required(Map<String, String> q, String key, Set<String> known) {
        for (String k : q.keySet()) {
            if (!known.contains(k)) {
                throw new ApiError(400, "unknown query parameter '" + k + "'; known: " + known);
            }
        }
        String v = q.get(key);
        if (v == null || v.isEmpty()) {
            throw new ApiError(400, "missing query parameter '" + key + "'");
        }
        return v;
    }

    private static int intParam(Map<String, String> q, String key, int fallback) {
        String v = q.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return checkK(key, Integer.parseInt(v));
        } catch (NumberFormatException e) {
            throw new ApiError(400, key + " must be an integer, found '" + v + "'");
        }
    }

    private static int checkK(String key, int k) {
        if (k < 1 || k > MAX_K) {
            throw new ApiError(400, key + " must be between 1 and " + MAX_K + ", found " + k);
        }
        return k;
    }

    /** The body as a JSON object, at most {@code maxBody} bytes. */
    private ObjectNode json(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBody) {
                    throw new ApiError(413, "request body of " + length.trim() + " bytes exceeds the limit of " + maxBody);
                }
            } catch (NumberFormatException e) {
                throw new ApiError(400, "malformed Content-Length '" + length + "'");
            }
        }
        byte[] bytes;
        try (InputStream in = ex.getRequestBody()) {
            bytes = in.readNBytes(maxBody + 1);
        }
        if (bytes.length > maxBody) {
            throw new ApiError(413, "request body exceeds the limit of " + maxBody + " bytes");
        }
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiError(400, "malformed JSON: " + e.getMessage());
        }
        if (node == null || node.isMissingNode() || !node.isObject()) {
            throw new ApiError(400, "the body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static void onlyFields(ObjectNode body, Set<String> known) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new ApiError(400, "unknown field '" + f + "'; known: " + known);
            }
        }
    }

    private static List<String> strings(ObjectNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new ApiError(400, "'" + field + "' must be an array of ids, found " + n.getNodeType().toString().toLowerCase());
        }
        List<String> out = new ArrayList<>(n.size());
        for (JsonNode e : n) {
            if (e.isTextual()) {
                out.add(e.asText());
            } else if (e.isIntegralNumber()) {
                out.add(e.asText());   // numeric ids, as data files write them
            } else {
                throw new ApiError(400, "'" + field + "' must hold ids (strings), found " + e);
            }
        }
        return out;
    }

    private static String string(ObjectNode body, String field, boolean required) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new ApiError(400, "missing field '" + field + "'");
            }
            return null;
        }
        if (n.isTextual() || n.isIntegralNumber()) {
            return n.asText();
        }
        throw new ApiError(400, "'" + field + "' must be a string, found " + n.getNodeType().toString().toLowerCase());
    }

    private static int kField(ObjectNode body) {
        JsonNode n = body.get("k");
        if (n == null || n.isNull()) {
            return 20;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new ApiError(400, "'k' must be an integer, found " + n);
        }
        return checkK("k", n.asInt());
    }

    // ---- endpoints ------------------------------------------------------------------------

    private Object recommendKnown(Map<String, String> q) {
        String user = required(q, "user", Set.of("user", "k"));
        int k = intParam(q, "k", 20);
        Recommender m = current.get().model();
        if (!m.users().contains(user)) {
            throw new ApiError(404, "unknown user '" + user + "'");
        }
        return list(user, m.recommend(user, k));
    }

    private Object recommendNew(ObjectNode body) {
        onlyFields(body, Set.of("history", "friends", "text", "k"));
        List<String> history = strings(body, "history");
        List<String> friends = strings(body, "friends");
        String text = string(body, "text", false);
        int k = kField(body);
        Recommender m = current.get().model();
        requireKnown(m.items(), history, "item");
        requireKnown(m.users(), friends, "user");
        float[] profile = text == null ? null : profile(m, text);
        if (history.isEmpty() && friends.isEmpty() && profile == null) {
            throw new ApiError(400, "give at least one of 'history', 'friends' and 'text'");
        }
        return list(null, m.recommendForHistory(history, friends, profile, k));
    }

    private float[] profile(Recommender m, String text) {
        if (!(m instanceof GraphRecommender g) || !g.textFed()) {
            throw new ApiError(400, "'text' needs a text-fed model; this one (" + m.family() + ") takes none");
        }
        if (encoder == null || encoder.dim() != g.featureDim()) {
            throw new ApiError(400, "'text' needs the encoder the model was trained with (" + g.featureDim()
                    + "-d vectors); start serve with --encoder");
        }
        return encoder.encodeToArrays(List.of(text))[0];
    }

    private static void requireKnown(io.recsys4j.core.IdMap known, List<String> ids, String what) {
        for (String id : ids) {
            if (!known.contains(id)) {
                throw new ApiError(404, "unknown " + what + " '" + id + "'");
            }
        }
    }

    private static Map<String, Object> list(String user, List<Recommendation> recs) {
        ArrayNode items = JSON.createArrayNode();
        for (Recommendation r : recs) {
            ObjectNode o = items.addObject();
            o.put("item", r.itemId());
            o.put("score", r.score());
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("user", user);
        out.put("items", items);
        return out;
    }

    private Object interactions(ObjectNode body) {
        onlyFields(body, Set.of("user", "items"));
        String user = string(body, "user", true);
        if (!body.has("items")) {
            throw new ApiError(400, "missing field 'items'");
        }
        List<String> items = strings(body, "items");
        if (items.isEmpty()) {
            throw new ApiError(400, "'items' is empty: post at least one item");
        }
        synchronized (writes) {
            Loaded l = current.get();
            requireKnown(l.model().items(), items, "item");
            Recommender grown = l.model().withInteractions(user, items);
            current.set(new Loaded(grown, l.source(), generation.incrementAndGet()));
        }
        return null;
    }

    private Object explain(Map<String, String> q) {
        Set<String> known = Set.of("user", "item", "n");
        String user = required(q, "user", known);
        String item = required(q, "item", known);
        int n = intParam(q, "n", 10);
        Recommender m = current.get().model();
        if (!m.users().contains(user)) {
            throw new ApiError(404, "unknown user '" + user + "'");
        }
        if (!m.items().contains(item)) {
            throw new ApiError(404, "unknown item '" + item + "'");
        }
        List<Contribution> parts = m.explain(user, item, n);
        ArrayNode cs = JSON.createArrayNode();
        for (Contribution c : parts) {
            ObjectNode o = cs.addObject();
            o.put("kind", c.kind());
            o.put("id", c.id());
            o.put("amount", c.amount());
            o.put("share", c.share());
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("score", m.score(user, item));
        out.put("contributions", cs);
        return out;
    }

    private Object health() {
        Loaded l = current.get();
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("status", "ok");
        out.put("family", l.model().family());
        out.put("library_version", Recommender.libraryVersion());
        out.put("model_version", l.generation());
        out.put("source", l.source());
        out.put("users", l.model().users().size());
        out.put("items", l.model().items().size());
        out.put("interactions", l.model().trainingInteractions().size());
        return out;
    }

    private Object reload(ObjectNode body) {
        onlyFields(body, Set.of("path"));
        String path = string(body, "path", true);
        Recommender fresh;
        try {
            fresh = Recommender.load(Path.of(path));
        } catch (IOException | RuntimeException e) {
            // The old model stays: a reload is all or nothing.
            throw new ApiError(400, "cannot reload: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        synchronized (writes) {
            current.set(new Loaded(fresh, path, generation.incrementAndGet()));
        }
        LOG.info("reloaded {} ({} users, {} items)", path, fresh.users().size(), fresh.items().size());
        return health();
    }
}
