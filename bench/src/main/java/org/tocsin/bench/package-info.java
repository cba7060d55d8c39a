/** Benchmarks: the end-to-end harness (whole jobs, measured once) and JMH micro-benchmarks. */
package org.tocsin.bench;
