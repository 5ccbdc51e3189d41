package io.recsys4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recsys4j.core.split.Split;
import io.recsys4j.core.split.Splits;
import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.gnn.GraphFilter;
import io.recsys4j.gnn.GraphRecommender;
import io.recsys4j.gnn.ModelKind;
import io.recsys4j.gnn.Recommender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of {@code serve} and every kind of bad request, over real HTTP on loopback. */
class ModelServerTest {
    @TempDir
    static Path dir;
    private static Path lightgcnFile;
    private static Path filterFile;
    private static ModelServer server;
    private static GraphRecommender model;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        SyntheticWorld w = SyntheticWorld.builder().users(120).items(200).interactions(3000).seed(4).build();
        Split s = Splits.randomPerUser(w.interactions(), 0.2, 4);
        model = GraphRecommender.builder().interactions(s.train()).kind(ModelKind.LIGHTGCN).layers(2).dim(8).epochs(3)
                .batchSize(256).learningRate(0.01).seed(1).threads(1).fit();
        lightgcnFile = dir.resolve("lightgcn.bin");
        model.save(lightgcnFile);
        filterFile = dir.resolve("filter.bin");
        GraphFilter.builder().interactions(s.train()).fit().save(filterFile);
        server = new ModelServer(Recommender.load(lightgcnFile), lightgcnFile.toString(), null, "127.0.0.1", 0, 4, 4096);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Reply(int status, JsonNode body, String raw) {
    }

    private static Reply get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    private static Reply post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build());
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private static Reply send(HttpRequest r) throws Exception {
        HttpResponse<String> res = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        JsonNode body = res.body().isEmpty() ? null : JSON.readTree(res.body());
        return new Reply(res.statusCode(), body, res.body());
    }

    private static void assertError(Reply r, int status, String mentions) {
        assertEquals(status, r.status(), r.raw());
        assertTrue(r.body() != null && r.body().has("error"), r.raw());
        assertTrue(r.body().get("error").asText().contains(mentions), r.raw());
    }

    private static List<String> items(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.get("items").forEach(n -> out.add(n.get("item").asText()));
        return out;
    }

    @Test
    void recommend_knownUser_isTheModelsList() throws Exception {
        String user = model.users().id(3);
        Reply r = get("/recommend?user=" + user + "&k=7");
        assertEquals(200, r.status(), r.raw());
        assertEquals(user, r.body().get("user").asText());
        List<String> expected = model.recommend(user, 7).stream().map(x -> x.itemId()).toList();
        assertEquals(expected, items(r.body()));
        assertEquals(model.recommend(user, 7).get(0).score(), r.body().get("items").get(0).get("score").floatValue(), 1e-6f);
        assertEquals(20, items(get("/recommend?user=" + user).body()).size(), "k defaults to 20");
    }

    @Test
    void recommend_newUser_fromHistoryAndFriends() throws Exception {
        List<String> hist = List.of(model.items().id(1), model.items().id(2));
        Reply r = post("/recommend", "{\"history\": [\"" + hist.get(0) + "\", \"" + hist.get(1) + "\"], \"k\": 5}");
        assertEquals(200, r.status(), r.raw());
        assertTrue(r.body().get("user").isNull());
        assertEquals(model.recommendForHistory(hist, List.of(), null, 5).stream().map(x -> x.itemId()).toList(),
                items(r.body()));
        Reply f = post("/recommend", "{\"friends\": [\"" + model.users().id(0) + "\"]}");
        assertEquals(200, f.status(), f.raw());
        assertEquals(20, items(f.body()).size());
        assertError(post("/recommend", "{\"text\": \"running shoes\"}"), 400, "text-fed");
        assertError(post("/recommend", "{}"), 400, "at least one");
    }

    @Test
    void interactions_areFoldedIn_andMaskedInTheNextResponse() throws Exception {
        String user = model.users().id(10);
        List<String> before = items(get("/recommend?user=" + user + "&k=5").body());
        Reply r = post("/interactions", "{\"user\": \"" + user + "\", \"items\": [\"" + before.get(0) + "\"]}");
        assertEquals(204, r.status(), r.raw());
        List<String> after = items(get("/recommend?user=" + user + "&k=20").body());
        assertFalse(after.contains(before.get(0)), "the new interaction is masked");
        Reply newcomer = post("/interactions", "{\"user\": \"brand-new\", \"items\": [\"" + before.get(1) + "\"]}");
        assertEquals(204, newcomer.status(), newcomer.raw());
        Reply served = get("/recommend?user=brand-new&k=5");
        assertEquals(200, served.status(), served.raw());
        assertFalse(items(served.body()).contains(before.get(1)));
        Reply ex = get("/explain?user=brand-new&item=" + items(served.body()).get(0));
        assertEquals(200, ex.status(), ex.raw());
        assertEquals("item", ex.body().get("contributions").get(0).get("kind").asText());
    }

    @Test
    void explain_sharesSumToOne_andHealthNamesTheModel() throws Exception {
        String user = model.users().id(5);
        String item = model.recommend(user, 1).get(0).itemId();
        Reply r = get("/explain?user=" + user + "&item=" + item + "&n=1000");
        assertEquals(200, r.status(), r.raw());
        double shares = 0;
        double amounts = 0;
        for (JsonNode c : r.body().get("contributions")) {
            assertTrue(List.of("item", "friend", "text", "self").contains(c.get("kind").asText()), c.toString());
            shares += c.get("share").asDouble();
            amounts += c.get("amount").asDouble();
        }
        assertEquals(1.0, shares, 1e-6);
        assertEquals(r.body().get("score").asDouble(), amounts, 1e-4);
        Reply h = get("/health");
        assertEquals(200, h.status());
        assertEquals(Recommender.libraryVersion(), h.body().get("library_version").asText());
        assertTrue(h.body().has("family") && h.body().get("items").asInt() == 200, h.raw());
    }

    @Test
    void badRequests_get4xxNamingTheProblem() throws Exception {
        assertError(get("/recommend?user=nobody"), 404, "unknown user 'nobody'");
        assertError(get("/recommend"), 400, "missing query parameter 'user'");
        String u = model.users().id(1);
        assertError(get("/recommend?user=" + u + "&k=0"), 400, "k must be between 1 and");
        assertError(get("/recommend?user=" + u + "&k=1000000"), 400, "k must be between 1 and");
        assertError(get("/recommend?user=" + u + "&k=abc"), 400, "k must be an integer");
        assertError(get("/recommend?user=" + u + "&k=5&k=6"), 400, "given twice");
        assertError(get("/recommend?user=" + u + "&colour=red"), 400, "unknown query parameter 'colour'");
        assertError(post("/recommend", "{\"history\": [\"nope\"]}"), 404, "unknown item 'nope'");
        assertError(post("/recommend", "{\"friends\": [\"nobody\"]}"), 404, "unknown user 'nobody'");
        assertError(post("/recommend", "{\"history\": \"1\"}"), 400, "'history' must be an array");
        assertError(post("/recommend", "{\"history\": [{\"id\": 1}]}"), 400, "'history' must hold ids");
        assertError(post("/recommend", "{\"history\": [\"1\"], \"k\": \"ten\"}"), 400, "'k' must be an integer");
        assertError(post("/recommend", "{\"history\": [\"1\"], \"k\": -3}"), 400, "k must be between");
        assertError(post("/recommend", "{\"histroy\": [\"1\"]}"), 400, "unknown field 'histroy'");
        assertError(post("/recommend", "{\"history\": [\"1\""), 400, "malformed JSON");
        assertError(post("/recommend", "[1, 2]"), 400, "must be a JSON object");
        assertError(post("/recommend", "{\"k\": 5} {\"k\": 6}"), 400, "malformed JSON");
        assertError(post("/recommend", "{\"k\": 5, \"k\": 6}"), 400, "Duplicate field 'k'");
        assertError(post("/recommend", "{\"history\": [\"1\"], \"k\": 2.5}"), 400, "'k' must be an integer");
        assertError(post("/interactions", "{\"user\": \"x\", \"items\": []}"), 400, "'items' is empty");
        assertError(post("/recommend", ""), 400, "JSON object");
        assertError(post("/recommend", "{\"history\": [\"" + "1\", \"".repeat(2000) + "1\"]}"), 413, "exceeds the limit");
        assertError(post("/interactions", "{\"items\": [\"1\"]}"), 400, "missing field 'user'");
        assertError(post("/interactions", "{\"user\": \"x\"}"), 400, "missing field 'items'");
        assertError(post("/interactions", "{\"user\": \"x\", \"items\": [\"no-such\"]}"), 404, "unknown item 'no-such'");
        assertError(get("/explain?user=" + u), 400, "missing query parameter 'item'");
        assertError(get("/explain?user=" + u + "&item=zzz"), 404, "unknown item 'zzz'");
        assertError(get("/nowhere"), 404, "no endpoint /nowhere");
        assertError(send(HttpRequest.newBuilder(uri("/health")).DELETE().build()), 405, "DELETE is not allowed");
        assertError(get("/interactions"), 405, "use POST");
        assertError(post("/admin/reload", "{\"path\": \"" + dir.resolve("missing.bin") + "\"}"), 400, "cannot reload");
        Path junk = dir.resolve("junk.bin");
        Files.writeString(junk, "not a model");
        assertError(post("/admin/reload", "{\"path\": \"" + junk + "\"}"), 400, "not a recsys4j model file");
        assertEquals(200, get("/recommend?user=" + u).status(), "the old model still serves");
    }

    @Test
    void recommend_fromText_withATextFedModelAndItsEncoder() throws Exception {
        SyntheticWorld w = SyntheticWorld.builder().users(80).items(120).interactions(1500).seed(6).build();
        io.recsys4j.core.TextTable texts = w.itemText().alignTo(w.interactions().items());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < texts.count(); i++) {
            lines.add(texts.text(i) == null ? "" : texts.text(i));
        }
        try (io.recsys4j.text.TextEncoder enc = io.recsys4j.text.OnnxSentenceEncoder.miniLm(1, 32)) {
            GraphRecommender textFed = GraphRecommender.builder().interactions(w.interactions()).kind(ModelKind.LIGHTGCN)
                    .layers(2).dim(8).epochs(2).batchSize(256).learningRate(0.01).seed(1).threads(1)
                    .itemText(enc.encodeToArrays(lines)).fit();
            try (ModelServer s = new ModelServer(textFed, "text-fed", enc, "127.0.0.1", 0, 2, 4096)) {
                s.start();
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port()
                        + "/recommend")).POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + lines.get(0)
                        + "\", \"k\": 5}")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(5, JSON.readTree(r.body()).get("items").size());
                float[] profile = enc.encodeToArrays(List.of(lines.get(0)))[0];
                assertEquals(textFed.recommendForHistory(List.of(), List.of(), profile, 5).get(0).itemId(),
                        JSON.readTree(r.body()).get("items").get(0).get("item").asText());
            }
        }
    }

    @Test
    void serveLoad_measuresEveryClientCount() throws Exception {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            io.recsys4j.examples.ServeLoad.main(new String[] {"http://127.0.0.1:" + server.port(), lightgcnFile.toString(),
                "1", "1,3"});
        } finally {
            System.setOut(old);
        }
        String[] lines = buf.toString(java.nio.charset.StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(4, lines.length, String.join("\n", lines));
        for (int row = 2; row < 4; row++) {
            String[] f = lines[row].trim().split("\\s+");
            assertEquals(row == 2 ? "1" : "3", f[0]);
            assertTrue(Double.parseDouble(f[1]) > 0, lines[row]);
            assertTrue(Double.parseDouble(f[2]) <= Double.parseDouble(f[4]), "p50 <= p99: " + lines[row]);
        }
    }

    @Test
    void reload_underConcurrentRequests_losesNone() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(6);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Integer>> futures = new ArrayList<>();
        String user = model.users().id(2);
        for (int c = 0; c < 6; c++) {
            futures.add(clients.submit(() -> {
                int ok = 0;
                while (!stop.get()) {
                    Reply r = get("/recommend?user=" + user + "&k=10");
                    assertEquals(200, r.status(), r.raw());
                    assertEquals(10, items(r.body()).size());
                    ok++;
                }
                return ok;
            }));
        }
        try {
            for (int k = 0; k < 10; k++) {
                Path next = k % 2 == 0 ? filterFile : lightgcnFile;
                Reply r = post("/admin/reload", "{\"path\": \"" + next + "\"}");
                assertEquals(200, r.status(), r.raw());
                assertEquals(k % 2 == 0 ? "filter" : "lightgcn", r.body().get("family").asText());
                Thread.sleep(20);
            }
        } finally {
            stop.set(true);
            clients.shutdown();
        }
        int served = 0;
        for (Future<Integer> f : futures) {
            served += f.get();   // rethrows any failed request
        }
        assertTrue(served > 10, "requests ran during the reloads: " + served);
        // Leave the LightGCN model in place for the other tests.
        assertEquals(200, post("/admin/reload", "{\"path\": \"" + lightgcnFile + "\"}").status());
    }
}
