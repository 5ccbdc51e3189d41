package io.recsys4j.examples;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.Scorer;
import io.recsys4j.core.TextTable;
import io.recsys4j.core.io.InteractionReader;
import io.recsys4j.core.io.TextReader;
import io.recsys4j.core.split.Split;
import io.recsys4j.core.split.Splits;
import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.eval.CandidateFilter;
import io.recsys4j.eval.RankingEvaluator;
import io.recsys4j.gnn.ColdStartTuning;
import io.recsys4j.gnn.GraphRecommender;
import io.recsys4j.gnn.Recommendation;
import io.recsys4j.text.HashingEncoder;
import io.recsys4j.text.OnnxSentenceEncoder;
import io.recsys4j.text.TextEncoder;
import io.recsys4j.text.TextProfileScorer;
import io.recsys4j.text.TextVectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Cold start from text: items that nobody has interacted with yet are placed by their text.
 * A fifth of the items is held out entirely; a text-fed LightGCN (layer 0 = free embedding
 * + a learned projection of the text vector), its cold-start weight and epoch count chosen on
 * items held out of its own training data, is trained on the rest and ranks the held-out
 * items against the text-only baseline (cosine to the user's history). Then a brand-new item
 * and a brand-new user are added without retraining.
 *
 * <pre>
 * java -cp examples/target/recsys-cli.jar io.recsys4j.examples.ColdStartFromText [ratings.csv movies.csv [tags.csv]]
 * </pre>
 *
 * The synthetic world uses the hashing encoder; MovieLens files use the MiniLM sentence
 * encoder on title, genres and tags.
 */
public final class ColdStartFromText {
    private ColdStartFromText() {
    }

    public static void main(String[] args) throws Exception {
        Interactions all;
        TextTable itemText;
        String userProfile;
        TextTable userText = null;
        boolean synthetic = args.length == 0;
        if (synthetic) {
            SyntheticWorld w = SyntheticWorld.builder().seed(42).build();
            all = w.interactions();
            itemText = w.itemText();
            userText = w.userText();
            userProfile = userText.text(0);
        } else {
            all = InteractionReader.movieLens().read(Path.of(args[0])).data();
            itemText = TextReader.movieLens(Path.of(args[1]), args.length > 2 ? Path.of(args[2]) : null).data();
            userProfile = "Sci-Fi space adventure with aliens";
        }
        // The hashing encoder's IDF is fitted on all the texts it will see, the new user's
        // profile included (an item without text counts as an empty document).
        TextTable aligned = itemText.alignTo(all.items());
        List<String> corpus = new ArrayList<>(TextVectors.texts(aligned));
        if (userText != null) {
            corpus.addAll(TextVectors.texts(userText.alignTo(all.users())));
        }
        corpus.add(userProfile);
        try (TextEncoder encoder = synthetic ? HashingEncoder.fit(corpus, 4096) : OnnxSentenceEncoder.miniLm(1, 32)) {
            // One L2-normalised vector per item, null for an item without text.
            float[][] vectors = TextVectors.encode(encoder, itemText, all.items());

            // Hold out 20% of the items with all their interactions; split the rest 80/20 per user.
            Split cold = Splits.coldItems(all, 0.2, 42);
            Split warm = Splits.randomPerUser(cold.train(), 0.2, 42);
            Interactions train = warm.train();

            float[][] userVectors = userText == null ? null : TextVectors.encode(encoder, userText, all.users());
            Supplier<GraphRecommender.Builder> textFed = () -> GraphRecommender.builder()
                    .itemText(vectors)            // users get the mean of their items' vectors...
                    .userText(userVectors)        // ...or their profile text, if any
                    .epochs(100).learningRate(0.005).seed(42).patience(3);

            // The text projection overfits, and items nobody has seen suffer first: choose the
            // cold-start weight and the number of epochs on items held out of the training data.
            ColdStartTuning.Result tuned = ColdStartTuning.tune(textFed, train, 42, 0, 0.5, 1);
            System.out.printf(Locale.ROOT, "chose cold-start weight %s and %d epochs on held-out items%n",
                    tuned.coldStartWeight(), tuned.epochs());
            GraphRecommender model = tuned.applyTo(textFed.get()).interactions(train).fit();

            // Rank held-out items among held-out items only, so each model plays where it can.
            RankingEvaluator ev = RankingEvaluator.builder().ks(20).auc(false).build();
            System.out.printf("%n%-14s %12s %12s%n", "on cold items", "recall@20", "ndcg@20");
            for (var entry : List.<java.util.Map.Entry<String, Scorer>>of(
                    java.util.Map.entry("text-only", new TextProfileScorer(train, vectors)),
                    java.util.Map.entry("text-fed gcn", model))) {
                var r = ev.evaluate(CandidateFilter.itemsIn(entry.getValue(), cold.test()), train, cold.test());
                System.out.printf(Locale.ROOT, "%-14s %12.4f %12.4f%n", entry.getKey(), r.mean("recall@20"),
                        r.mean("ndcg@20"));
            }

            // A new item, placed from its text alone; the returned model knows it.
            String newText = aligned.text(cold.test().item(0));
            GraphRecommender more = model.addItem("new-item", encoder.encodeOne(newText));
            System.out.printf("%nadded 'new-item' (%s); its score for user %s: %.3f%n", shorten(newText),
                    train.users().id(cold.test().user(0)), more.score(train.users().id(cold.test().user(0)), "new-item"));

            // A new user known only from a profile text (friends known to the model could be added).
            System.out.println("new user with profile '" + shorten(userProfile) + "', no history:");
            for (Recommendation r : more.recommendForHistory(List.of(), List.of(), encoder.encodeOne(userProfile), 5)) {
                String t = aligned.text(all.items().indexOf(r.itemId()));
                System.out.printf(Locale.ROOT, "  %-10s %.3f  %s%n", r.itemId(), r.score(),
                        shorten(r.itemId().equals("new-item") ? newText : t));
            }
        }
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
