package io.recsys4j.gnn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One part of a score, as {@link Recommender#explain} returns it: a history item, a friend, the
 * text term or the user's own embedding, and the exact amount it adds. The amounts of one
 * explanation sum to the score.
 *
 * @param kind {@code "item"} (a history item), {@code "friend"} (through the social term),
 *     {@code "text"} (the user's projected text), {@code "self"} (a trained user's own embedding)
 * @param id the item's or the friend's id
 * @param amount the part of the score it contributes
 * @param share {@code amount / score} (0 when the score is 0)
 */
public record Contribution(String kind, String id, double amount, double share) {
    /**
     * The {@code n} largest parts by magnitude (ties in input order), each with its share of the
     * sum of <em>all</em> the parts given (share 0 when that sum is 0).
     */
    static List<Contribution> ranked(List<Contribution> parts, int n) {
        double total = 0;
        for (Contribution c : parts) {
            total += c.amount();
        }
        List<Contribution> sorted = new ArrayList<>(parts);
        sorted.sort((x, y) -> Double.compare(Math.abs(y.amount()), Math.abs(x.amount())));
        List<Contribution> out = new ArrayList<>();
        for (Contribution c : sorted.subList(0, Math.min(n, sorted.size()))) {
            out.add(new Contribution(c.kind(), c.id(), c.amount(), total == 0 ? 0 : c.amount() / total));
        }
        return Collections.unmodifiableList(out);
    }
}
