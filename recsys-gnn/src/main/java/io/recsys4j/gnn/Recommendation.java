package io.recsys4j.gnn;

/**
 * One recommended item.
 *
 * @param itemId the item's external id
 * @param score the model's score, higher is better
 */
public record Recommendation(String itemId, float score) {
}
