package org.tocsin.crawler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.tocsin.core.evidence.Capture;
import org.tocsin.crawler.fetch.FetchException;
import org.tocsin.crawler.fetch.HttpFetcher;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.crawler.politeness.Politeness;
import org.tocsin.testkit.fixtures.Fixtures;

/**
 * The outbound guard in the crawler: a source at an internal address does not start, and a fetch to
 * one is refused before any connection, unless the allow-list names it. The fake platform is on
 * loopback, which is exactly what the guard refuses by default.
 */
class SourcesOutboundTest extends ConnectorTestBase {

  private JsonObject feedAt(String url) {
    return new JsonObject()
        .put("defaults", new JsonObject().put("fetch", new JsonObject().put("userAgent", UA)))
        .put(
            "sources",
            new JsonArray()
                .add(new JsonObject().put("type", "rss").put("name", "feed").put("url", url)));
  }

  @Test
  void aSourceAtAnInternalAddressDoesNotStart() {
    serve(
        "/feed.xml",
        Map.of("content-type", "application/atom+xml"),
        Fixtures.bytes("feeds/rome/atom_1.0.xml"));
    assertThatThrownBy(
            () ->
                await(
                    Sources.deploy(
                        vertx,
                        SourcesConfig.fromJson(feedAt(fake.baseUrl() + "/feed.xml")),
                        Set.of(),
                        new MemorySink(),
                        cursors(),
                        new Random(5),
                        Clock.systemUTC(),
                        OutboundGuard.denyPrivate())))
        .hasMessageContaining("source 'feed' failed to start")
        .hasMessageContaining("loopback");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void fetchesAreCheckedWhenTheyAreMade() throws Exception {
    serve("/page", Map.of("content-type", "text/plain"), "hello".getBytes(StandardCharsets.UTF_8));
    HttpFetcher refused =
        new HttpFetcher(vertx, fetch(), Politeness.shared(Clock.systemUTC()), Clock.systemUTC());
    assertThatThrownBy(() -> await(refused.get("s", "text", fake.baseUrl() + "/page", Map.of())))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.code()).isEqualTo("outbound_refused"));
    assertThat(fake.requests()).isEmpty();
    await(refused.close());

    HttpFetcher allowed =
        new HttpFetcher(
            vertx,
            fetch(),
            Politeness.shared(
                Clock.systemUTC(), OutboundGuard.allowing(List.of("127.0.0.0/8", "::1"))),
            Clock.systemUTC());
    Capture c = await(allowed.get("s", "text", fake.baseUrl() + "/page", Map.of()));
    assertThat(c.status()).isEqualTo(200);
    assertThat(fake.requests()).hasSize(1);
    await(allowed.close());
  }
}
