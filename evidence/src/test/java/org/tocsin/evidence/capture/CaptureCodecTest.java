package org.tocsin.evidence.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.core.evidence.Capture;

class CaptureCodecTest {

  static Capture mastodonCapture() {
    String body =
        "[{\"id\":\"113524117387455190\",\"created_at\":\"2024-11-22T09:14:03.000Z\","
            + "\"content\":\"<p>Caf\u00e9 \u00fcber \u0627\u0644\u0639\u0631\u0628\u064a\u0629 \ud83d\udd25</p>\","
            + "\"account\":{\"id\":\"109\",\"acct\":\"someone@example.social\"}}]";
    return new Capture(
        "mastodon:example.social",
        "mastodon",
        "GET",
        "https://example.social/api/v1/timelines/public?limit=40",
        200,
        Map.of(
            "Content-Type", "application/json; charset=utf-8",
            "Date", "Fri, 22 Nov 2024 09:14:05 GMT",
            "ETag", "W/\"7d1c0b\""),
        "application/json",
        Instant.parse("2024-11-22T09:14:04.912345Z"),
        Instant.parse("2024-11-22T09:14:05.104Z"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void roundTripKeepsEveryFieldAndTheExactBody() {
    Capture c = mastodonCapture();
    byte[] payload = CaptureCodec.encode(c);
    Capture back = CaptureCodec.decode(payload);
    assertThat(back.source()).isEqualTo(c.source());
    assertThat(back.platform()).isEqualTo(c.platform());
    assertThat(back.method()).isEqualTo("GET");
    assertThat(back.url()).isEqualTo(c.url());
    assertThat(back.status()).isEqualTo(200);
    assertThat(back.headers()).isEqualTo(c.headers());
    assertThat(back.contentType()).isEqualTo(c.contentType());
    assertThat(back.requestedAt()).isEqualTo(c.requestedAt());
    assertThat(back.receivedAt()).isEqualTo(c.receivedAt());
    assertThat(back.body()).isEqualTo(c.body());
    assertThat(CaptureCodec.encode(back)).isEqualTo(payload);
  }

  @Test
  void metadataIsJsonWithTheBodyDigestAndTheBodyFollowsVerbatim() {
    Capture c = mastodonCapture();
    byte[] payload = CaptureCodec.encode(c);
    int metaLen = ByteBuffer.wrap(payload).getInt();
    String meta = new String(payload, 4, metaLen, StandardCharsets.UTF_8);
    String sha = CaptureCodec.sha256Hex(c.body());
    assertThat(meta)
        .startsWith("{\"source\":\"mastodon:example.social\",\"platform\":\"mastodon\"")
        .contains("\"bodySha256\":\"" + sha + "\"")
        .contains("\"bodyLength\":" + c.body().length)
        .contains("\"headers\":{\"Content-Type\":");
    assertThat(payload).hasSize(4 + metaLen + c.body().length);
    assertThat(sha).isEqualTo(CaptureCodec.encodeWithDigest(c).bodySha256());
    assertThat(CaptureCodec.sha256Hex(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void fileCaptureWithoutMethodRoundTrips() {
    Capture c =
        new Capture(
            "import:posts.jsonl",
            "post-jsonl",
            null,
            "file:///data/posts.jsonl",
            0,
            null,
            "application/x-ndjson",
            Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2024-01-01T00:00:01Z"),
            new byte[0]);
    Capture back = CaptureCodec.decode(CaptureCodec.encode(c));
    assertThat(back.method()).isNull();
    assertThat(back.headers()).isEmpty();
    assertThat(back.body()).isEmpty();
  }

  @Test
  void alteredBodyFailsTheDigestCheck() {
    byte[] payload = CaptureCodec.encode(mastodonCapture());
    payload[payload.length - 3] ^= 1;
    assertThatThrownBy(() -> CaptureCodec.decode(payload))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capture body hashes to");
  }

  @Test
  void malformedPayloadsAreRejectedWithTheBadValue() {
    assertThatThrownBy(() -> CaptureCodec.decode(new byte[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got 2 bytes]");
    assertThatThrownBy(() -> CaptureCodec.decode(new byte[] {0, 0, 1, 0, '{'}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got 256]");
    byte[] notObject = {0, 0, 0, 2, '[', ']'};
    assertThatThrownBy(() -> CaptureCodec.decode(notObject))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a JSON object");
    byte[] payload = CaptureCodec.encode(mastodonCapture());
    payload[4 + 3] = 'X'; // inside the JSON: "sXurce"
    assertThatThrownBy(() -> CaptureCodec.decode(payload))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("source");
  }
}
