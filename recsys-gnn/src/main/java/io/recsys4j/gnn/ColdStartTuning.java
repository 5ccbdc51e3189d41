package io.recsys4j.gnn;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.Scorer;
import io.recsys4j.core.split.Split;
import io.recsys4j.core.split.Splits;
import io.recsys4j.eval.CandidateFilter;
import io.recsys4j.eval.RankingEvaluator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses a text-fed model's cold-start weight and number of epochs on data held out of its
 * training interactions, built the way a cold-start evaluation builds its test data: 10% of
 * the items held out entirely (cold validation, ranked among themselves), then 10% of each
 * user's remaining interactions (warm validation, ranked among the other items). Each
 * candidate weight is trained with early stopping on the mean of cold and warm validation
 * recall@K; the best (weight, epoch) wins, ties going to the smaller weight.
 *
 * <p>Why the epoch count too: recall on unseen items peaks earlier than warm recall and then
 * falls as the text projection overfits, so a model stopped on warm recall alone places new
 * items well or badly by chance. Train the final model on all the data with
 * {@link Result#applyTo}.
 *
 * <pre>{@code
 * Supplier<GraphRecommender.Builder> textFed = () -> GraphRecommender.builder()
 *     .itemText(vectors).layers(3).dim(64).epochs(100).patience(3).seed(42);
 * ColdStartTuning.Result t = ColdStartTuning.tune(textFed, train, 42, 0, 0.5, 1);
 * GraphRecommender model = t.applyTo(textFed.get()).interactions(train).fit();
 * }</pre>
 *
 * <p>A {@link GraphFilter} with a text term is tuned on the same split by
 * {@link #tuneTextWeight}: its text weight is the one thing the per-user hold-out of its own
 * tuning cannot choose for cold items.
 */
public final class ColdStartTuning {
    private static final Logger LOG = LoggerFactory.getLogger(ColdStartTuning.class);
    private static final double HELD_OUT = 0.1;

    private ColdStartTuning() {
    }

    /**
     * One candidate weight's outcome.
     *
     * @param coldStartWeight the weight
     * @param validation the best mean of cold and warm validation recall@K
     * @param epochs the epoch at which it was reached
     */
    public record Candidate(double coldStartWeight, double validation, int epochs) {
    }

    /**
     * The chosen weight and epoch count, and every candidate's outcome (ascending weight).
     *
     * @param coldStartWeight the chosen weight
     * @param epochs the chosen number of epochs
     * @param candidates all candidates, ascending by weight
     */
    public record Result(double coldStartWeight, int epochs, List<Candidate> candidates) {
        public Result {
            candidates = List.copyOf(candidates);
        }

        /** Sets the chosen weight and a fixed number of epochs (no early stopping) on {@code b}. */
        public GraphRecommender.Builder applyTo(GraphRecommender.Builder b) {
            return b.coldStartWeight(coldStartWeight).epochs(epochs).patience(0);
        }
    }

    /**
     * Chooses the text weight γ of a graph filter on the split {@link #tune} uses. The filter's
     * other settings are tuned first, by its own per-user hold-out of the validation fit data with
     * γ = 0; then one filter per candidate γ is fitted with them and scored by the mean of cold
     * and warm validation recall@20. Ranking among cold items does not depend on γ once it is
     * positive (their scores come from the text term alone), so γ trades warm accuracy against
     * a text signal on every item; ties go to the smaller weight.
     *
     * @param textFilter new builders with the item text (and social graph, tuning grid) set,
     *     without interactions or settings (each call must give a fresh builder)
     * @param weights candidate text weights, each >= 0
     * @return the chosen settings and, per candidate weight (ascending), its validation figure
     *     ({@link Candidate#epochs()} is 0: a filter is not trained)
     * @throws IllegalArgumentException if no weight is given
     */
    public static FilterResult tuneTextWeight(Supplier<GraphFilter.Builder> textFilter, Interactions train, long seed,
                                              double... weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("give at least one candidate text weight");
        }
        Split heldItems = heldItems(train, seed);
        Split heldPairs = heldPairs(heldItems, seed);
        Interactions fitOn = heldPairs.train();
        ToDoubleFunction<Scorer> validation = validation(20, heldItems, heldPairs);
        FilterSettings base = textFilter.get().interactions(fitOn).textWeights(0).fit().settings();
        List<Candidate> out = new ArrayList<>();
        Candidate best = null;
        for (double w : Arrays.stream(weights).distinct().sorted().toArray()) {
            FilterSettings s = base.toBuilder().textWeight(w).build();
            Candidate c = new Candidate(w, validation.applyAsDouble(textFilter.get().interactions(fitOn).settings(s).fit()),
                    0);
            LOG.info("text weight {}: validation (cold + warm recall@20) / 2 = {}", w,
                    String.format(Locale.ROOT, "%.4f", c.validation()));
            out.add(c);
            if (best == null || c.validation() > best.validation()) {
                best = c;
            }
        }
        return new FilterResult(base.toBuilder().textWeight(best.coldStartWeight()).build(), out);
    }

    /**
     * A graph filter's chosen settings and each candidate text weight's validation figure.
     *
     * @param settings the settings to fit the final filter with ({@link GraphFilter.Builder#settings})
     * @param candidates all candidate weights, ascending
     */
    public record FilterResult(FilterSettings settings, List<Candidate> candidates) {
        public FilterResult {
            candidates = List.copyOf(candidates);
        }
    }

    /** The cold validation split: 10% of the items held out entirely. */
    private static Split heldItems(Interactions train, long seed) {
        return Splits.coldItems(train, HELD_OUT, seed + 1);
    }

    /** The warm validation split: 10% of each user's interactions with the other items. */
    private static Split heldPairs(Split heldItems, long seed) {
        return Splits.randomPerUser(heldItems.train(), HELD_OUT, seed + 2);
    }

    /** The mean of warm and cold validation recall@k on the split {@link #tune} builds. */
    private static ToDoubleFunction<Scorer> validation(int k, Split heldItems, Split heldPairs) {
        Interactions fitOn = heldPairs.train();
        String metric = "recall@" + k;
        RankingEvaluator ev = RankingEvaluator.builder().ks(k).auc(false).build();
        return s -> (ev.evaluate(CandidateFilter.itemsIn(s, heldItems.train()), fitOn, heldPairs.test()).mean(metric)
                + ev.evaluate(CandidateFilter.itemsIn(s, heldItems.test()), fitOn, heldItems.test()).mean(metric)) / 2;
    }

    /**
     * Trains one model per candidate weight on {@code train} less the validation data and
     * returns the best weight and epoch count.
     *
     * @param textFed new builders with the model's settings and item text, without training
     *     data, validation or hold-out (each call must give a fresh builder); the number of
     *     epochs and the patience it sets bound each candidate's training
     * @param seed seed of the validation split
     * @param weights candidate cold-start weights, each >= 0
     * @throws IllegalArgumentException if no weight is given or the builders are not text-fed
     */
    public static Result tune(Supplier<GraphRecommender.Builder> textFed, Interactions train, long seed,
                              double... weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("give at least one candidate cold-start weight");
        }
        Split heldItems = heldItems(train, seed);
        Split heldPairs = heldPairs(heldItems, seed);
        Interactions fitOn = heldPairs.train();
        // Resolved as the candidates will be: with a validator, so that patience counts as used.
        int k = textFed.get().validator(unused -> 0).settings().validationK();
        String metric = "recall@" + k;
        ToDoubleFunction<Scorer> validation = validation(k, heldItems, heldPairs);
        List<Candidate> out = new ArrayList<>();
        Candidate best = null;
        for (double w : Arrays.stream(weights).distinct().sorted().toArray()) {
            GraphRecommender m = textFed.get().interactions(fitOn).validator(validation).coldStartWeight(w).fit();
            if (!m.textFed()) {
                throw new IllegalArgumentException("the builders must be text-fed (itemText(...))");
            }
            Candidate c = new Candidate(w, m.history().get(m.bestEpoch() - 1).validation(), m.bestEpoch());
            LOG.info("cold-start weight {}: validation (cold + warm {}) / 2 = {} at epoch {}", w, metric,
                    String.format(Locale.ROOT, "%.4f", c.validation()), c.epochs());
            out.add(c);
            if (best == null || c.validation() > best.validation()) {
                best = c;
            }
        }
        return new Result(best.coldStartWeight(), best.epochs(), out);
    }
}
