package org.tocsin.crawler.parse.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.core.evidence.ParseResult;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.Captures;
import org.tocsin.testkit.fixtures.Fixtures;

class TelegramPageParserTest {
  private static final String DIR = "telegram/any2feed_telegram_preview/";
  private static final String URL = "https://t.me/s/topwar_official";
  private final TelegramPageParser parser = new TelegramPageParser();

  private List<Post> parse(String file) throws PostFormatException {
    return parser.parse(Captures.fixture(TelegramPageParser.FORMAT, URL, DIR + file));
  }

  @Test
  void everyFragmentParses() throws PostFormatException {
    for (String p : Fixtures.pathsUnder(DIR)) {
      List<Post> posts = parser.parse(Captures.fixture(TelegramPageParser.FORMAT, URL, p));
      if (!p.contains("/message_") && !p.endsWith("full.html")) {
        assertThat(posts).as("media fragment without a message: " + p).isEmpty();
        continue;
      }
      assertThat(posts)
          .as(p)
          .isNotEmpty()
          .allSatisfy(post -> assertThat(post.url()).startsWith("https://t.me/"));
    }
  }

  @Test
  void fullPageHasEveryMessageInRussianWithViewsAndPhotos() throws PostFormatException {
    List<Post> posts = parse("full.html");
    assertThat(posts).hasSize(12);
    assertThat(posts).extracting(Post::id).doesNotHaveDuplicates();
    Post first = posts.get(0);
    assertThat(first.id()).isEqualTo("topwar_official/70989");
    assertThat(first.author().displayName()).isEqualTo("Военное обозрение");
    assertThat(first.createdAt()).isEqualTo(Instant.parse("2023-02-28T07:47:53Z"));
    assertThat(first.text())
        .startsWith("В Санкт-Петербурге в небо над городом")
        .contains("\nСудя по сервису");
    assertThat(first.metrics().views()).isEqualTo(37_200L);
    assertThat(first.media())
        .singleElement()
        .satisfies(m -> assertThat(m.url()).startsWith("https://cdn4.telegram-cdn.org/file/"));
    Post forwarded =
        posts.stream()
            .filter(p -> p.id().equals("topwar_official/70996"))
            .findFirst()
            .orElseThrow();
    assertThat(forwarded.repostOf()).isEqualTo("yaremshooter/1066");
    Post quotes =
        posts.stream()
            .filter(p -> p.id().equals("topwar_official/70995"))
            .findFirst()
            .orElseThrow();
    assertThat(quotes.text()).startsWith("План \"Ковер\" отменен");
  }

  @Test
  void editedMarkerHashtagsAndVideo() throws PostFormatException {
    Post edited = parse("message_link_preview_video.html").get(0);
    assertThat(edited.edited()).isEqualTo(Captures.RECEIVED);
    assertThat(edited.extra()).containsKey("editedMarker");
    List<Post> all =
        Fixtures.pathsUnder(DIR).stream()
            .flatMap(
                p -> {
                  try {
                    return parser
                        .parse(Captures.fixture(TelegramPageParser.FORMAT, URL, p))
                        .stream();
                  } catch (PostFormatException e) {
                    throw new AssertionError(p, e);
                  }
                })
            .toList();
    assertThat(all).flatExtracting(Post::hashtags).contains("Белгород");
    assertThat(all)
        .flatExtracting(Post::media)
        .anySatisfy(m -> assertThat(m.url()).contains(".mp4"));
    assertThat(all).anySatisfy(p -> assertThat(p.extra()).containsKey("signature"));
  }

  @Test
  void viewCounts() {
    assertThat(TelegramPageParser.count("950")).isEqualTo(950L);
    assertThat(TelegramPageParser.count("37.2K")).isEqualTo(37_200L);
    assertThat(TelegramPageParser.count("1.05M")).isEqualTo(1_050_000L);
    assertThat(TelegramPageParser.count("lots")).isNull();
  }

  @Test
  void notATelegramPage() {
    assertThatThrownBy(
            () ->
                parser.parse(
                    Captures.of(
                        TelegramPageParser.FORMAT,
                        URL,
                        "<html>hello</html>".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("telegram-html");
  }

  @Test
  void aTruncatedMessageCostsOnlyItselfAndTheCutIsReported() throws PostFormatException {
    int all = parse("full.html").size();
    // jsoup closes the cut element: the last message has its reference but no time
    ParseResult r = cutFullPage("tgme_widget_message_info", "topwar_official/71008");
    assertThat(r.posts()).hasSize(all - 1);
    assertThat(r.posts()).extracting(Post::id).doesNotContain("topwar_official/71008");
    assertThat(r.warnings())
        .anySatisfy(w -> assertThat(w).contains("truncated"))
        .anySatisfy(w -> assertThat(w).contains("topwar_official/71008").contains("time"));
  }

  private ParseResult cutFullPage(String marker, String afterRef) throws PostFormatException {
    String html = new String(Fixtures.bytes(DIR + "full.html"), StandardCharsets.UTF_8);
    int cut = html.indexOf(marker, html.indexOf("data-post=\"" + afterRef + "\""));
    assertThat(cut).isPositive();
    return parser.parseResult(
        Captures.of(
            TelegramPageParser.FORMAT,
            URL,
            html.substring(0, cut).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aPageCutBeforeItsFirstMessageIsAFormatError() {
    String html = new String(Fixtures.bytes(DIR + "full.html"), StandardCharsets.UTF_8);
    byte[] cut =
        html.substring(0, html.indexOf("tgme_widget_message_wrap"))
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parser.parse(Captures.of(TelegramPageParser.FORMAT, URL, cut)))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void voiceNotesAreMediaAndForwardsFromUsersAreKept() throws PostFormatException {
    Post p = parse("message_voice.html").get(0);
    assertThat(p.media()).anySatisfy(m -> assertThat(m.url()).contains(".ogg"));
    assertThat(p.extra().get("mediaKind").asText()).isEqualTo("voice");
    // forwarded from a source without a public link: the forward is kept by name
    assertThat(p.extra().get("forwardedFrom").asText()).isEqualTo("Спортивный Екб");
    assertThat(p.repostOf()).isNull();
    Post linked = parse("message_media_forwarded_from.html").get(0);
    assertThat(linked.repostOf()).isEqualTo("dimsmirnov175/44604");
    assertThat(linked.extra().get("forwardedFromUrl").asText())
        .isEqualTo("https://t.me/dimsmirnov175/44604");
  }
}
