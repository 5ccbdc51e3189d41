package io.recsys4j.gnn;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.Scorer;
import io.recsys4j.eval.EvaluationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A trained recommender of any family (LightGCN and its variants today, training-free graph
 * filters next): what serving code, the command-line tool and the evaluator need. It extends
 * {@link Scorer}, the block-scoring view that {@code TopK.forUsers} and
 * {@code RankingEvaluator} take, so a model goes to them directly.
 *
 * <p>Implementations are immutable and safe to call from many threads at once. Every door
 * ({@link #recommend}, {@link #recommendBatch}, {@link #score(String, String)},
 * {@link #score(int[], float[])}) gives the same pair the same score bit for bit. Lists
 * never contain the user's training items, and are sorted best first, ties by item index.
 */
public interface Recommender extends Scorer {
    /**
     * The family this model belongs to, as its model file records it (e.g. {@code lightgcn}
     * for {@link GraphRecommender}).
     */
    String family();

    /**
     * The top {@code k} items for a known user, best first, excluding the user's training items.
     *
     * @throws java.util.NoSuchElementException if the user is unknown
     * @throws IllegalArgumentException if k < 1
     */
    List<Recommendation> recommend(String userId, int k);

    /**
     * Top-{@code k} lists for many users, scored {@code blockSize} users at a time, so memory
     * is {@code blockSize x items} floats however many users there are. {@code sink} receives
     * each user's list in the order given, on the calling thread.
     *
     * @throws java.util.NoSuchElementException if a user is unknown
     * @throws IllegalArgumentException if k or blockSize is below 1
     */
    void recommendBatch(List<String> userIds, int k, int blockSize, BiConsumer<String, List<Recommendation>> sink);

    /**
     * The model's score of an item for a user, higher is better.
     *
     * @throws java.util.NoSuchElementException if the user or item is unknown
     */
    float score(String userId, String itemId);

    /**
     * Fold-in: the top {@code k} items for a user the model was not trained on, known by a
     * history of items, friends among the model's users and a profile text vector (for a
     * text-fed model); any of them may be empty (or null for the profile), not all. The history
     * is excluded from the list. Each family says how the user is placed (exactly as a trained
     * user with that row for the graph filter; one propagation through the new row for LightGCN's).
     *
     * @throws java.util.NoSuchElementException if an item or friend id is unknown
     * @throws IllegalArgumentException if nothing is given, k < 1, or the model takes no profile
     */
    List<Recommendation> recommendForHistory(List<String> historyItems, List<String> friends, float[] profile, int k);

    /**
     * This model with {@code itemIds} added to {@code userId}'s training row (a new user id
     * joins the model) and the user's recommendations updated by fold-in, without retraining;
     * the trained parameters are shared, this model is unchanged. The items are masked from
     * the user's lists from then on.
     *
     * @throws java.util.NoSuchElementException if an item id is unknown
     */
    Recommender withInteractions(String userId, List<String> itemIds);

    /**
     * The parts of {@code score(userId, itemId)} (history items, friends, text, the user's own
     * embedding, as the family decomposes it), largest first by magnitude, at most {@code n};
     * the amounts of all parts sum to the score.
     *
     * @throws java.util.NoSuchElementException if the user or item is unknown
     * @throws IllegalArgumentException if n < 1
     */
    List<Contribution> explain(String userId, String itemId, int n);

    /**
     * Full-ranking evaluation on {@code test}: all items but the user's training items are
     * candidates (see {@code docs/metrics.md}).
     *
     * @param test held-out interactions over this model's id spaces
     * @param ks cut-offs
     */
    EvaluationReport evaluate(Interactions test, int... ks);

    /**
     * Writes the model to {@code file} atomically (a temporary file beside it, then a move),
     * in the format of {@code docs/model-file.md}; {@link #load} reads it back.
     */
    void save(Path file) throws IOException;

    /** The training interactions the model masks. */
    Interactions trainingInteractions();

    /** The user id space. */
    IdMap users();

    /** The item id space (the catalogue). */
    IdMap items();

    /**
     * Loads a model of any family this library knows from a file written by {@link #save}.
     *
     * @throws IOException if the file cannot be read, is not a model file, fails its checksum,
     *     was written by a newer format version, or holds a family this library does not know
     */
    static Recommender load(Path file) throws IOException {
        return ModelFile.read(file);
    }

    /** The version of this library, as model files record their writer's (e.g. {@code 0.1.0-SNAPSHOT}). */
    static String libraryVersion() {
        return ModelFile.LIBRARY_VERSION;
    }
}
