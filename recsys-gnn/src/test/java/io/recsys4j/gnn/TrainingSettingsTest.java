package io.recsys4j.gnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.split.Split;
import io.recsys4j.core.split.Splits;
import io.recsys4j.core.synthetic.SyntheticWorld;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TrainingSettingsTest {
    private static final SyntheticWorld W = SyntheticWorld.builder().users(60).items(80).interactions(900)
            .categories(3).seed(2).build();
    private static final float[][] TEXT = new float[W.interactions().numItems()][];

    static {
        for (int i = 0; i < TEXT.length; i++) {
            TEXT[i] = new float[] {1, i % 3};
        }
    }

    private static GraphRecommender.Builder builder() {
        return GraphRecommender.builder().interactions(W.interactions());
    }

    private static void refusedNaming(String setting, Executable e) {
        String message = assertThrows(IllegalArgumentException.class, e).getMessage();
        assertTrue(message.contains(setting), message);
    }

    @Test
    void defaults_areTheReferenceSettingsWithTwoThreads() {
        TrainingSettings d = TrainingSettings.defaults();
        assertEquals(ModelKind.LIGHTGCN, d.kind());
        assertEquals(3, d.layers());
        assertEquals(64, d.dim());
        assertEquals(400, d.epochs());
        assertEquals(2048, d.batchSize());
        assertEquals(0.001, d.learningRate());
        assertEquals(1e-4, d.regularization());
        assertEquals(42, d.seed());
        assertEquals(2, d.threads());
        assertFalse(d.socialWeight().isPresent());
        assertFalse(d.coldStartWeight().isPresent());
        assertEquals(d, builder().settings());
    }

    @Test
    void settingsWithoutEffect_areRefusedByName() {
        refusedNaming("socialWeight", () -> TrainingSettings.builder().socialWeight(0.25).build());
        refusedNaming("socialWeight", () -> builder().kind(ModelKind.LIGHTGCN).socialWeight(0.3).settings());
        refusedNaming("social(...)", () -> builder().kind(ModelKind.LIGHTGCN).social(W.social()).settings());
        refusedNaming("coldStartWeight", () -> builder().coldStartWeight(0.5).settings());
        refusedNaming("userText", () -> builder().userText(new float[W.interactions().numUsers()][]).settings());
        refusedNaming("patience", () -> builder().patience(3).settings());
        refusedNaming("evalEvery", () -> builder().evalEvery(2).settings());
        refusedNaming("holdOut", () -> builder().holdOut(0.1).validation(W.interactions()).settings());
        refusedNaming("holdOut(...)", () -> builder().evalEvery(0).holdOut(0.1).settings());
        refusedNaming("validation(...)", () -> builder().settings(TrainingSettings.defaults())
                .validation(W.interactions()).settings());
    }

    @Test
    void settingsThatApply_areResolvedAgainstTheData() {
        assertEquals(1, builder().validation(W.interactions()).patience(3).settings().evalEvery());
        assertEquals(ModelKind.SOCIALCL, builder().social(W.social()).settings().kind());
        assertEquals(TrainingSettings.DEFAULT_CONTRAST_WEIGHT, builder().social(W.social()).settings().contrastWeight()
                .orElseThrow());
        assertEquals(TrainingSettings.DEFAULT_SOCIAL_WEIGHT, builder().kind(ModelKind.SOCIAL).social(W.social())
                .settings().socialWeight().orElseThrow());
        assertEquals(TrainingSettings.DEFAULT_COLD_START_WEIGHT, builder().itemText(TEXT).settings().coldStartWeight()
                .orElseThrow());
        // A graph that came with a data set is context, not a setting: LIGHTGCN leaves it unused.
        Dataset d = Dataset.builder().train(W.interactions()).social(W.social()).build();
        assertEquals(ModelKind.SOCIALCL, GraphRecommender.builder().data(d).settings().kind());
        assertEquals(ModelKind.LIGHTGCN, GraphRecommender.builder().data(d).kind(ModelKind.LIGHTGCN).settings().kind());
    }

    @Test
    void toMapAndFromMap_roundTripEverySetting() {
        TrainingSettings s = TrainingSettings.builder().kind(ModelKind.SOCIAL).socialWeight(0.1 + 0.2).layers(1).dim(7)
                .epochs(9).batchSize(33).learningRate(3e-3).regularization(0).initStd(0.07).seed(-5).threads(3)
                .evalEvery(2).patience(4).validationK(10).coldStartWeight(0.5).build();
        TrainingSettings back = TrainingSettings.fromMap(s.toMap()).build();
        assertEquals(s, back);
        assertEquals(0.1 + 0.2, back.socialWeight().orElseThrow(), 0);
        assertEquals(s, s.toBuilder().build());
        refusedNaming("colour", () -> TrainingSettings.fromMap(java.util.Map.of("colour", "red")));
    }

    @Test
    void cannotTrainWarning_belowTheMinimumNumberOfSteps() {
        // 900 interactions in batches of 2048: 1 step per epoch; 400 epochs < 0.5 / 0.001 = 500 steps.
        assertEquals(500, GraphRecommender.minimumSteps(0.001));
        assertTrue(GraphRecommender.cannotTrainWarning(TrainingSettings.defaults(), 900).orElseThrow()
                .contains("400 optimiser steps"));
        assertTrue(GraphRecommender.cannotTrainWarning(TrainingSettings.builder().epochs(500).build(), 900).isEmpty());
        assertTrue(GraphRecommender.cannotTrainWarning(TrainingSettings.defaults(), 2048 * 2).isEmpty());
    }

    @Test
    void holdOut_onADataSetWithAValidationPart_fitsOnTheRestAndDoesNotRefit() {
        Split s = Splits.randomPerUser(W.interactions(), 0.2, 1);
        Dataset d = Dataset.builder().train(s.train()).valid(s.test()).build();
        GraphRecommender.Builder common = GraphRecommender.builder().layers(1).dim(4).epochs(3).batchSize(128)
                .learningRate(0.01).seed(9).threads(1);
        GraphRecommender held = common.data(d).holdOut(0.25).fit();
        // The same as fitting by hand on the 75% with the 25% as validation: no refit on all of train.
        Split inner = Splits.randomPerUser(s.train(), 0.25, 9);
        GraphRecommender byHand = GraphRecommender.builder().layers(1).dim(4).epochs(3).batchSize(128)
                .learningRate(0.01).seed(9).threads(1).interactions(inner.train()).validation(inner.test()).fit();
        assertArrayEquals(byHand.userEmbeddings(), held.userEmbeddings(), 0f);
        assertEquals(byHand.bestEpoch(), held.bestEpoch());
        Interactions masked = held.trainingInteractions();
        assertEquals(s.train().size(), masked.size(), "masks all the training interactions");
        assertEquals(List.copyOf(byHand.history()).size(), held.history().size());
    }
}
