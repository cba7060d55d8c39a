package org.tocsin.cli;

import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.tocsin.api.http.ApiContext;
import org.tocsin.api.http.ApiVerticle;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.sources.SourceManager;

/**
 * Runs the API server for an open node until the process is asked to stop (Ctrl-C, SIGTERM); then
 * stops the server and closes the node so that the ledger and index end cleanly.
 */
final class NodeServer {
  private NodeServer() {}

  static void runUntilStopped(TocsinNode node, ApiKeyStore keys, PrintWriter out, String banner)
      throws Exception {
    Vertx vertx = Vertx.vertx();
    CampaignService campaigns = new CampaignService(node, CampaignConfig.defaults());
    campaigns.rebuildInBackground();
    SourceManager sources;
    try {
      sources = SourceManager.start(vertx, node).toCompletionStage().toCompletableFuture().get();
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
    ApiContext ctx = new ApiContext(node, campaigns, keys, sources);
    ApiVerticle api = new ApiVerticle(ctx, node.config().http());
    try {
      vertx.deployVerticle(api).toCompletionStage().toCompletableFuture().get();
    } catch (ExecutionException e) {
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
    String host = node.config().http().host();
    String shown = "0.0.0.0".equals(host) ? "localhost" : host;
    out.println(banner.replace("{url}", "http://" + shown + ":" + api.actualPort() + "/"));
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              try {
                sources.stop().toCompletionStage().toCompletableFuture().get();
                vertx.close().toCompletionStage().toCompletableFuture().get();
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
}
