package org.tocsin.crawler.source;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.CaptureParser;
import org.tocsin.core.json.PostJsonlParser;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.fetch.FetchConfig;
import org.tocsin.crawler.parse.CrawlerParsers;
import org.tocsin.testkit.fake.FakePlatform;
import org.tocsin.testkit.fixtures.Fixtures;
import org.tocsin.testkit.fixtures.Recording;

/** A fake platform on loopback, a cursor directory and helpers shared by connector tests. */
@ExtendWith(VertxExtension.class)
public abstract class ConnectorTestBase {
  /** A User-Agent that names an operator. */
  public static final String UA = "Tocsin/0.1 (+https://tocsin.example; ops@tocsin.example)";

  protected Vertx vertx;
  protected FakePlatform fake;
  @TempDir protected Path dir;

  @BeforeEach
  void startFake(Vertx vertx) throws Exception {
    this.vertx = vertx;
    fake = FakePlatform.create(vertx);
    await(fake.start());
  }

  @AfterEach
  void stopFake() throws Exception {
    await(fake.close());
  }

  /** A fetch config for tests. */
  protected static FetchConfig fetch() {
    return new FetchConfig(UA, 4 << 20, 2_000, 5_000);
  }

  /** A cursor store in the test's directory. */
  protected FileCursorStore cursors() {
    return new FileCursorStore(vertx, dir.resolve("cursors"));
  }

  /** Serves a recorded cassette body with its recorded headers at another path and query. */
  protected void serve(String pathAndQuery, String stem) {
    Recording r = Fixtures.recording(stem);
    fake.replay(
        new Recording("GET", "http://fake" + pathAndQuery, r.status(), r.headers(), r.body()));
  }

  /** Serves bytes with headers at a path and query. */
  protected void serve(String pathAndQuery, Map<String, String> headers, byte[] body) {
    fake.replay(new Recording("GET", "http://fake" + pathAndQuery, 200, headers, body));
  }

  /** Serves a text body as the fallback for every other path. */
  protected void fallback(String contentType, String body) {
    fake.fallback(200, Map.of("content-type", contentType), body.getBytes(StandardCharsets.UTF_8));
  }

  /** The ids of the posts in the captures, parsed by the crawler's parsers. */
  protected static List<String> ids(List<Capture> captures) throws Exception {
    List<String> out = new ArrayList<>();
    for (Capture c : captures) {
      CaptureParser parser =
          c.platform().equals(PostJsonlParser.FORMAT)
              ? new PostJsonlParser()
              : CrawlerParsers.forFormat(c.platform());
      for (Post p : parser.parse(c)) {
        out.add(p.id());
      }
    }
    return out;
  }

  /** Waits for a future; on timeout fails with the fake's request log and {@code state}. */
  protected <T> T await(Future<T> f, Supplier<?> state) throws Exception {
    try {
      return await(f);
    } catch (TimeoutException e) {
      throw new AssertionError("timed out: " + state.get() + " after " + fake.requests(), e);
    }
  }

  /** Waits for a future (at most 20 s). */
  protected static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
