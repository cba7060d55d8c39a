package org.tocsin.crawler.parse.fourchan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.Captures;

class FourchanThreadParserTest {
  private static final String DIR = "4chan/4chan-API_docs_examples/";
  private final FourchanThreadParser parser = new FourchanThreadParser();

  private List<Post> parse(String url, String file) throws PostFormatException {
    return parser.parse(Captures.fixture(FourchanThreadParser.FORMAT, url, DIR + file));
  }

  @Test
  void threadPostsWithRepliesImagesAndDecodedText() throws PostFormatException {
    List<Post> posts = parse("https://a.4cdn.org/po/thread/570368.json", "threads_example_0.json");
    assertThat(posts).hasSizeGreaterThan(1);
    Post op = posts.get(0);
    assertThat(op.id()).isEqualTo("po/570368");
    assertThat(op.replyTo()).isNull();
    assertThat(op.text())
        .startsWith("Welcome to /po/!\n\nWelcome to /po/!")
        .contains("that’s relevant");
    assertThat(op.media())
        .singleElement()
        .satisfies(m -> assertThat(m.url()).isEqualTo("https://i.4cdn.org/po/1546293948883.png"));
    assertThat(posts.subList(1, posts.size()))
        .allSatisfy(p -> assertThat(p.replyTo()).startsWith("po/"));
  }

  @Test
  void catalogAndIndexPages() throws PostFormatException {
    assertThat(parse("https://a.4cdn.org/po/catalog.json", "catalog_example_0.json")).isNotEmpty();
    assertThat(parse("https://a.4cdn.org/po/1.json", "indexes_example_0.json")).isNotEmpty();
    assertThat(parse("https://a.4cdn.org/po/threads.json", "threadlist_example_0.json")).isEmpty();
  }

  @Test
  void badInput() {
    assertThatThrownBy(() -> parse("https://example.org", "threads_example_0.json"))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("board");
    assertThatThrownBy(
            () ->
                parser.parse(
                    Captures.of(
                        FourchanThreadParser.FORMAT,
                        "https://a.4cdn.org/po/thread/1.json",
                        "{\"posts\":[{\"no\":1}]}".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("time");
  }
}
