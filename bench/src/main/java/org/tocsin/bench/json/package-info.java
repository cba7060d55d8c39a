/** JMH micro-benchmarks of the Post JSON codec. */
package org.tocsin.bench.json;
