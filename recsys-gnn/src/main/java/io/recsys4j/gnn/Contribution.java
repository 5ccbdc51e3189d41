package io.recsys4j.gnn;

/**
 * One part of a score, as {@link GraphFilter#explain} returns it: a history item, a friend or
 * the text term, and the exact amount it adds. The amounts of one explanation sum to the score.
 *
 * @param kind {@code "item"} (a history item), {@code "friend"} (through the social term)
 * @param id the item's or the friend's id
 * @param amount the part of the score it contributes
 * @param share {@code amount / score} (0 when the score is 0)
 */
public record Contribution(String kind, String id, double amount, double share) {
}
