package org.tocsin.crawler.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.testkit.fixtures.Fixtures;
import org.tocsin.testkit.fixtures.Recording;

/** Sources added, paused, resumed and removed while the node runs, against a loopback fake. */
class SourcesChangeTest extends ConnectorTestBase {
  /** The fake platforms of this test are on loopback: allowed explicitly. */
  private static final OutboundGuard LOOPBACK =
      OutboundGuard.allowing(List.of("127.0.0.0/8", "::1"));

  private static JsonObject feed(String name, String url) {
    return new JsonObject()
        .put("type", "rss")
        .put("name", name)
        .put("url", url)
        .put("pollIntervalMillis", 20)
        .put("intervalMillis", 0)
        .put("fetch", new JsonObject().put("userAgent", UA));
  }

  private static SourceConfig typed(JsonObject entry) {
    return SourcesConfig.fromJson(new JsonArray().add(entry), null).sources().get(0);
  }

  private Sources empty(MemorySink sink) throws Exception {
    return await(
        Sources.deploy(
            vertx,
            SourcesConfig.fromJson(new JsonObject()),
            Set.of(),
            sink,
            cursors(),
            new Random(5),
            Clock.systemUTC(),
            LOOPBACK));
  }

  /** Completes after {@code millis} on a Vert.x timer (no sleeping thread). */
  private Future<Void> after(long millis) {
    Promise<Void> p = Promise.promise();
    vertx.setTimer(millis, id -> p.complete());
    return p.future();
  }

  /** Completes once {@code done} holds, asked every 10 ms on a Vert.x timer. */
  private Future<Void> until(java.util.function.BooleanSupplier done) {
    Promise<Void> p = Promise.promise();
    vertx.setPeriodic(
        10,
        id -> {
          if (done.getAsBoolean()) {
            vertx.cancelTimer(id);
            p.tryComplete();
          }
        });
    return p.future();
  }

  @Test
  void addPauseResumeAndRemoveWhileRunning() throws Exception {
    serve(
        "/feed.xml",
        Map.of("content-type", "application/atom+xml"),
        Fixtures.bytes("feeds/rome/atom_1.0.xml"));
    MemorySink sink = new MemorySink();
    Sources sources = empty(sink);
    assertThat(sources.status()).isEmpty();

    SourceStatus added = await(sources.add(typed(feed("feed", fake.baseUrl() + "/feed.xml"))));
    assertThat(added.source()).isEqualTo("feed");
    await(sink.awaitStored(1));
    await(fake.requested("/feed.xml", 3));

    SourceStatus paused = await(sources.pause("feed"));
    assertThat(paused.state()).isEqualTo(SourceStatus.State.PAUSED);
    assertThat(paused.lastSuccess()).isNotNull();
    assertThat(sources.status()).extracting(SourceStatus::state).containsExactly(paused.state());
    assertThat(sources.connectors()).isEmpty();
    int asked = fake.count("/feed.xml");
    await(after(300));
    assertThat(fake.count("/feed.xml")).as("requests while paused").isEqualTo(asked);
    assertThat(await(sources.pause("feed")).state()).isEqualTo(SourceStatus.State.PAUSED);

    await(sources.resume("feed"));
    await(fake.requested("/feed.xml", asked + 2));
    // resumed from its cursor: the unchanged feed is not stored again
    assertThat(sink.stored()).hasSize(1);
    assertThat(sources.status().get(0).state()).isNotEqualTo(SourceStatus.State.PAUSED);

    await(sources.remove("feed"));
    assertThat(sources.status()).isEmpty();
    int before = fake.count("/feed.xml");
    await(after(200));
    assertThat(fake.count("/feed.xml")).isEqualTo(before);
    assertThat(await(cursors().load("feed")).getString("sha256")).hasSize(64);
    await(sources.undeploy());
  }

  @Test
  void refusesDuplicateNamesUnknownNamesAndSourcesThatDoNotStart() throws Exception {
    serve("/feed.xml", Map.of("content-type", "application/atom+xml"), new byte[0]);
    Sources sources = empty(new MemorySink());
    await(sources.add(typed(feed("feed", fake.baseUrl() + "/feed.xml"))));
    ExecutionException dup =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ExecutionException.class,
            () -> await(sources.add(typed(feed("feed", fake.baseUrl() + "/other.xml")))));
    assertThat(dup.getCause())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("feed");
    ExecutionException unknown =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ExecutionException.class, () -> await(sources.pause("nope")));
    assertThat(unknown.getCause()).isInstanceOf(NoSuchElementException.class);
    // a source whose saved cursor is unreadable does not start, and is not kept
    java.nio.file.Path broken = cursors().file("inbox");
    java.nio.file.Files.createDirectories(broken.getParent());
    java.nio.file.Files.writeString(broken, "{not json");
    ExecutionException bad =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ExecutionException.class,
            () -> await(sources.add(typed(feed("inbox", fake.baseUrl() + "/feed.xml")))));
    assertThat(bad.getCause())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inbox");
    assertThat(sources.names()).containsExactly("feed");
    await(sources.undeploy());
  }

  @Test
  void twoSourcesOnOneHostShareIts429Pause() throws Exception {
    fake.replay(
        new Recording(
            "GET",
            "http://fake/a.xml",
            429,
            Map.of("retry-after", "3600", "content-type", "text/plain"),
            "slow down".getBytes(StandardCharsets.UTF_8)));
    serve(
        "/b.xml",
        Map.of("content-type", "application/atom+xml"),
        Fixtures.bytes("feeds/rome/atom_1.0.xml"));
    Sources sources = empty(new MemorySink());
    await(sources.add(typed(feed("a", fake.baseUrl() + "/a.xml"))));
    await(fake.requested("/a.xml", 1));
    await(until(() -> sources.status().get(0).state() == SourceStatus.State.BACKING_OFF));
    await(sources.add(typed(feed("b", fake.baseUrl() + "/b.xml"))));
    await(after(400));
    // source b would poll every 20 ms; the pause the host asked of source a holds it too
    assertThat(fake.count("/b.xml")).as("%s", fake.requests()).isZero();
    assertThat(sources.status().get(0).state()).isEqualTo(SourceStatus.State.BACKING_OFF);
    assertThat(fake.count("/a.xml")).isEqualTo(1);
    // pausing a source whose request waits for the host's turn ends at once, not in an hour
    assertThat(await(sources.pause("b")).state()).isEqualTo(SourceStatus.State.PAUSED);
    await(sources.undeploy());
  }
}
