package org.tocsin.cli;

import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.tocsin.api.http.ApiContext;
import org.tocsin.api.http.ApiVerticle;
import org.tocsin.node.PipelineVerticle;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.sources.SourceManager;

/**
 * Runs an open node until the process is asked to stop (Ctrl-C, SIGTERM): its pipeline always
 * (ledger tailing, tree heads, time-stamps, alerts, webhooks), its sources, and the HTTP API unless
 * {@code http.enabled} is false; then stops them and closes the node so that the ledger and index
 * end cleanly.
 */
final class NodeServer {
  private NodeServer() {}

  /**
   * What runs for a node.
   *
   * @param api the HTTP verticle, or null when the node serves no HTTP
   */
  record Running(
      TocsinNode node,
      Vertx vertx,
      PipelineVerticle pipeline,
      SourceManager sources,
      ApiVerticle api) {

    /** The URL the API answers at, or null without HTTP. */
    String url() {
      if (api == null) {
        return null;
      }
      String host = node.config().http().host();
      String shown = "0.0.0.0".equals(host) ? "localhost" : host;
      return "http://" + shown + ":" + api.actualPort() + "/";
    }

    /** Stops the sources, the verticles and Vert.x; the node stays open. */
    void stop() throws Exception {
      await(sources.stop().toCompletionStage().toCompletableFuture());
      await(vertx.close().toCompletionStage().toCompletableFuture());
    }
  }

  /** Starts the pipeline, the sources and (when enabled) the HTTP API of an open node. */
  static Running start(TocsinNode node, ApiKeyStore keys, PrintWriter out) throws Exception {
    Vertx vertx = Vertx.vertx();
    PipelineVerticle pipeline;
    try {
      pipeline =
          await(PipelineVerticle.deploy(vertx, node).toCompletionStage().toCompletableFuture());
    } catch (ExecutionException e) {
      vertx.close();
      throw new IllegalStateException(
          "the pipeline did not start: " + Main.oneLine(e.getCause()), e.getCause());
    }
    SourceManager sources;
    try {
      sources = await(SourceManager.start(vertx, node).toCompletionStage().toCompletableFuture());
    } catch (ExecutionException e) {
      vertx.close();
      throw new IllegalStateException(
          "sources did not start: " + Main.oneLine(e.getCause()), e.getCause());
    }
    if (!sources.status().isEmpty()) {
      out.println(
          "crawling "
              + sources.sources().connectors().size()
              + " sources: "
              + sources.status().stream().map(s -> s.source()).toList());
    }
    if (!node.config().http().enabled()) {
      return new Running(node, vertx, pipeline, sources, null);
    }
    CampaignService campaigns = new CampaignService(node, node.config().campaigns());
    campaigns.rebuildInBackground();
    ApiContext ctx = new ApiContext(node, campaigns, keys, sources);
    ApiVerticle api = new ApiVerticle(ctx, node.config().http());
    try {
      await(vertx.deployVerticle(api).toCompletionStage().toCompletableFuture());
    } catch (ExecutionException e) {
      sources.stop();
      vertx.close();
      throw new IllegalStateException(
          "cannot listen on "
              + node.config().http().host()
              + ":"
              + node.config().http().port()
              + ": "
              + Main.oneLine(e.getCause()),
          e.getCause());
    }
    return new Running(node, vertx, pipeline, sources, api);
  }

  /**
   * Starts the node's pipeline, sources and API and blocks until the process stops.
   *
   * @param banner printed once running; {@code {url}} becomes the API's address
   */
  static void runUntilStopped(TocsinNode node, ApiKeyStore keys, PrintWriter out, String banner)
      throws Exception {
    Running running = start(node, keys, out);
    if (running.api() != null) {
      out.println(banner.replace("{url}", running.url()));
    } else {
      out.println(
          "Tocsin is running without HTTP (http.enabled is false): indexing from the ledger,"
              + " signing tree heads and delivering alerts. Stop with Ctrl-C.");
    }
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              try {
                running.stop();
                node.close();
              } catch (Exception e) {
                java.util.logging.Logger.getLogger(NodeServer.class.getName())
                    .log(java.util.logging.Level.WARNING, "shutdown", e);
              } finally {
                stopped.countDown();
              }
            },
            "tocsin-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
  }

  private static <T> T await(Future<T> f) throws ExecutionException, InterruptedException {
    return f.get();
  }
}
