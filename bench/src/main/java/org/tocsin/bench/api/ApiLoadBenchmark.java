package org.tocsin.bench.api;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.tocsin.api.http.ApiContext;
import org.tocsin.api.http.ApiVerticle;
import org.tocsin.bench.BenchReport;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.node.ImportListener;
import org.tocsin.node.PipelineVerticle;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;

/**
 * Search and ingest together against a real node on loopback, bounded in time: {@code S} concurrent
 * search loops cycle through six query classes while {@code I} loops POST Post JSONL batches; each
 * batch carries one probe post that an alert rule matches, and a webhook receiver on loopback
 * measures capture (the ledger's {@code capturedAt}) to delivery of its alert. Reports p50/p99 and
 * error rate per class, alert latency, and the contract validator's own time.
 *
 * <p>Usage: {@code bench/run-api-load.sh [seconds=60] [searchers=16] [ingesters=2]}.
 */
public final class ApiLoadBenchmark {
  private static final String MARKER = "zqxalertprobe";
  private static final String SECRET = "load-test-webhook-secret";

  private static final String[][] SEARCHES = {
    {"term", "/api/v1/posts/search?q=trump"},
    {"phrase", "/api/v1/posts/search?q=%22fake%20news%22"},
    {
      "boolean+filters",
      "/api/v1/posts/search?q=police%20OR%20black&label=hate,offensive&minHate=0.2"
    },
    {"sorted", "/api/v1/posts/search?q=america&sort=incitement&limit=50"},
    {"facets", "/api/v1/stats/facets?q=news&facets=target,lang,label"},
    {"histogram", "/api/v1/stats/histogram?q=trump&from=2015-01-01&to=2018-12-31&interval=day"},
  };

  private ApiLoadBenchmark() {}

  /** Args: [seconds] [searchers] [ingesters] [batch] [preload] [results dir]. */
  @SuppressForbidden(reason = "a command-line benchmark reports on stdout")
  public static void main(String[] args) throws Exception {
    int seconds = arg(args, 0, 60);
    int searchers = arg(args, 1, 16);
    int ingesters = arg(args, 2, 2);
    int batch = arg(args, 3, 50);
    int preload = arg(args, 4, 20_000);
    Path results = Path.of(args.length > 5 ? args[5] : "bench/results");
    PrintStream out = System.out;
    Path work = Files.createTempDirectory("tocsin-api-load-");
    List<String> corpus = corpus();
    Path config = work.resolve("tocsin.json");
    Files.writeString(
        config,
        "{\"http\": {\"port\": 0}, \"auth\": {\"requestsPerMinute\": 100000000},"
            + " \"alerts\": {\"webhookBackoffMillis\": 50}}");
    Vertx vertx = Vertx.vertx();
    Map<String, LatencyStats> stats = new LinkedHashMap<>();
    for (String[] s : SEARCHES) {
      stats.put(s[0], new LatencyStats());
    }
    stats.put("ingest batch", new LatencyStats());
    LatencyStats alertLatency = new LatencyStats();
    AtomicLong probesSent = new AtomicLong();
    AtomicLong probesDelivered = new AtomicLong();
    String validation;
    try (TocsinNode node = TocsinNode.open(work.resolve("data"), TocsinConfig.load(config))) {
      Path pre = work.resolve("preload.jsonl");
      List<String> preLines = new ArrayList<>();
      for (int i = 0; i < preload; i++) {
        preLines.add(withId(corpus.get(i % corpus.size()), "pre-" + i));
      }
      Files.write(pre, preLines, StandardCharsets.UTF_8);
      long t0 = System.nanoTime();
      node.importer().importFile(pre, ImportListener.NONE);
      out.printf("preloaded %,d posts in %.1f s%n", preload, (System.nanoTime() - t0) / 1e9);

      ApiKeyStore keys = ApiKeyStore.open(work.resolve("data"));
      String token = keys.create(Role.ADMIN, "load").token();
      ApiVerticle api =
          new ApiVerticle(
              new ApiContext(node, new CampaignService(node, CampaignConfig.defaults()), keys),
              node.config().http());
      PipelineVerticle.deploy(vertx, node).await();
      vertx.deployVerticle(api).await();
      int port = api.actualPort();

      HttpServer receiver =
          vertx
              .createHttpServer()
              .requestHandler(
                  req ->
                      req.body()
                          .onSuccess(
                              body -> {
                                long now = Instant.now().toEpochMilli() * 1000;
                                JsonObject a = new JsonObject(body);
                                Instant captured =
                                    Instant.parse(
                                        a.getJsonObject("evidence").getString("capturedAt"));
                                long capturedMicros =
                                    captured.getEpochSecond() * 1_000_000
                                        + captured.getNano() / 1000;
                                alertLatency.ok(now - capturedMicros);
                                probesDelivered.incrementAndGet();
                                req.response().setStatusCode(204).end();
                              }));
      receiver.listen(0, "127.0.0.1").await();
      WebClient client =
          WebClient.create(
              vertx,
              new WebClientOptions(),
              new PoolOptions().setHttp1MaxSize(searchers + ingesters + 4));
      JsonObject rule =
          new JsonObject()
              .put("name", "load probe")
              .put("query", MARKER)
              .put(
                  "webhook",
                  new JsonObject()
                      .put("url", "http://127.0.0.1:" + receiver.actualPort() + "/hook")
                      .put("secret", SECRET));
      HttpResponse<Buffer> created =
          client
              .post(port, "127.0.0.1", "/api/v1/alerts/rules")
              .putHeader("Authorization", "Bearer " + token)
              .sendJsonObject(rule)
              .await();
      if (created.statusCode() != 201) {
        throw new IllegalStateException("rule not created: " + created.bodyAsString());
      }

      long deadline = System.nanoTime() + seconds * 1_000_000_000L;
      List<Future<Void>> loops = new ArrayList<>();
      for (int i = 0; i < searchers; i++) {
        Promise<Void> done = Promise.promise();
        int first = i;
        vertx.runOnContext(v -> search(client, port, token, stats, first, deadline, done));
        loops.add(done.future());
      }
      AtomicLong ids = new AtomicLong();
      for (int i = 0; i < ingesters; i++) {
        Promise<Void> done = Promise.promise();
        vertx.runOnContext(
            v ->
                ingest(client, port, token, corpus, batch, ids, probesSent, stats, deadline, done));
        loops.add(done.future());
      }
      long started = System.nanoTime();
      Future.all(loops).await();
      double ran = (System.nanoTime() - started) / 1e9;
      // let the last alerts arrive (bounded)
      long wait = System.nanoTime() + 15_000_000_000L;
      while (probesDelivered.get() < probesSent.get() && System.nanoTime() < wait) {
        vertx.timer(100).await();
      }
      String metrics = client.get(port, "127.0.0.1", "/metrics").send().await().bodyAsString();
      validation = validationLine(metrics);

      BenchReport report = new BenchReport("API load: search and ingest together on loopback");
      report.line(
          "- load: %d s; %d concurrent search loops (six query classes in turn), %d ingest loops"
              + " (POST /api/v1/posts, %d posts a batch, one alert probe each); a real node"
              + " (ledger with fsync, trained scorer, Lucene on disk) preloaded with %,d demo posts;"
              + " Vert.x WebClient and a webhook receiver in the same JVM on loopback",
          seconds, searchers, ingesters, batch, preload);
      report.line(
          "- the machine was shared with other builds and tests during the run (load average"
              + " well above its 2 cores): numbers are pessimistic and noisy, not a capacity");
      report.line(
          "- ran %.1f s; command: `bench/run-api-load.sh %d %d %d`%n",
          ran, seconds, searchers, ingesters);
      report.line("| class | requests | req/s | p50 ms | p99 ms | errors |");
      report.line("| --- | ---: | ---: | ---: | ---: | ---: |");
      for (Map.Entry<String, LatencyStats> e : stats.entrySet()) {
        LatencyStats s = e.getValue();
        report.line(
            "| %s | %,d | %.1f | %.1f | %.1f | %d (%.2f %%) |",
            e.getKey(),
            s.count(),
            s.count() / ran,
            s.quantileMillis(0.5),
            s.quantileMillis(0.99),
            s.errors(),
            s.count() == 0 ? 0.0 : 100.0 * s.errors() / s.count());
      }
      report.line("");
      report.line(
          "Capture to alert delivery (ledger `capturedAt` of the probe post to its signed webhook"
              + " POST arriving at the receiver): %,d of %,d probe alerts delivered; p50 %.1f ms,"
              + " p99 %.1f ms, max %.1f ms.",
          probesDelivered.get(),
          probesSent.get(),
          alertLatency.quantileMillis(0.5),
          alertLatency.quantileMillis(0.99),
          alertLatency.quantileMillis(1.0));
      report.line("");
      report.line("Request validation against the OpenAPI contract (all routes): %s", validation);
      Path file = report.write(results, "api-load");
      out.print(report.text());
      out.println("written " + file);
    } finally {
      vertx.close().await();
    }
  }

  private static void search(
      WebClient client,
      int port,
      String token,
      Map<String, LatencyStats> stats,
      int i,
      long deadline,
      Promise<Void> done) {
    if (System.nanoTime() >= deadline) {
      done.complete();
      return;
    }
    String[] s = SEARCHES[i % SEARCHES.length];
    LatencyStats st = stats.get(s[0]);
    long t0 = System.nanoTime();
    client
        .get(port, "127.0.0.1", s[1])
        .putHeader("Authorization", "Bearer " + token)
        .send()
        .onComplete(
            ar -> {
              if (ar.succeeded() && ar.result().statusCode() == 200) {
                st.ok((System.nanoTime() - t0) / 1000);
              } else {
                st.error();
              }
              search(client, port, token, stats, i + 1, deadline, done);
            });
  }

  private static void ingest(
      WebClient client,
      int port,
      String token,
      List<String> corpus,
      int batch,
      AtomicLong ids,
      AtomicLong probes,
      Map<String, LatencyStats> stats,
      long deadline,
      Promise<Void> done) {
    if (System.nanoTime() >= deadline) {
      done.complete();
      return;
    }
    StringBuilder body = new StringBuilder();
    for (int k = 0; k < batch - 1; k++) {
      long id = ids.incrementAndGet();
      body.append(withId(corpus.get((int) (id % corpus.size())), "live-" + id)).append('\n');
    }
    long probe = ids.incrementAndGet();
    body.append(
            new JsonObject()
                .put("platform", "test")
                .put("id", "probe-" + probe)
                .put("author", new JsonObject().put("id", "probe"))
                .put("createdAt", Instant.now().toString())
                .put("text", MARKER + " we must exterminate them tonight")
                .encode())
        .append('\n');
    LatencyStats st = stats.get("ingest batch");
    long t0 = System.nanoTime();
    client
        .post(port, "127.0.0.1", "/api/v1/posts")
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Content-Type", "application/x-ndjson")
        .sendBuffer(Buffer.buffer(body.toString()))
        .onComplete(
            ar -> {
              if (ar.succeeded() && ar.result().statusCode() == 202) {
                st.ok((System.nanoTime() - t0) / 1000);
                probes.incrementAndGet();
              } else {
                st.error();
              }
              ingest(client, port, token, corpus, batch, ids, probes, stats, deadline, done);
            });
  }

  private static String validationLine(String metrics) {
    String p50 = metric(metrics, "tocsin_request_validation_seconds{quantile=\"0.5\"");
    String p99 = metric(metrics, "tocsin_request_validation_seconds{quantile=\"0.99\"");
    String count = metric(metrics, "tocsin_request_validation_seconds_count");
    String sum = metric(metrics, "tocsin_request_validation_seconds_sum");
    if (count == null || sum == null) {
      return "not reported";
    }
    double n = Double.parseDouble(count);
    return String.format(
        java.util.Locale.ROOT,
        "%,.0f requests validated; mean %.3f ms, p50 %.3f ms, p99 %.3f ms (Micrometer"
            + " `tocsin_request_validation_seconds`, from the handler's start to the validator's"
            + " answer, worker hop included)",
        n,
        n == 0 ? 0 : 1000 * Double.parseDouble(sum) / n,
        p50 == null ? Double.NaN : 1000 * Double.parseDouble(p50),
        p99 == null ? Double.NaN : 1000 * Double.parseDouble(p99));
  }

  private static String metric(String text, String prefix) {
    for (String line : text.split("\n")) {
      if (line.startsWith(prefix)) {
        return line.substring(line.lastIndexOf(' ') + 1).trim();
      }
    }
    return null;
  }

  private static String withId(String line, String id) {
    return new JsonObject(line).put("id", id).encode();
  }

  private static List<String> corpus() throws java.io.IOException {
    List<String> lines = new ArrayList<>();
    try (InputStream raw =
            ApiLoadBenchmark.class.getResourceAsStream("/org/tocsin/node/demo/posts.jsonl.gz");
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }
    return lines;
  }

  private static int arg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }
}
