package io.recsys4j.core.io;

import io.recsys4j.core.Interactions;
import java.nio.file.Path;

/** Run in a small JVM by {@link InteractionReaderTest}: reads one file per format and says what happened. */
final class HugeIdProbe {
    private HugeIdProbe() {
    }

    public static void main(String[] args) throws Exception {
        try {
            InteractionReader.lightGcn().read(Path.of(args[0]));
            System.out.println("lightgcn read it");
        } catch (MalformedDataException e) {
            System.out.println("lightgcn refused: " + e.getMessage());
        }
        Interactions ml = InteractionReader.movieLens().read(Path.of(args[1])).data();
        System.out.println("movielens read " + ml.size() + " records, " + ml.numItems() + " items");
        Interactions pr = InteractionReader.pairs().read(Path.of(args[2])).data();
        System.out.println("pairs read " + pr.size() + " records, " + pr.numItems() + " items");
    }
}
