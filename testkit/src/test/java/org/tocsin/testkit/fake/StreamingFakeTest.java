package org.tocsin.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tocsin.testkit.fixtures.Fixtures;
import org.tocsin.testkit.fixtures.Recording;

class StreamingFakeTest {
  private static final String EVENTS =
      "bluesky/jetstream_v1_production_capture_2026-07-04/expected_v1.jsonl";
  private static final String SSE =
      "mastodon/mastodon_py/streaming_user_direct/12_GET_api_v1_streaming_user";

  private Vertx vertx;
  private FakePlatform fake;
  private JetstreamReplay replay;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    replay = JetstreamReplay.of(Fixtures.text(EVENTS).lines().toList());
    fake =
        FakePlatform.create(vertx)
            .webSocket("/subscribe", replay)
            .sse(Fixtures.recording(SSE), false);
    await(fake.start());
  }

  @AfterEach
  void stop() throws Exception {
    await(fake.close());
    await(vertx.close());
  }

  private List<String> receive(String query, int expected) throws Exception {
    List<String> got = new CopyOnWriteArrayList<>();
    Promise<Void> done = Promise.promise();
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocketConnectOptions o =
        new WebSocketConnectOptions()
            .setHost("127.0.0.1")
            .setPort(fake.actualPort())
            .setURI("/subscribe" + query);
    await(
        client
            .connect(o)
            .onSuccess(
                ws -> {
                  ws.textMessageHandler(
                      t -> {
                        got.add(t);
                        if (got.size() == expected) {
                          done.tryComplete();
                        }
                      });
                  ws.closeHandler(v -> done.tryComplete());
                }));
    await(done.future());
    await(client.close());
    return got;
  }

  @Test
  void jetstreamHonoursCursorAndCollectionsAndDropsOnRequest() throws Exception {
    List<String> all = Fixtures.text(EVENTS).lines().toList();
    assertThat(receive("", all.size())).isEqualTo(all);

    String posts = "?wantedCollections=app.bsky.feed.post&wantedCollections=app.bsky.feed.repost";
    int n = replay.matching(posts);
    assertThat(n).isEqualTo(33 + 2); // 18 posts + 15 reposts, plus identity and account events
    assertThat(receive(posts, n)).allMatch(l -> !l.contains("app.bsky.feed.like"));

    assertThat(receive("?cursor=1783175888390226", 3))
        .hasSize(3)
        .last()
        .asString()
        .contains("390226");

    replay.dropAfter(5);
    assertThat(receive("", all.size())).hasSize(5);
    assertThat(replay.connections()).hasSize(4).endsWith("/subscribe");
  }

  @Test
  void sseReplaysTheRecordedBodyAsAStream() throws Exception {
    HttpClientAgent client = vertx.createHttpClient();
    Buffer body =
        await(
            client
                .request(HttpMethod.GET, fake.actualPort(), "127.0.0.1", "/api/v1/streaming/user")
                .compose(r -> r.send())
                .compose(
                    r -> {
                      assertThat(r.getHeader("content-type")).isEqualTo("text/event-stream");
                      return r.body();
                    }));
    Recording r = Fixtures.recording(SSE);
    assertThat(body.toString(StandardCharsets.UTF_8))
        .isEqualTo(new String(r.body(), StandardCharsets.UTF_8));
    await(client.close());
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
