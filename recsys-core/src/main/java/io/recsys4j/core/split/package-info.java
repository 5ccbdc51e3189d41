/** Train/test splits: random per user, leave-one-out by time, global temporal. */
package io.recsys4j.core.split;
