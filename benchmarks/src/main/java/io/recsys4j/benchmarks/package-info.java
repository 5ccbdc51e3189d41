/** JMH benchmarks; run with java -jar benchmarks/target/benchmarks.jar. */
package io.recsys4j.benchmarks;
