package org.tocsin.crawler.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The outbound guard on the addresses and spellings an attacker would try. */
class OutboundGuardTest {
  private final OutboundGuard guard = OutboundGuard.denyPrivate();

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1/hook, loopback",
    "http://127.0.0.1:28301/, loopback",
    "http://user:pass@127.0.0.1/, loopback",
    "http://localhost:8080/, loopback",
    "http://LOCALHOST./, loopback",
    "http://api.localhost/, loopback",
    "http://[::1]:8080/, loopback",
    "http://[::ffff:127.0.0.1]/, loopback",
    "http://[::ffff:7f00:1]/, loopback",
    "http://[0:0:0:0:0:ffff:127.0.0.1]/, loopback",
    "http://[::127.0.0.1]/, loopback",
    "http://[64:ff9b::7f00:1]/, loopback",
    "http://[2002:7f00:1::]/, loopback",
    "http://0.0.0.0/, unspecified",
    "http://0.1.2.3/, unspecified",
    "http://[::]/, unspecified",
    "http://10.0.0.1/, private",
    "http://172.16.5.4/, private",
    "http://172.31.255.255/, private",
    "http://192.168.1.1/, private",
    "http://[fd00::1]/, private",
    "http://[fc12:3456::1]/, private",
    "http://[::ffff:10.0.0.1]/, private",
    "http://169.254.169.254/latest/meta-data/, link_local",
    "http://[fe80::1]/, link_local",
    "http://[::ffff:169.254.169.254]/, link_local",
    "http://100.64.0.1/, shared",
    "http://100.127.255.254/, shared",
    "http://224.0.0.1/, multicast",
    "http://[ff02::1]/, multicast",
    "http://255.255.255.255/, reserved",
    "http://240.0.0.1/, reserved",
    "http://198.18.0.1/, reserved",
  })
  void refusesInternalAddresses(String url, String reason) {
    assertThatThrownBy(() -> guard.resolve(url, OutboundGuard.HTTP))
        .isInstanceOfSatisfying(
            OutboundRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).contains("security.outboundAllow");
            });
  }

  /**
   * Numeric spellings that the C library reads as 127.0.0.1: java.net.URI gives them no host, and a
   * URL without a host that can be checked is refused.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://2130706433/",
        "http://0x7f.1/",
        "http://017700000001/",
        "http://0x7f000001/",
        "http://127.1/",
        "http://0177.0.0.1/",
        "http:///nohost",
        "http://under_score.example/",
      })
  void refusesSpellingsItCannotCheck(String url) {
    assertThatThrownBy(() -> guard.resolve(url, OutboundGuard.HTTP))
        .isInstanceOf(OutboundRefusedException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "2130706433, loopback",
    "0x7f.1, loopback",
    "017700000001, loopback",
    "0x7f000001, loopback",
    "127.1, loopback",
    "0177.0.0.1, loopback",
    "0xa9.0xfe.0xa9.0xfe, link_local",
    "0, unspecified",
  })
  void readsNumericHostsAsTheCLibraryDoes(String host, String reason) {
    // as a host that reached us some other way (a Host header, a resolver's answer)
    assertThat(OutboundGuard.forbidden(OutboundGuard.literal(host, host))).isEqualTo(reason);
  }

  @Test
  void refusesOtherSchemesAndBadNumbers() {
    assertThatThrownBy(() -> guard.resolve("ftp://example.org/", OutboundGuard.HTTP))
        .isInstanceOfSatisfying(
            OutboundRefusedException.class, e -> assertThat(e.reason()).isEqualTo("scheme"));
    assertThatThrownBy(() -> guard.resolve("file:///etc/passwd", OutboundGuard.HTTP))
        .isInstanceOfSatisfying(
            OutboundRefusedException.class, e -> assertThat(e.reason()).isEqualTo("scheme"));
    assertThatThrownBy(() -> guard.resolve("http://256.1.1.1/", OutboundGuard.HTTP))
        .isInstanceOf(OutboundRefusedException.class);
  }

  @Test
  void acceptsPublicAddressesAndPinsThem() {
    OutboundGuard.Pinned p = guard.resolve("https://93.184.215.14:8443/x", OutboundGuard.HTTP);
    assertThat(p.address().getHostAddress()).isEqualTo("93.184.215.14");
    assertThat(p.port()).isEqualTo(8443);
    assertThat(guard.resolve("http://[2606:4700::1111]/", OutboundGuard.HTTP).port()).isEqualTo(80);
  }

  @Test
  void theAllowListLiftsOnlyWhatItNames() {
    OutboundGuard g = OutboundGuard.allowing(List.of("127.0.0.0/8", "::1"));
    assertThat(g.resolve("http://127.0.0.1:9/", OutboundGuard.HTTP).address().getHostAddress())
        .isEqualTo("127.0.0.1");
    assertThat(g.resolve("http://[::1]:9/", OutboundGuard.HTTP).port()).isEqualTo(9);
    assertThat(g.resolve("http://[::ffff:127.0.0.2]/", OutboundGuard.HTTP)).isNotNull();
    assertThat(g.resolve("http://localhost/", OutboundGuard.HTTP)).isNotNull();
    OutboundGuard byName = OutboundGuard.allowing(List.of("LocalHost"));
    assertThat(byName.resolve("http://localhost:9/", OutboundGuard.HTTP).port()).isEqualTo(9);
    assertThatThrownBy(() -> byName.resolve("http://127.0.0.1/", OutboundGuard.HTTP))
        .isInstanceOf(OutboundRefusedException.class);
    assertThatThrownBy(() -> g.resolve("http://10.0.0.1/", OutboundGuard.HTTP))
        .isInstanceOf(OutboundRefusedException.class);
    assertThatThrownBy(() -> g.resolve("http://169.254.169.254/", OutboundGuard.HTTP))
        .isInstanceOf(OutboundRefusedException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "999.1.1.1", "not a host", "10.0.0.0/x", ""})
  void refusesBadAllowListEntries(String entry) {
    assertThatThrownBy(() -> OutboundGuard.allowing(List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("security.outboundAllow");
  }

  @Test
  void messagesNameOnlyWhatWasTyped() {
    assertThatThrownBy(() -> guard.resolve("http://[::ffff:7f00:1]:28301/", OutboundGuard.HTTP))
        .hasMessageNotContaining("127.0.0.1")
        .hasMessageNotContaining("28301");
  }
}
