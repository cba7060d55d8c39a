/** Metrics: Micrometer meters of the node and its HTTP API, exposed in the Prometheus format. */
package org.tocsin.api.metrics;
