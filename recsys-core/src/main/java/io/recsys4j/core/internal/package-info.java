/**
 * Not API: helpers the library's own modules share (atomic file replacement). Public only
 * because Java has no module-private visibility across jars; it may change in any release.
 */
package io.recsys4j.core.internal;
