package org.tocsin.crawler.source.fourchan;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.crawler.politeness.Politeness;
import org.tocsin.crawler.source.ConnectorTestBase;
import org.tocsin.crawler.source.MemorySink;
import org.tocsin.crawler.source.Pacing;
import org.tocsin.testkit.fixtures.Fixtures;

class FourchanVerticleTest extends ConnectorTestBase {
  /** The fake platforms of this test are on loopback: allowed explicitly. */
  private static final OutboundGuard LOOPBACK =
      OutboundGuard.allowing(List.of("127.0.0.0/8", "::1"));

  private static final String DOCS = "4chan/4chan-API_docs_examples/";

  @Test
  void catalogThenEveryChangedThreadThenIfModifiedSince() throws Exception {
    String lastModified = "Thu, 22 Aug 2019 03:29:08 GMT";
    serve(
        "/po/catalog.json",
        Map.of("content-type", "application/json", "last-modified", lastModified),
        Fixtures.bytes(DOCS + "catalog_example_0.json"));
    serve(
        "/po/thread/570368.json",
        Map.of("content-type", "application/json"),
        Fixtures.bytes(DOCS + "threads_example_0.json"));
    // the other three threads of the catalog answer 404: pruned since
    MemorySink sink = new MemorySink();
    FourchanConfig cfg =
        new FourchanConfig(
            "4chan:po",
            fake.baseUrl(),
            List.of("po"),
            "catalog",
            new Pacing(1, 0, 100, 5, 50),
            fetch());
    FourchanVerticle v =
        new FourchanVerticle(
            cfg,
            sink,
            cursors(),
            Politeness.shared(Clock.systemUTC(), LOOPBACK),
            new Random(1),
            Clock.systemUTC());
    await(vertx.deployVerticle(v));
    await(fake.requested("/po/catalog.json", 2));

    assertThat(fake.requests())
        .startsWith(
            "/po/catalog.json",
            "/po/thread/570368.json",
            "/po/thread/574933.json",
            "/po/thread/568362.json",
            "/po/thread/568442.json",
            "/po/catalog.json");
    assertThat(fake.requestHeaders().get(5)).containsEntry("if-modified-since", lastModified);
    assertThat(sink.stored()).hasSize(2);
    assertThat(ids(sink.stored().subList(1, 2))).hasSize(3);
    JsonObject cursor = await(cursors().load("4chan:po"));
    assertThat(cursor.getJsonObject("boards").getJsonObject("po").getJsonObject("threads").getMap())
        .containsOnlyKeys("570368");
    assertThat(v.status().errors()).isZero();
  }

  @Test
  void theApiRuleOfOneRequestASecondIsEnforced() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new FourchanConfig(
                    "4chan:po",
                    "https://a.4cdn.org",
                    List.of("po"),
                    "threads",
                    new Pacing(1, 500, 100, 5, 50),
                    fetch()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got 500]");
  }
}
