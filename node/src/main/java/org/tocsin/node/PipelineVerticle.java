package org.tocsin.node;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tocsin.node.alerts.WebhookDispatcher;

/**
 * The node's pipeline, apart from HTTP: indexes what reaches the ledger by any path (crawlers,
 * custody, other writers) every {@link #TAIL_MILLIS} ms, which also feeds the alert rules and the
 * live campaign detector; signs tree heads when due and sends each new head to the RFC 3161
 * time-stamp authorities; evaluates the volume-change alert windows every second; and delivers
 * alerts to webhooks. A node runs it whether or not it serves HTTP. Deployed as a worker verticle
 * ({@link #deploy}); the blocking work (Lucene, the ledger, TSA requests) runs on worker threads,
 * each task apart so that a slow one does not hold the others.
 */
public final class PipelineVerticle extends VerticleBase {
  /** How often the node indexes what reached the ledger by other paths (crawlers, custody). */
  public static final long TAIL_MILLIS = 500;

  /** How often the signer and the volume-change windows are looked at. */
  static final long TICK_MILLIS = 1_000;

  private static final Logger LOG = Logger.getLogger(PipelineVerticle.class.getName());

  private final TocsinNode node;
  private WebhookDispatcher webhooks;
  private Timestamps timestamps;
  private long tailTimer = -1;
  private long signerTimer = -1;
  private long windowTimer = -1;
  private volatile boolean tailing;
  private Future<?> tail = Future.succeededFuture();

  /** Creates the pipeline of an open node. */
  public PipelineVerticle(TocsinNode node) {
    this.node = Objects.requireNonNull(node, "node");
  }

  /** Deploys the pipeline of {@code node} on {@code vertx} as a worker verticle. */
  public static Future<PipelineVerticle> deploy(Vertx vertx, TocsinNode node) {
    PipelineVerticle pipeline = new PipelineVerticle(node);
    return vertx
        .deployVerticle(pipeline, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
        .map(id -> pipeline);
  }

  @Override
  public Future<?> start() {
    timestamps = new Timestamps(node); // first: the outbound guard may refuse an authority
    webhooks =
        new WebhookDispatcher(
            vertx,
            node.alerts(),
            node.dataDir().resolve("alerts").resolve("webhooks"),
            new Random(),
            node.config().alerts().webhookBackoffMillis(),
            node.config().alerts().webhookTimeoutMillis(),
            node.config().security().outboundGuard());
    webhooks.start();
    tailTimer = vertx.setPeriodic(TAIL_MILLIS, id -> tail());
    signerTimer =
        vertx.setPeriodic(
            TICK_MILLIS,
            id ->
                vertx
                    .executeBlocking(
                        () -> {
                          var head = node.signer().signIfDue();
                          if (head.isPresent()) {
                            timestamps.stamp(head.get());
                          }
                          return head;
                        },
                        false)
                    .onFailure(e -> LOG.log(Level.SEVERE, "tree head not signed", e)));
    // volume-change rules: a spike is noticed within a second even if no further post arrives
    windowTimer =
        vertx.setPeriodic(
            TICK_MILLIS,
            id ->
                vertx
                    .executeBlocking(() -> node.alerts().evaluateWindows(Instant.now()), false)
                    .onFailure(e -> LOG.log(Level.SEVERE, "alert windows not evaluated", e)));
    return Future.succeededFuture();
  }

  private void tail() {
    if (tailing) {
      return;
    }
    tailing = true;
    tail = vertx.executeBlocking(() -> node.indexer().catchUp(), false);
    tail.onComplete(
        ar -> {
          tailing = false;
          if (ar.failed()) {
            LOG.log(Level.SEVERE, "indexing from the ledger failed", ar.cause());
          }
        });
  }

  @Override
  public Future<?> stop() {
    if (webhooks != null) {
      webhooks.stop();
    }
    for (long timer : new long[] {tailTimer, signerTimer, windowTimer}) {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
    }
    // let an in-flight catch-up finish: interrupting a Lucene write would close the index
    return tail.transform(ar -> Future.succeededFuture());
  }
}
