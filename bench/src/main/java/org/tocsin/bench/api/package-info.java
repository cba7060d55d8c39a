/** Loopback load test of the API: search and ingest together, and capture-to-alert latency. */
package org.tocsin.bench.api;
