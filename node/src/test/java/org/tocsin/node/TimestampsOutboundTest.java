package org.tocsin.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.json.Json;
import org.tocsin.crawler.outbound.OutboundRefusedException;
import org.tocsin.node.config.TocsinConfig;

/**
 * RFC 3161 time-stamp authorities are outbound requests like webhooks: a node refuses to start with
 * an authority on loopback, the private network or the metadata service, unless {@code
 * security.outboundAllow} lets it. Nothing is sent: the guard refuses before any connection.
 */
class TimestampsOutboundTest {
  @TempDir Path dir;

  private TocsinNode node(String tsa, List<String> allow) throws Exception {
    var tree = Json.mapper().createObjectNode();
    tree.putObject("evidence").putArray("timestampAuthorities").add(tsa);
    var a = tree.putObject("security").putArray("outboundAllow");
    allow.forEach(a::add);
    Path config = Files.write(dir.resolve("tocsin.json"), Json.mapper().writeValueAsBytes(tree));
    return TocsinNode.open(dir.resolve("data"), TocsinConfig.load(config));
  }

  private void assertRefused(String tsa, String host) throws Exception {
    try (TocsinNode node = node(tsa, List.of())) {
      assertThatThrownBy(() -> new Timestamps(node))
          .isInstanceOf(OutboundRefusedException.class)
          .hasMessageContaining("evidence.timestampAuthorities")
          .hasMessageContaining(host);
    }
  }

  @Test
  void loopbackAuthorityIsRefused() throws Exception {
    assertRefused("http://127.0.0.1:9/tsr", "127.0.0.1");
  }

  @Test
  void localhostAuthorityIsRefused() throws Exception {
    assertRefused("http://localhost:9/tsr", "localhost");
  }

  @Test
  void decimalLoopbackAuthorityIsRefused() throws Exception {
    assertRefused("http://2130706433:9/tsr", "2130706433");
  }

  @Test
  void metadataServiceAuthorityIsRefused() throws Exception {
    assertRefused("http://169.254.169.254/latest/meta-data/", "169.254.169.254");
  }

  @Test
  void privateNetworkAuthorityIsRefused() throws Exception {
    assertRefused("http://10.0.0.7/tsr", "10.0.0.7");
  }

  @Test
  void anAllowListedAuthorityStartsAndAFailedStampCountsNothing() throws Exception {
    try (TocsinNode node = node("http://127.0.0.1:9/tsr", List.of("127.0.0.0/8"))) {
      Timestamps t = new Timestamps(node);
      var head = node.signer().signNow();
      // port 9 (discard) is closed on loopback: the request fails, is logged, counts nothing
      assertThat(t.stamp(head)).isZero();
    }
  }
}
