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

    @Option(names = "--header", description = "pairs: the first line of each file is a header, not an interaction.")
    boolean header;

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
        if (header) {
            requireFormat("--header", "pairs");
            reader = reader.withHeader(true);
        }
        Interactions tr = read(reader, train, log);
        Interactions va = valid == null ? null : read(reader, valid, log);
        Interactions te = test == null ? null : read(reader, test, log);
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

    private static String policyName(String name, String option, String a, String b) {
        if (!name.equals(a) && !name.equals(b)) {
            throw new IllegalArgumentException(option + " must be " + a + " or " + b + ", found '" + name + "'");
        }
        return name;
    }
}
