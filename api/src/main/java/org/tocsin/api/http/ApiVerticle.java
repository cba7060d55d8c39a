package org.tocsin.api.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.tocsin.api.auth.Access;
import org.tocsin.api.auth.RateLimiter;
import org.tocsin.api.metrics.NodeMetrics;
import org.tocsin.api.problems.ApiException;
import org.tocsin.nlp.bands.IncitementBands;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.config.TocsinConfig.HttpConfig;

/**
 * The HTTP server: REST API under {@code /api/v1}, {@code /health}, {@code /metrics}, and the
 * dashboard's static files from the jar. Routes only: the node's pipeline (ledger tailing, tree
 * heads, time-stamps, alert windows, webhooks) runs in {@link org.tocsin.node.PipelineVerticle},
 * deployed beside it. Blocking work (Lucene, the ledger) runs on worker threads.
 */
public final class ApiVerticle extends VerticleBase {
  /** Longest request line accepted; longer ones get a 414 problem response. */
  public static final int MAX_REQUEST_LINE = 8192;

  private final ApiContext ctx;
  private final HttpConfig http;
  private HttpServer server;
  private ContractValidator contract;
  private final io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> validation =
      rc -> contract.validate(rc);
  private Router router;

  /** Creates the verticle for what {@code ctx} holds, listening where {@code http} says. */
  public ApiVerticle(ApiContext ctx, HttpConfig http) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.http = Objects.requireNonNull(http, "http");
  }

  @Override
  public Future<?> start() {
    router = Router.router(vertx);
    ConnectionLimits limits = new ConnectionLimits(vertx, http);
    router.route().handler(limits::onRequest);
    router.route().handler(SecurityHeaders::handle);
    NodeMetrics metrics = new NodeMetrics(ctx.node());
    router.route().handler(metrics::timeRequests);
    router.get("/metrics").handler(metrics::scrape);
    TocsinNode node = ctx.node();
    new HealthRoutes(vertx, node, ctx.sources()).mount(router);
    Access access =
        new Access(ctx.keys(), new RateLimiter(node.config().auth().requestsPerMinute()));
    router
        .get("/api/v1/openapi.yaml")
        .handler(
            rc ->
                rc.response()
                    .putHeader("Content-Type", "application/yaml; charset=utf-8")
                    .sendFile("org/tocsin/api/openapi/openapi.yaml"));
    router.route("/api/*").handler(access.authenticate());
    router.route("/api/*").handler(rc -> rc.put(Access.AFTER_ADMISSION, validation).next());
    router.post("/api/v1/posts").handler(BodyHandler.create().setBodyLimit(IngestRoutes.MAX_BYTES));
    router.route("/api/*").handler(BodyHandler.create().setBodyLimit(RequestBodies.MAX_BYTES));
    new PostRoutes(vertx, node.index(), node.config().search(), node.custody()).mount(router);
    new EvidenceRoutes(vertx, node, ctx.keys()).mount(router);
    new SourceRoutes(ctx.sourceAdmin()).mount(router);
    new StatsRoutes(vertx, node.index(), node.config().search().maxQueryChars()).mount(router);
    new CampaignRoutes(vertx, ctx.campaigns(), node.index()).mount(router);
    new CampaignDossierRoutes(vertx, node, ctx.campaigns()).mount(router);
    new KeyRoutes(vertx, ctx.keys()).mount(router);
    new ReindexRoutes(node.rebuild()).mount(router);
    new WatchlistRoutes(vertx, node.watchlists()).mount(router);
    new SavedSearchRoutes(
            vertx, node.savedSearches(), node.index(), node.config().search().maxQueryChars())
        .mount(router);
    new AlertRoutes(
            vertx,
            node.alerts(),
            node.config().security().outboundGuard(),
            node.index(),
            ctx.keys())
        .mount(router);
    new RuleDeliveries(node.alerts()).mount(router);
    new RuleOperations(
            vertx,
            node.alerts(),
            node.index(),
            node.custody(),
            node.config().security().outboundGuard())
        .mount(router);
    new ScoringRoutes(vertx, IncitementBands.shipped(), node.scorer(), node.index()).mount(router);
    new IngestRoutes(vertx, node.importer()).mount(router);
    router
        .route("/api/*")
        .handler(rc -> rc.fail(ApiException.notFound("no such API route: " + rc.request().path())));
    router
        .route("/webjars/*")
        .handler(
            StaticHandler.create("META-INF/resources/webjars")
                .setCachingEnabled(true)
                .setMaxAgeSeconds(86_400)
                .setDirectoryListing(false));
    router
        .route("/*")
        .handler(
            StaticHandler.create("org/tocsin/api/webroot")
                .setCachingEnabled(false)
                .setDirectoryListing(false)
                .setIncludeHidden(false));
    router.route().failureHandler(Problems::handleFailure);
    for (int status : new int[] {404, 405, 406, 413, 415}) {
      router.errorHandler(status, Problems::handleFailure);
    }
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(http.host())
            .setPort(http.port())
            .setMaxInitialLineLength(MAX_REQUEST_LINE)
            .setMaxHeaderSize(16 * 1024)
            .setIdleTimeout(http.idleTimeoutSeconds())
            .setIdleTimeoutUnit(TimeUnit.SECONDS)
            // HTTP/1.1 only: with h2c detection on, Vert.x makes the connection (and so starts
            // its header deadline) only once the first bytes arrive
            .setHttp2ClearTextEnabled(false)
            .setCompressionSupported(true);
    server =
        vertx
            .createHttpServer(options)
            .invalidRequestHandler(Problems::handleInvalidRequest)
            .connectionHandler(limits::onConnection)
            .exceptionHandler(ConnectionLimits::logClientProblem)
            .requestHandler(router);
    return ContractValidator.load(vertx, metrics.validationTimer())
        .compose(
            c -> {
              contract = c;
              return server.listen();
            });
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** The router (for tests that compare the routes with the OpenAPI contract). */
  public Router router() {
    return router;
  }

  /** The port the server listens on (useful when configured with port 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
