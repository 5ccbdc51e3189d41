package io.recsys4j.examples.cli;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.SocialGraph;
import io.recsys4j.core.io.DuplicatePolicy;
import io.recsys4j.core.io.InteractionReader;
import io.recsys4j.core.io.Loaded;
import io.recsys4j.core.io.SocialReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The data options shared by the commands that read a data set. */
final class DataOptions {
    @Option(names = "--format", required = true, description = "lightgcn, movielens or pairs.")
    String format;

    @Option(names = "--train", required = true, description = "Training interactions.")
    Path train;

    @Option(names = "--valid", description = "Validation interactions (same format).")
    Path valid;

    @Option(names = "--test", description = "Test interactions (same format).")
    Path test;

    @Option(names = "--social", description = "Social edge list: user<TAB>user per line, undirected.")
    Path social;

    @Option(names = "--duplicates", defaultValue = "reject",
            description = "reject (default), skip or merge repeated interactions (merge: one pair, weights summed, latest timestamp); skipped and merged ones are counted.")
    String duplicates;

    @Option(names = "--social-unknown-users",
            description = "reject or add social users that have no interactions (default: reject; train: add).")
    String socialUnknown;

    @Option(names = "--min-rating", description = "movielens: keep ratings at or above this (implicit feedback).")
    Double minRating;

    @Option(names = "--catalogue", paramLabel = "N",
            description = "lightgcn: allow id spaces 0..max id of up to N ids (default: at most max(65536, 8 x the distinct ids of the file), so that one stray huge id is an error, not gigabytes of phantom items).")
    Long catalogue;

    @Option(names = "--header", description = "pairs: the first line of each file is a header, not an interaction.")
    boolean header;

    @Option(names = "--test-overlap", defaultValue = "drop",
            description = "Test (and validation) pairs that are also training pairs can never be hit (training items are masked): drop "
                + "them with a warning giving the count (default), keep them (with the warning), or treat any as an "
                + "error. A test file made only of training pairs is always an error.")
    String testOverlap;

    /** Reads the files into one data set, printing what each loader read and skipped. */
    Dataset load(PrintWriter log) throws IOException {
        return load(log, "reject");
    }

    /** As {@link #load(PrintWriter)}, with the command's default for social users without interactions. */
    Dataset load(PrintWriter log, String socialUnknownDefault) throws IOException {
        InteractionReader reader = InteractionReader.forFormat(format).withDuplicates(policy(duplicates, "--duplicates"));
        if (minRating != null) {
            requireFormat("--min-rating", "movielens");
            reader = reader.withMinRating(minRating);
        }
        if (catalogue != null) {
            requireFormat("--catalogue", "lightgcn");
            reader = reader.withCatalogueLimit(catalogue);
        }
        if (header) {
            requireFormat("--header", "pairs");
            reader = reader.withHeader(true);
        }
        Interactions tr = read(reader, train, log);
        Interactions va = valid == null ? null : withoutTrainingPairs(tr, read(reader, valid, log), valid, log);
        Interactions te = test == null ? null : withoutTrainingPairs(tr, read(reader, test, log), test, log);
        Dataset.Builder b = Dataset.builder().train(tr).valid(va).test(te);
        if (social != null) {
            SocialReader sr = SocialReader.edges().withKnownUsers(Dataset.unionOfUsers(tr, va, te));
            String unknown = socialUnknown != null ? socialUnknown : socialUnknownDefault;
            if (policyName(unknown, "--social-unknown-users", "reject", "add").equals("add")) {
                sr = sr.withUnknownUsersAdded();
            }
            Loaded<SocialGraph> g = sr.read(social);
            log.println("read " + g.report());
            b.social(g.data());
        }
        return b.build();
    }

    /**
     * {@code te} (the test or validation file {@code file}) less the pairs {@code tr} also has, as
     * {@code --test-overlap} says; counted either way.
     */
    private Interactions withoutTrainingPairs(Interactions tr, Interactions te, Path file, PrintWriter log) {
        String policy = policyName(testOverlap, "--test-overlap", "drop", "keep", "error");
        int[] itemInTrain = new int[te.numItems()];
        for (int i = 0; i < itemInTrain.length; i++) {
            itemInTrain[i] = tr.items().indexOf(te.items().id(i));
        }
        int[] rs = tr.csrRowStart();
        int[] items = tr.csrItems();
        int[] keep = new int[te.size()];
        int kept = 0;
        int lastUser = -1;
        int userInTrain = -1;
        for (int k = 0; k < te.size(); k++) {
            if (te.user(k) != lastUser) {
                lastUser = te.user(k);
                userInTrain = tr.users().indexOf(te.users().id(lastUser));
            }
            int ti = itemInTrain[te.item(k)];
            boolean shared = userInTrain >= 0 && ti >= 0
                    && java.util.Arrays.binarySearch(items, rs[userInTrain], rs[userInTrain + 1], ti) >= 0;
            if (!shared) {
                keep[kept++] = k;
            }
        }
        int shared = te.size() - kept;
        if (shared == 0) {
            return te;
        }
        if (kept == 0) {
            throw new IllegalArgumentException(file + ": every one of its " + te.size()
                    + " pairs is also a training pair (is it the training file?)");
        }
        String what = String.format(java.util.Locale.ROOT, "%s: %d of its %d pairs are also training pairs",
                file, shared, te.size());
        switch (policy) {
            case "error":
                throw new IllegalArgumentException(what + " (--test-overlap drop or keep to go on)");
            case "keep":
                log.println("warning: " + what + ", kept: they are masked as training items and can never be hit");
                return te;
            default:
                log.println("warning: " + what + ", dropped from the test set");
                return te.select(java.util.Arrays.copyOf(keep, kept));
        }
    }

    private void requireFormat(String option, String needed) {
        if (!format.equalsIgnoreCase(needed)) {
            throw new IllegalArgumentException(option + " applies to --format " + needed + ", not " + format);
        }
    }

    @SuppressWarnings("try") // the progress display only needs to be closed
    private static Interactions read(InteractionReader reader, Path file, PrintWriter log) throws IOException {
        Loaded<Interactions> l;
        try (Progress p = Progress.loggedElsewhere("read " + file.getFileName(), -1)) {
            l = reader.read(file);
        }
        log.println("read " + l.report());
        return l.data();
    }

    private static DuplicatePolicy policy(String name, String option) {
        switch (name) {
            case "reject": return DuplicatePolicy.REJECT;
            case "skip": return DuplicatePolicy.SKIP;
            case "merge": return DuplicatePolicy.MERGE;
            default: throw new IllegalArgumentException(option + " must be reject, skip or merge, found '" + name + "'");
        }
    }

    private static String policyName(String name, String option, String... allowed) {
        if (!java.util.List.of(allowed).contains(name)) {
            throw new IllegalArgumentException(option + " must be " + String.join(", ", allowed) + ", found '" + name + "'");
        }
        return name;
    }
}
