package org.tocsin.api.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;
import org.tocsin.node.TocsinNode;

/**
 * The node's meters: ledger size, index progress and lag, alerts raised, JVM, and every HTTP
 * request by route template and status. Scraped at {@code /metrics}.
 */
public final class NodeMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** Registers the meters of a node. */
  public NodeMetrics(TocsinNode node) {
    registry.gauge("tocsin_ledger_last_seq", node, n -> n.ledger().lastSeq());
    registry.gauge("tocsin_index_indexed_seq", node, n -> n.indexer().indexedThrough());
    registry.gauge("tocsin_index_committed_seq", node, n -> n.indexer().committedThrough());
    registry.gauge(
        "tocsin_index_lag_records", node, n -> n.ledger().lastSeq() - n.indexer().indexedThrough());
    registry.gauge("tocsin_alerts_raised", node, n -> n.alerts().outbox().size());
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  /** The route handler that times each request once it ends, by route template and status. */
  public void timeRequests(RoutingContext rc) {
    long start = System.nanoTime();
    rc.addEndHandler(
        v -> {
          Route route = rc.currentRoute();
          String template = route == null || route.getPath() == null ? "other" : route.getPath();
          Timer.builder("tocsin_http_requests")
              .tag("method", rc.request().method().name())
              .tag(
                  "route",
                  template.startsWith("/api") || template.equals("/health") ? template : "static")
              .tag("status", Integer.toString(rc.response().getStatusCode()))
              .register(registry)
              .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        });
    rc.next();
  }

  /**
   * The timer of request validation against the OpenAPI contract (median and 99th percentile
   * published), so that its cost on each route can be watched.
   */
  public Timer validationTimer() {
    return Timer.builder("tocsin_request_validation")
        .description("checking a request against the OpenAPI contract")
        .publishPercentiles(0.5, 0.99)
        .register(registry);
  }

  /** The route handler of {@code GET /metrics}. */
  public void scrape(RoutingContext rc) {
    rc.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(registry.scrape());
  }
}
