package org.tocsin.crawler.bench;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.management.JMException;
import javax.management.ObjectName;
import org.tocsin.core.evidence.Capture;
import org.tocsin.crawler.fetch.FetchConfig;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.crawler.parse.CrawlerParsers;
import org.tocsin.crawler.politeness.Politeness;
import org.tocsin.crawler.source.CaptureSink;
import org.tocsin.crawler.source.CursorStore;
import org.tocsin.crawler.source.FileCursorStore;
import org.tocsin.crawler.source.MemorySink;
import org.tocsin.crawler.source.Pacing;
import org.tocsin.crawler.source.bluesky.JetstreamConfig;
import org.tocsin.crawler.source.bluesky.JetstreamVerticle;
import org.tocsin.crawler.source.fourchan.FourchanConfig;
import org.tocsin.crawler.source.fourchan.FourchanVerticle;
import org.tocsin.crawler.source.mastodon.MastodonConfig;
import org.tocsin.crawler.source.mastodon.MastodonTimelineVerticle;
import org.tocsin.crawler.source.reddit.RedditConfig;
import org.tocsin.crawler.source.reddit.RedditListingVerticle;
import org.tocsin.crawler.source.rss.FeedConfig;
import org.tocsin.crawler.source.rss.FeedVerticle;
import org.tocsin.crawler.source.telegram.TelegramChannelVerticle;
import org.tocsin.crawler.source.telegram.TelegramConfig;
import org.tocsin.testkit.fake.FakePlatform;
import org.tocsin.testkit.fake.JetstreamReplay;
import org.tocsin.testkit.fixtures.Fixtures;
import org.tocsin.testkit.fixtures.Recording;

/**
 * Measures each connector against a loopback {@link FakePlatform} with an in-memory sink: posts/s
 * (posts parsed from the acknowledged captures over the wall time from deploy to the last
 * acknowledgement) and CPU time per 1,000 posts, both for the whole process (fake server, GC and
 * JIT included) and summed over live threads. Each connector runs once to warm up, then once
 * measured. Writes {@code <dir>/crawler-<date>.md}; the first argument is the directory (default
 * {@code bench/results}).
 */
public final class CrawlerBench {
  /** The fake platforms of this test are on loopback: allowed explicitly. */
  private static final OutboundGuard LOOPBACK =
      OutboundGuard.allowing(List.of("127.0.0.0/8", "::1"));

  private static final String UA = "Tocsin-bench/0.1 (+https://tocsin.example; ops@tocsin.example)";
  private static final long TIMEOUT_SECONDS = 40;

  private final Vertx vertx;
  private final Path tmp;

  private CrawlerBench(Vertx vertx, Path tmp) {
    this.vertx = vertx;
    this.tmp = tmp;
  }

  /** One connector's setup: the fake's routes, the verticle, and how many captures to wait for. */
  private record Scenario(
      String name,
      String input,
      Function<FakePlatform, Factory> setup,
      int captures,
      Consumer<FakePlatform> onStore) {
    Scenario(String name, String input, Function<FakePlatform, Factory> setup, int captures) {
      this(name, input, setup, captures, f -> {});
    }
  }

  /** One measured run. */
  private record Result(
      String name,
      String input,
      int captures,
      long posts,
      double seconds,
      double processCpuMs,
      double threadCpuMs) {}

  /** Runs the benchmark and writes the report; the first argument is the output directory. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "bench/results");
    Path tmp = Files.createTempDirectory("crawler-bench");
    Vertx vertx = Vertx.vertx();
    try {
      CrawlerBench b = new CrawlerBench(vertx, tmp);
      List<Result> results = new ArrayList<>();
      List<String> failed = new ArrayList<>();
      for (Scenario s : b.scenarios()) {
        try {
          b.run(s, "warmup");
          results.add(b.run(s, "measured"));
        } catch (IllegalStateException e) {
          failed.add(s.name() + ": not measured, " + e.getMessage());
        }
      }
      Files.createDirectories(dir);
      String date = LocalDate.now(ZoneOffset.UTC).toString();
      Files.writeString(
          dir.resolve("crawler-" + date + ".md"),
          report(date, results, failed),
          StandardCharsets.UTF_8);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private List<Scenario> scenarios() {
    return List.of(
        mastodon(400), jetstream(100), rss(500), telegram(300), reddit(60), fourchan(300));
  }

  private CursorStore cursors(String run) {
    return new FileCursorStore(vertx, tmp.resolve(run + "-" + System.nanoTime()));
  }

  private Result run(Scenario s, String phase) throws Exception {
    FakePlatform fake = FakePlatform.create(vertx);
    await(fake.start());
    MemorySink sink = new MemorySink();
    CaptureSink hooked =
        c -> {
          s.onStore().accept(fake);
          return sink.store(c);
        };
    VerticleBase real = s.setup().apply(fake).create(hooked, cursors(phase));
    long cpu0 = processCpu();
    long thr0 = threadCpu();
    long t0 = System.nanoTime();
    String id = await(vertx.deployVerticle(real));
    long t1;
    long cpu1;
    long thr1;
    try {
      await(sink.awaitStored(s.captures()));
      t1 = System.nanoTime();
      cpu1 = processCpu();
      thr1 = threadCpu();
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          s.name() + ": stored " + sink.stored().size() + " of " + s.captures() + " captures", e);
    } finally {
      await(vertx.undeploy(id));
      await(fake.close());
    }
    List<Capture> stored = sink.stored().subList(0, s.captures());
    long posts = 0;
    for (Capture c : stored) {
      posts += CrawlerParsers.forFormat(c.platform()).parse(c).size();
    }
    return new Result(
        s.name(),
        s.input(),
        s.captures(),
        posts,
        (t1 - t0) / 1e9,
        (cpu1 - cpu0) / 1e6,
        (thr1 - thr0) / 1e6);
  }

  /**
   * The process CPU time in ns, read as the {@code ProcessCpuTime} attribute of the platform
   * OperatingSystem MBean (portable, unlike casting to {@code com.sun.management}).
   */
  private static long processCpu() {
    try {
      return (Long)
          ManagementFactory.getPlatformMBeanServer()
              .getAttribute(new ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuTime");
    } catch (JMException | ClassCastException e) {
      throw new IllegalStateException("this JVM does not report ProcessCpuTime", e);
    }
  }

  private static long threadCpu() {
    ThreadMXBean t = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long id : t.getAllThreadIds()) {
      long c = t.getThreadCpuTime(id);
      if (c > 0) {
        sum += c;
      }
    }
    return sum;
  }

  /** Builds a connector once its sink and cursor store are known. */
  @FunctionalInterface
  private interface Factory {
    VerticleBase create(CaptureSink sink, CursorStore cursors);
  }

  private static FetchConfig fetch() {
    return new FetchConfig(UA, 16 << 20, 5_000, 30_000);
  }

  /** The recorded 5-status account page, served as a chain of {@code pages} max_id pages. */
  private Scenario mastodon(int pages) {
    String path = "/api/v1/accounts/117020565966271181/statuses";
    Recording page =
        Fixtures.recording(
            "mastodon/mastodon_py/pagination_link_header/"
                + "11_GET_api_v1_accounts_117020565966271181_statuses_limit_5");
    return new Scenario(
        "Mastodon REST walk (max_id pages)",
        pages + " pages of the recorded 5-status page",
        fake -> {
          for (int i = 0; i < pages; i++) {
            String q = i == 0 ? "?limit=5" : "?limit=5&max_id=" + (1_000_000 - i);
            Map<String, String> h = new java.util.HashMap<>(page.headers());
            h.remove("link");
            h.remove("Link");
            if (i + 1 < pages) {
              h.put(
                  "Link",
                  "<"
                      + fake.baseUrl()
                      + path
                      + "?limit=5&max_id="
                      + (1_000_000 - i - 1)
                      + ">; rel=\"next\"");
            }
            fake.replay(new Recording("GET", "http://fake" + path + q, 200, h, page.body()));
          }
          fake.fallback(
              200,
              Map.of("content-type", "application/json"),
              "[]".getBytes(StandardCharsets.UTF_8));
          MastodonConfig cfg =
              new MastodonConfig(
                  "bench:mastodon", fake.baseUrl(), path, 5, 60_000, pages, 0, 100, 5, 50, fetch());
          return (sink, cursors) ->
              new MastodonTimelineVerticle(
                  cfg,
                  sink,
                  cursors,
                  Politeness.shared(Clock.systemUTC(), LOOPBACK),
                  new Random(1),
                  Clock.systemUTC());
        },
        pages);
  }

  /** The recorded Jetstream capture repeated {@code copies} times with fresh keys and times. */
  private Scenario jetstream(int copies) {
    List<String> recorded =
        Fixtures.text("bluesky/jetstream_v1_production_capture_2026-07-04/expected_v1.jsonl")
            .lines()
            .toList();
    List<String> lines = new ArrayList<>();
    long time = 1_783_175_000_000_000L;
    for (int k = 0; k < copies; k++) {
      for (String l : recorded) {
        JsonObject e = new JsonObject(l);
        e.put("time_us", time++);
        if (e.getValue("commit") instanceof JsonObject c && c.getValue("rkey") != null) {
          c.put("rkey", c.getString("rkey") + "x" + k);
        }
        lines.add(e.encode());
      }
    }
    JetstreamReplay replay = JetstreamReplay.of(lines);
    String wanted = "?wantedCollections=app.bsky.feed.post&wantedCollections=app.bsky.feed.repost";
    int events = replay.matching(wanted);
    return new Scenario(
        "Bluesky Jetstream replay (WebSocket)",
        copies + " copies of the recorded capture, " + events + " matching events",
        fake -> {
          fake.webSocket("/subscribe", replay);
          JetstreamConfig cfg =
              new JetstreamConfig(
                  "bench:jetstream",
                  "ws://127.0.0.1:" + fake.actualPort() + "/subscribe",
                  JetstreamConfig.DEFAULT_WANTED_COLLECTIONS,
                  List.of(),
                  5_000,
                  1_000,
                  512,
                  1 << 20,
                  0,
                  5,
                  50,
                  fetch());
          return (sink, cursors) ->
              new JetstreamVerticle(cfg, sink, cursors, new Random(2), Clock.systemUTC(), LOOPBACK);
        },
        events);
  }

  /**
   * Two recorded feeds served alternately at one URL, {@code polls} polls (the connector stores a
   * body only when it differs from the last one, so the bench swaps the body after each store).
   */
  private Scenario rss(int polls) {
    byte[][] feeds = {
      Fixtures.bytes("feeds/rome/usgs-gov-earthquakes-all-hour-atom.xml"),
      Fixtures.bytes("feeds/rome/rss_2.0.xml")
    };
    int[] next = {0};
    Consumer<FakePlatform> serveNext =
        fake ->
            fake.replay(
                new Recording(
                    "GET",
                    "http://fake/feed.xml",
                    200,
                    Map.of("content-type", "application/xml"),
                    feeds[next[0]++ % 2]));
    return new Scenario(
        "RSS/Atom poll (ROME)",
        polls + " polls, the recorded USGS Atom and ROME RSS 2.0 feeds alternating",
        fake -> {
          serveNext.accept(fake);
          FeedConfig cfg =
              new FeedConfig(
                  "bench:rss", fake.baseUrl() + "/feed.xml", new Pacing(1, 0, 100, 5, 50), fetch());
          return (sink, cursors) ->
              new FeedVerticle(
                  cfg,
                  sink,
                  cursors,
                  Politeness.shared(Clock.systemUTC(), LOOPBACK),
                  new Random(3),
                  Clock.systemUTC());
        },
        polls,
        serveNext);
  }

  /** The recorded t.me/s page answered to every page request (backfill, then polls). */
  private Scenario telegram(int pages) {
    byte[] html = Fixtures.bytes("telegram/any2feed_telegram_preview/full.html");
    return new Scenario(
        "Telegram t.me/s pages (jsoup)",
        pages + " fetches of the recorded channel page",
        fake -> {
          fake.replay(
              new Recording(
                  "GET",
                  "http://fake/robots.txt",
                  200,
                  Map.of("content-type", "text/plain"),
                  "User-agent: *\nDisallow: /c/\n".getBytes(StandardCharsets.UTF_8)));
          fake.fallback(200, Map.of("content-type", "text/html; charset=utf-8"), html);
          TelegramConfig cfg =
              new TelegramConfig(
                  "bench:telegram",
                  fake.baseUrl(),
                  "topwar_official",
                  pages,
                  50,
                  3_600_000,
                  new Pacing(1, 0, 100, 5, 50),
                  fetch());
          return (sink, cursors) ->
              new TelegramChannelVerticle(
                  cfg,
                  sink,
                  cursors,
                  Politeness.shared(Clock.systemUTC(), LOOPBACK),
                  new Random(4),
                  Clock.systemUTC());
        },
        pages);
  }

  /**
   * The recorded 100-post {@code r/askreddit/new.json} page served as a backfill walk of {@code
   * pages} pages, each page's {@code after} rewritten to point at the next (the connector does not
   * dedupe, so the posts are left as recorded).
   */
  private Scenario reddit(int pages) {
    Recording page =
        Fixtures.recording(
            "reddit/asyncpraw/subreddit_new/01_GET_r_askreddit_new_limit_100_raw_json_1");
    String path = "/r/askreddit/new.json?limit=100&raw_json=1";
    return new Scenario(
        "Reddit new.json walk (after pages)",
        pages
            + " pages of the recorded 100-post r/askreddit page, pacing 0 ms (the real limit is 10"
            + " requests a minute: this measures parser + connector cost)",
        fake -> {
          JsonObject recorded = new JsonObject(new String(page.body(), StandardCharsets.UTF_8));
          Map<String, String> h = new java.util.HashMap<>(page.headers());
          h.keySet().removeIf(k -> k.equalsIgnoreCase("content-length"));
          for (int i = 0; i < pages; i++) {
            String q = i == 0 ? path : path + "&after=" + after(i);
            JsonObject body = recorded.copy();
            body.getJsonObject("data").put("after", i + 1 < pages ? after(i + 1) : null);
            fake.replay(
                new Recording(
                    "GET",
                    "http://fake" + q,
                    200,
                    h,
                    body.encode().getBytes(StandardCharsets.UTF_8)));
          }
          fake.fallback(
              200,
              Map.of("content-type", "application/json"),
              "{\"kind\":\"Listing\",\"data\":{\"after\":null,\"children\":[]}}"
                  .getBytes(StandardCharsets.UTF_8));
          RedditConfig cfg =
              new RedditConfig(
                  "bench:reddit",
                  fake.baseUrl(),
                  "askreddit",
                  100,
                  pages,
                  new Pacing(1, 0, 100, 5, 50),
                  fetch());
          return (sink, cursors) ->
              new RedditListingVerticle(
                  cfg,
                  sink,
                  cursors,
                  Politeness.shared(Clock.systemUTC(), LOOPBACK),
                  new Random(5),
                  Clock.systemUTC());
        },
        pages);
  }

  private static String after(int page) {
    return "t3_bench" + Integer.toString(page, 36);
  }

  /**
   * A catalog of {@code threads} threads built from the recorded catalog's four (fresh numbers),
   * then every thread's {@code thread/N.json}: the recorded thread with its numbers rewritten.
   */
  private Scenario fourchan(int threads) {
    JsonArray catalog =
        new JsonArray(Fixtures.text("4chan/4chan-API_docs_examples/catalog_example_0.json"));
    List<JsonObject> recorded = new ArrayList<>();
    for (Object p : catalog) {
      for (Object t : ((JsonObject) p).getJsonArray("threads")) {
        recorded.add((JsonObject) t);
      }
    }
    JsonObject thread =
        new JsonObject(Fixtures.text("4chan/4chan-API_docs_examples/threads_example_0.json"));
    return new Scenario(
        "4chan catalog + thread JSON",
        "a catalog of "
            + threads
            + " threads (the recorded catalog's 4 renumbered), then "
            + threads
            + " fetches of the recorded 3-post thread, pacing 0 ms (the real limit is 1 request"
            + " a second: this measures parser + connector cost)",
        fake -> {
          JsonArray pagesOut = new JsonArray();
          JsonArray current = null;
          for (int i = 0; i < threads; i++) {
            if (i % 15 == 0) {
              current = new JsonArray();
              pagesOut.add(new JsonObject().put("page", i / 15 + 1).put("threads", current));
            }
            long no = 700_000L + i * 10L;
            JsonObject op = recorded.get(i % recorded.size()).copy().put("no", no);
            current.add(op);
            JsonObject t = thread.copy();
            JsonArray posts = t.getJsonArray("posts");
            for (int k = 0; k < posts.size(); k++) {
              JsonObject post = posts.getJsonObject(k);
              post.put("no", no + k);
              post.put("resto", k == 0 ? 0 : no);
            }
            fake.replay(
                new Recording(
                    "GET",
                    "http://fake/po/thread/" + no + ".json",
                    200,
                    Map.of("content-type", "application/json"),
                    t.encode().getBytes(StandardCharsets.UTF_8)));
          }
          fake.replay(
              new Recording(
                  "GET",
                  "http://fake/po/catalog.json",
                  200,
                  Map.of(
                      "content-type",
                      "application/json",
                      "last-modified",
                      "Thu, 22 Aug 2019 03:29:08 GMT"),
                  pagesOut.encode().getBytes(StandardCharsets.UTF_8)));
          FourchanConfig cfg =
              new FourchanConfig(
                  "bench:4chan",
                  fake.baseUrl(),
                  List.of("po"),
                  "catalog",
                  new Pacing(1, 0, 100, 5, 50),
                  fetch());
          return (sink, cursors) ->
              new FourchanVerticle(
                  cfg,
                  sink,
                  cursors,
                  Politeness.shared(Clock.systemUTC(), LOOPBACK),
                  new Random(6),
                  Clock.systemUTC());
        },
        threads + 1);
  }

  private static String report(String date, List<Result> results, List<String> failed) {
    Runtime rt = Runtime.getRuntime();
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    StringBuilder b = new StringBuilder();
    b.append("# Crawler connectors against the loopback fakes\n\n");
    b.append("- date: ").append(date).append('\n');
    b.append(
        String.format(
            Locale.ROOT,
            "- machine: %d cores (%s), %s %s (%s), Java %s (%s), max heap %d MiB, load average"
                + " %.2f at the end of the run\n",
            rt.availableProcessors(),
            cpuModel(),
            System.getProperty("os.name"),
            System.getProperty("os.version"),
            System.getProperty("os.arch"),
            System.getProperty("java.version"),
            System.getProperty("java.vm.name"),
            rt.maxMemory() >> 20,
            os.getSystemLoadAverage()));
    b.append(
        "- the machine may be shared with other jobs: the numbers are one run each (after one"
            + " warm-up run), not a controlled measurement\n\n");
    b.append(
        "Each connector runs as a verticle against `testkit`'s FakePlatform on 127.0.0.1 in the"
            + " same JVM, with an in-memory sink that acknowledges at once (no ledger, no fsync),"
            + " and all pacing set to 0 ms. posts/s = posts parsed from the acknowledged captures"
            + " / wall time from deploy to the last acknowledgement. Process CPU is"
            + " the OperatingSystem MXBean's `ProcessCpuTime` (includes the fake server, GC and JIT);"
            + " thread CPU is `ThreadMXBean.getThreadCpuTime` summed over live threads.\n\n");
    b.append(
        "| connector | input | captures | posts | seconds | posts/s | process CPU ms / 1,000"
            + " posts | thread CPU ms / 1,000 posts |\n");
    b.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Result r : results) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %,d | %,d | %.2f | %,.0f | %,.0f | %,.0f |\n",
              r.name(),
              r.input(),
              r.captures(),
              r.posts(),
              r.seconds(),
              r.posts() / r.seconds(),
              r.processCpuMs() * 1000 / r.posts(),
              r.threadCpuMs() * 1000 / r.posts()));
    }
    for (String f : failed) {
      b.append("\n- ").append(f).append('\n');
    }
    b.append(
        "\nRun: `mvn -B -pl testkit,crawler install`, then in `crawler`: `mvn -B -o -q"
            + " dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=cp.txt` and"
            + " `java -cp target/test-classes:target/classes:$(cat cp.txt)"
            + " org.tocsin.crawler.bench.CrawlerBench ../bench/results`.\n");
    return b.toString();
  }

  private static String cpuModel() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (l.startsWith("model name")) {
          return l.substring(l.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      return "cpu model unknown: " + e.getMessage();
    }
    return "cpu model unknown";
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
