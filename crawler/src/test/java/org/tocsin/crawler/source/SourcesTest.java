package org.tocsin.crawler.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.testkit.RealPosts;
import org.tocsin.testkit.fixtures.Fixtures;

class SourcesTest extends ConnectorTestBase {
  /** The fake platforms of this test are on loopback: allowed explicitly. */
  private static final OutboundGuard LOOPBACK =
      OutboundGuard.allowing(List.of("127.0.0.0/8", "::1"));

  @Test
  void deploysEverySourceReportsItsStatusAndUndeploys() throws Exception {
    serve(
        "/feed.xml",
        Map.of("content-type", "application/atom+xml"),
        Fixtures.bytes("feeds/rome/atom_1.0.xml"));
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Files.writeString(inbox.resolve("a.jsonl"), RealPosts.sampleLines().get(0) + "\n");
    JsonObject root =
        new JsonObject()
            .put("defaults", new JsonObject().put("fetch", new JsonObject().put("userAgent", UA)))
            .put(
                "sources",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("type", "rss")
                            .put("name", "feed")
                            .put("url", fake.baseUrl() + "/feed.xml"))
                    .add(
                        new JsonObject()
                            .put("type", "files")
                            .put("name", "inbox")
                            .put("directory", inbox.toString())
                            .put("settleMillis", 0)));
    MemorySink sink = new MemorySink();
    Sources sources =
        await(
            Sources.deploy(
                vertx,
                SourcesConfig.fromJson(root),
                Set.of(),
                sink,
                cursors(),
                new Random(5),
                Clock.systemUTC(),
                LOOPBACK));
    await(sink.awaitStored(2));

    assertThat(sources.status()).extracting(SourceStatus::source).containsExactly("feed", "inbox");
    assertThat(sources.connectors()).hasSize(2);
    await(sources.undeploy());
    assertThat(sources.status())
        .allSatisfy(s -> assertThat(s.state()).isEqualTo(SourceStatus.State.STOPPED));
    assertThat(await(cursors().load("inbox")).getJsonObject("files").getMap())
        .containsKey("a.jsonl");
  }
}
