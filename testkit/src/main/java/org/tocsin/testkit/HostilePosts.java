package org.tocsin.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Media;
import org.tocsin.core.post.Metrics;
import org.tocsin.core.post.Post;

/**
 * Hostile but valid posts (platform {@code test}) for API and UI tests: script and {@code onerror}
 * payloads in text, handle, display name, links and URL; bidirectional-override characters; a
 * 50,000-character text; emoji and combining marks; every control character but NUL. Each follows
 * the Post JSON contract and round-trips through {@code PostJson}; whatever shows them must escape
 * them.
 */
public final class HostilePosts {

  /** The length of {@link #longText()}'s text, in characters. */
  public static final int LONG_TEXT_CHARS = 50_000;

  /** The platform name of every hostile post. */
  public static final String PLATFORM = "test";

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private static final List<Post> ALL =
      List.of(
          scriptInjection(), attributeInjection(), bidiOverride(), longText(), emoji(), controls());

  private HostilePosts() {}

  /** All hostile posts, each with its own id and author. */
  public static List<Post> all() {
    return ALL;
  }

  /** {@code <script>} and {@code <img onerror>} in text, handle, display name, links and URL. */
  public static Post scriptInjection() {
    ObjectNode proto = JsonNodeFactory.instance.objectNode();
    proto.put("isAdmin", true);
    return post(
        "hostile-xss-script",
        "javascript:alert('tocsin-xss-url')",
        new Author(
            "hostile-author-xss-script",
            "<script>alert('tocsin-xss-handle')</script>",
            "<img src=x onerror=alert('tocsin-xss-name')>",
            666L,
            null),
        0,
        "<script>alert('tocsin-xss-text')</script> <img src=x onerror=alert('tocsin-xss-img')>"
            + " #<svg/onload=alert(1)> @<b>bold</b>",
        List.of(
            "javascript:alert(document.cookie)", "https://example.invalid/\"><script>x</script>"),
        List.of("<svg/onload=alert('tocsin-xss-tag')>"),
        List.of("\"><img src=x onerror=alert('tocsin-xss-mention')>"),
        Map.of("__proto__", proto));
  }

  /** Attribute, URL-scheme and template-injection payloads that break out of quoted contexts. */
  public static Post attributeInjection() {
    return post(
        "hostile-xss-attribute",
        null,
        new Author(
            "hostile-author-xss-attr",
            "\" onmouseover=\"alert('tocsin-xss-handle-attr')",
            "' autofocus onfocus='alert(1)' x='",
            null,
            null),
        1,
        "\"><img src=x onerror=alert('tocsin-xss-attr')> </textarea><script>alert(2)</script>"
            + " {{constructor.constructor('alert(3)')()}} ${7*7} <iframe srcdoc=\"<script>alert(4)"
            + "</script>\"></iframe> <a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==\">x</a>"
            + " ]]><!-- --> &lt;script&gt; %3Cscript%3E",
        List.of("data:text/html,<script>alert('tocsin-xss-data')</script>"),
        List.of(),
        List.of(),
        Map.of());
  }

  /** Right-to-left and isolate overrides that reorder what a reader sees. */
  public static Post bidiOverride() {
    return post(
        "hostile-bidi-override",
        null,
        new Author(
            "hostile-author-bidi",
            "\u202Enimda",
            "\u202Bمرحبا\u202C \u2067isolated\u2069 \u200F\u200E",
            null,
            null),
        2,
        "Invoice attached: \u202Efdp.exe\u202C and \u2066left\u2069 \u2067right\u2069 \u2068first"
            + "\u2069; the text after \u202Ethis override is reversed",
        List.of(),
        List.of("\u202Egat"),
        List.of(),
        Map.of());
  }

  /** A post whose text is {@value #LONG_TEXT_CHARS} characters long. */
  public static Post longText() {
    StringBuilder text = new StringBuilder(LONG_TEXT_CHARS);
    while (text.length() < LONG_TEXT_CHARS) {
      text.append("<b>flood</b> ").append(text.length()).append(' ');
    }
    text.setLength(LONG_TEXT_CHARS);
    return post(
        "hostile-long-text",
        null,
        new Author("hostile-author-long", "long", "L".repeat(1000), null, null),
        3,
        text.toString(),
        List.of(),
        List.of(),
        List.of(),
        Map.of());
  }

  /** Emoji (skin tones, ZWJ sequences, flags, astral letters) and stacked combining marks. */
  public static Post emoji() {
    return post(
        "hostile-emoji",
        null,
        new Author(
            "hostile-author-emoji",
            "emoji_\uD83D\uDD25",
            "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDE80 Z\u0337\u0322\u031Ba\u0334l\u0338g\u0335o\u0336",
            null,
            null),
        4,
        "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDE80 \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08"
            + " \uD83C\uDDFA\uD83C\uDDE6 \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D"
            + "\uD83D\uDC66 \u2764\uFE0F \uD83D\uDD25 \uD835\uDD73\uD835\uDD86\uD835\uDD99\uD835"
            + "\uDD8A Z\u0337\u0322\u031B\u0316\u0324a\u0334\u0353l\u0338\u031Fg\u0335\u0330o"
            + "\u0336\u0359 \uFDFD \uA9C1",
        List.of(),
        List.of("\uD83D\uDD25fire", "caf\u00E9", "cafe\u0301"),
        List.of(),
        Map.of());
  }

  /**
   * Every C0 control but NUL, DEL, C1 controls, line and paragraph separators, BOM, zero widths.
   */
  public static Post controls() {
    StringBuilder c = new StringBuilder();
    for (char ch = 0x01; ch < 0x20; ch++) {
      c.append(ch);
    }
    c.append('\u007F');
    for (char ch = 0x80; ch < 0xA0; ch++) {
      c.append(ch);
    }
    c.append("\u2028\u2029\uFEFF\u200B\u200C\u200D\u00AD\u2060");
    String controls = c.toString();
    return post(
        "hostile-control-chars",
        null,
        new Author(
            "hostile-author-controls",
            "ctl\u0007\u001B[31mred",
            "name\r\nInjected-Header: 1\u0008",
            null,
            null),
        5,
        "before " + controls + " after \u001B[2J\u001B]0;title\u0007 \r\n\tend",
        List.of(),
        List.of(),
        List.of(),
        Map.of());
  }

  private static Post post(
      String id,
      String url,
      Author author,
      int minutes,
      String text,
      List<String> links,
      List<String> hashtags,
      List<String> mentions,
      Map<String, JsonNode> extra) {
    return new Post(
        PLATFORM,
        id,
        url,
        author,
        T0.plusSeconds(60L * minutes),
        text,
        null,
        null,
        null,
        null,
        links,
        hashtags,
        mentions,
        List.<Media>of(),
        Metrics.UNKNOWN,
        null,
        extra);
  }
}
