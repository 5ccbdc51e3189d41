package io.recsys4j.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.split.Split;
import io.recsys4j.core.split.Splits;
import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.eval.RankingEvaluator;
import io.recsys4j.eval.baseline.PopularityScorer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextProfileScorerTest {
    @Test
    void textOnly_placesHeldOutItems_farAbovePopularity() {
        SyntheticWorld w = SyntheticWorld.builder().users(400).items(1000).interactions(16000).categories(10).seed(2).build();
        Split s = Splits.coldItems(w.interactions(), 0.2, 2);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < w.interactions().numItems(); i++) {
            texts.add(w.itemText().text(i));
        }
        float[][] v = HashingEncoder.fit(texts, 2048).encodeToArrays(texts);
        RankingEvaluator ev = RankingEvaluator.builder().ks(20).auc(false).build();
        double text = ev.evaluate(new TextProfileScorer(s.train(), v), s.train(), s.test()).mean("recall@20");
        // Popularity gives cold items a score of 0: they can only come after every warm item.
        double pop = ev.evaluate(new PopularityScorer(s.train()), s.train(), s.test()).mean("recall@20");
        assertTrue(text > 0.05 && text > 5 * pop, "text-only " + text + " vs popularity " + pop);
    }
}
