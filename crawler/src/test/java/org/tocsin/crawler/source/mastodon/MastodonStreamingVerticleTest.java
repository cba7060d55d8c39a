package org.tocsin.crawler.source.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.crawler.parse.UpstreamDeletion;
import org.tocsin.crawler.parse.mastodon.MastodonStatusParser;
import org.tocsin.crawler.politeness.Politeness;
import org.tocsin.crawler.source.ConnectorTestBase;
import org.tocsin.crawler.source.FileCursorStore;
import org.tocsin.crawler.source.MemorySink;
import org.tocsin.crawler.source.SourceStatus;
import org.tocsin.testkit.fixtures.Fixtures;
import org.tocsin.testkit.fixtures.Recording;

class MastodonStreamingVerticleTest extends ConnectorTestBase {
  /** The fake platforms of this test are on loopback: allowed explicitly. */
  private static final OutboundGuard LOOPBACK =
      OutboundGuard.allowing(List.of("127.0.0.0/8", "::1"));

  private static final String DIR = "mastodon/mastodon_py/streaming_user_direct/";
  private static final String STREAM = "/api/v1/streaming/public";
  private static final String TIMELINE = "/api/v1/timelines/public";
  // The recorded stream: update A, notification, update D, notification, edit of A, delete of A.
  private static final String A = "117024236332527350";
  private static final String B = "117024236408130890";
  private static final String C = "117024236484142415";
  private static final String D = "117024236559579118";
  private static final String GAP1 = TIMELINE + "?limit=40&min_id=" + A;
  private static final String GAP2 = TIMELINE + "?limit=40&min_id=" + C;

  private static Recording stream(String body) {
    Recording r = Fixtures.recording(DIR + "12_GET_api_v1_streaming_user");
    return new Recording(
        "GET", "http://localhost:4000" + STREAM, 200, r.headers(), body.getBytes(UTF));
  }

  private static final java.nio.charset.Charset UTF = StandardCharsets.UTF_8;

  private static String recorded() {
    return new String(Fixtures.recording(DIR + "12_GET_api_v1_streaming_user").body(), UTF);
  }

  private MastodonStreamConfig config() {
    return new MastodonStreamConfig(
        "mastodon-stream:test",
        fake.baseUrl(),
        STREAM,
        TIMELINE,
        40,
        10,
        100,
        1 << 20,
        0,
        20,
        0,
        100,
        5,
        50,
        fetch());
  }

  private MastodonStreamingVerticle deploy(MemorySink sink) throws Exception {
    MastodonStreamingVerticle v =
        new MastodonStreamingVerticle(
            config(),
            sink,
            cursors(),
            Politeness.shared(Clock.systemUTC(), LOOPBACK),
            new Random(42),
            Clock.systemUTC());
    await(vertx.deployVerticle(v));
    return v;
  }

  /** Each post as id@edited, so that an edit counts as its own version. */
  private static List<String> versions(List<Capture> captures) throws Exception {
    List<String> out = new ArrayList<>();
    MastodonStatusParser p = new MastodonStatusParser();
    for (Capture c : captures) {
      for (Post post : p.parse(c)) {
        out.add(post.id() + "@" + post.edited());
      }
    }
    return out;
  }

  private static List<String> deletions(List<Capture> captures) throws Exception {
    List<String> out = new ArrayList<>();
    for (Capture c : captures) {
      for (UpstreamDeletion d : new MastodonStatusParser().deletions(c)) {
        out.add(d.id());
      }
    }
    return out;
  }

  @Test
  void everyStreamEventIsStoredOnceAndTheCursorIsTheNewestAcknowledgedId() throws Exception {
    fake.sse(stream(recorded()), true);
    MemorySink sink = new MemorySink();
    MastodonStreamingVerticle v = deploy(sink);
    await(sink.awaitStored(4), sink::stored);
    List<Capture> got = sink.stored();
    assertThat(got).hasSize(4).allMatch(c -> c.platform().equals(MastodonStatusParser.FORMAT));
    assertThat(got.get(0).url()).isEqualTo(fake.baseUrl() + STREAM);
    assertThat(new String(got.get(0).body(), UTF))
        .startsWith(":)\nevent: update\n")
        .endsWith("\n\n");
    String h = "127.0.0.1:" + fake.actualPort() + "/";
    assertThat(versions(got))
        .hasSize(3)
        .doesNotHaveDuplicates()
        .containsExactly(h + A + "@null", h + D + "@null", versions(got).get(2));
    assertThat(versions(got).get(2)).startsWith(h + A + "@2026");
    assertThat(deletions(got)).containsExactly(h + A);
    SourceStatus s = v.status();
    assertThat(s.state()).isEqualTo(SourceStatus.State.RUNNING);
    assertThat(s.errors()).isZero();
    assertThat(fake.requests()).containsExactly(STREAM);

    await(vertx.undeploy(v.deploymentID()));
    assertThat(await(new FileCursorStore(vertx, dir.resolve("cursors")).load(config().source())))
        .isEqualTo(new JsonObject().put("newest", D));
  }

  @Test
  void aDropMidStreamReconnectsAndTheGapFillBringsTheMissedStatusesExactlyOnce() throws Exception {
    String all = recorded();
    // The first connection delivers A and then breaks off.
    String firstPart = all.substring(0, all.indexOf("event: update", all.indexOf("\n\n") + 2));
    fake.sseOnce(stream(firstPart), false).sse(stream(all), true);
    // B and C were posted while the stream was down: only the REST timeline has them.
    String page =
        "["
            + Fixtures.text(DIR + "06_POST_api_v1_statuses.body.json")
            + ","
            + Fixtures.text(DIR + "05_POST_api_v1_statuses.body.json")
            + "]";
    serve(GAP1, Map.of("content-type", "application/json; charset=utf-8"), page.getBytes(UTF));
    fallback("application/json; charset=utf-8", "[]");

    MemorySink sink = new MemorySink();
    MastodonStreamingVerticle v = deploy(sink);
    // A, the page [C, B], the empty page after C, then D, the edit of A and the delete of A.
    await(sink.awaitStored(6), () -> sink.stored().size() + " captures");
    List<Capture> got = sink.stored();
    String h = "127.0.0.1:" + fake.actualPort() + "/";
    assertThat(versions(got)).hasSize(5).doesNotHaveDuplicates();
    assertThat(versions(got).subList(0, 4))
        .containsExactly(h + A + "@null", h + C + "@null", h + B + "@null", h + D + "@null");
    assertThat(versions(got).get(4)).startsWith(h + A + "@2026");
    assertThat(deletions(got)).containsExactly(h + A);
    assertThat(fake.count(GAP1)).isEqualTo(1);
    assertThat(fake.count(GAP2)).isEqualTo(1);
    assertThat(fake.count(STREAM)).isEqualTo(2);
    assertThat(v.connections()).isEqualTo(2);
    assertThat(v.duplicatesDropped()).isEqualTo(1); // A, sent again by the new stream
    assertThat(v.status().lastError()).startsWith("stream_closed");

    await(vertx.undeploy(v.deploymentID()));
    assertThat(await(cursors().load(config().source())).getString("newest")).isEqualTo(D);
  }

  @Test
  void aRestartFromASavedCursorFillsTheGapBeforeStreaming() throws Exception {
    await(cursors().save(config().source(), new JsonObject().put("newest", A)));
    fake.sse(stream(all()), true);
    String page = "[" + Fixtures.text(DIR + "05_POST_api_v1_statuses.body.json") + "]";
    serve(GAP1, Map.of("content-type", "application/json; charset=utf-8"), page.getBytes(UTF));
    fallback("application/json; charset=utf-8", "[]");
    MemorySink sink = new MemorySink(n -> n == 1); // the first page is refused once
    MastodonStreamingVerticle v = deploy(sink);
    // page [B], the empty page after B, D, the edit of A and the delete of A (A itself is old).
    await(sink.awaitStored(5), () -> sink.stored().size() + " captures");
    String h = "127.0.0.1:" + fake.actualPort() + "/";
    List<String> got = versions(sink.stored());
    assertThat(got).doesNotHaveDuplicates();
    assertThat(got.subList(0, 3))
        .containsExactly(h + B + "@null", h + A + "@null", h + D + "@null");
    assertThat(fake.count(GAP1)).isEqualTo(2);
    assertThat(v.status().errors()).isEqualTo(1);
    assertThat(v.status().lastError()).startsWith("sink_failed");
  }

  private static String all() {
    return recorded();
  }
}
