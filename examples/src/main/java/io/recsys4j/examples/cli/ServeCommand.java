package io.recsys4j.examples.cli;

import io.recsys4j.gnn.GraphRecommender;
import io.recsys4j.gnn.Recommender;
import io.recsys4j.text.TextEncoder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: an HTTP server for a saved model (docs/serving.md). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a saved model over HTTP (JSON): GET /recommend?user=U&k=K, POST /recommend "
                + "{history, friends, text, k}, POST /interactions {user, items}, GET /explain?user=U&item=I[&n=N], "
                + "GET /health, POST /admin/reload {path}. Runs until stopped."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "A model saved by train --save (any model).")
    Path model;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port, 0 for any free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}; "
            + "0.0.0.0 for every interface).")
    String host;

    @Option(names = "--threads", defaultValue = "4", description = "Request threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--max-body", defaultValue = "1048576", description = "Largest request body in bytes; larger ones "
            + "get 413 (default ${DEFAULT-VALUE}).")
    int maxBody;

    @Option(names = "--encoder", description = "For a text-fed model: the encoder of POST /recommend's text, minilm, minilm-q, minilm-fp32, bge-small-zh or "
            + "a model folder (the one the model was trained with; default minilm for a text-fed model).")
    String encoder;

    @Mixin
    PoolingOption pooling;

    @Mixin
    VerboseOption verbose;

    /** Counted down once the server listens (tests start it on a thread and wait). */
    final CountDownLatch started = new CountDownLatch(1);
    volatile ModelServer server;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be in 0..65535, found " + port);
        }
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("--threads must be in 1..1024, found " + threads);
        }
        if (maxBody < 1) {
            throw new IllegalArgumentException("--max-body must be >= 1, found " + maxBody);
        }
        Recommender m = Recommender.load(model);
        boolean textFed = m instanceof GraphRecommender g && g.textFed();
        if ((encoder != null || pooling.value() != null) && !textFed) {
            throw new IllegalArgumentException((encoder != null ? "--encoder" : "--pooling") + " has no effect: " + model
                    + " is not a text-fed model");
        }
        TextEncoder enc = null;
        if (textFed) {
            String name = encoder == null ? "minilm" : encoder;
            if (name.equals("hashing")) {
                throw new IllegalArgumentException("--encoder hashing is fitted on a corpus and cannot be rebuilt at serve "
                        + "time; serve text with minilm or a model folder");
            }
            // The token limit of train's model folders, so that a text is cut where it was in training.
            enc = io.recsys4j.text.TextVectors.openEncoder(name, pooling.value(), List.of(), 0, 128, 1, 1);
            int want = ((GraphRecommender) m).featureDim();
            if (enc.dim() != want) {
                enc.close();
                throw new IllegalArgumentException("encoder " + name + " gives " + enc.dim() + "-d vectors, the model was "
                        + "trained on " + want + "-d ones");
            }
        }
        try (TextEncoder closeLater = enc;
             ModelServer s = new ModelServer(m, model.toString(), enc, host, port, threads, maxBody)) {
            s.start();
            server = s;
            PrintWriter out = spec.commandLine().getOut();
            out.printf("serving %s (%s, %d users, %d items) on http://%s:%d/%n", model, m.family(), m.users().size(),
                    m.items().size(), host, s.port());
            out.flush();
            started.countDown();
            Thread.currentThread().join();   // until the process is stopped (or the thread interrupted)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
