/**
 * Connector throughput benchmark against the loopback fake platforms: posts/s and CPU per 1,000
 * posts, run as a main from the test classpath.
 */
package org.tocsin.crawler.bench;
