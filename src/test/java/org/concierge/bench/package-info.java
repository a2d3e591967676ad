/**
 * Benchmarks: programs that start the real server and measure it, run by {@code mvn -Pbench
 * verify}. They are not tests; their figures go to {@code docs/benchmarks.md}.
 */
package org.concierge.bench;
