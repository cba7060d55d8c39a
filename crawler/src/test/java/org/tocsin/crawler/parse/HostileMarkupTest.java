package org.tocsin.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.core.json.Json;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.fourchan.FourchanThreadParser;
import org.tocsin.crawler.parse.telegram.TelegramPageParser;
import org.tocsin.testkit.fixtures.Fixtures;

/**
 * HTML with 200,000 unclosed tags inside real payloads (issue 16, item 5): a fragment is read as
 * its text, a whole page is refused, and neither takes a second. (Deeply nested XML is in {@code
 * FeedParserTest}.)
 */
class HostileMarkupTest {
  private static final String BOMB = "<b>".repeat(200_000);

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void aCommentWithTooManyTagsKeepsItsTextQuickly() throws Exception {
    ObjectNode thread =
        (ObjectNode)
            Json.mapper()
                .readTree(Fixtures.bytes("4chan/4chan-API_docs_examples/threads_example_0.json"));
    ObjectNode op = (ObjectNode) thread.get("posts").get(0);
    op.put("com", BOMB + "Welcome &amp; hello" + op.get("com").asText());
    long t0 = System.nanoTime();
    List<Post> posts =
        new FourchanThreadParser()
            .parse(
                Captures.of(
                    FourchanThreadParser.FORMAT,
                    "https://a.4cdn.org/po/thread/570368.json",
                    Json.mapper().writeValueAsBytes(thread)));
    assertThat(millisSince(t0)).as("ms").isLessThan(1_000);
    assertThat(posts.get(0).text()).contains("Welcome & hello");
    assertThat(posts).hasSize(thread.get("posts").size());
  }

  @Test
  void aChannelPageWithTooManyTagsIsRefusedQuickly() {
    String html =
        new String(
            Fixtures.bytes("telegram/any2feed_telegram_preview/full.html"), StandardCharsets.UTF_8);
    int at = html.indexOf("tgme_widget_message_text");
    at = html.indexOf('>', at) + 1;
    byte[] bad =
        (html.substring(0, at) + BOMB + html.substring(at)).getBytes(StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    assertThatThrownBy(
            () ->
                new TelegramPageParser()
                    .parse(Captures.of(TelegramPageParser.FORMAT, "https://t.me/s/x", bad)))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("too many HTML tags");
    assertThat(millisSince(t0)).as("ms").isLessThan(1_000);
  }
}
