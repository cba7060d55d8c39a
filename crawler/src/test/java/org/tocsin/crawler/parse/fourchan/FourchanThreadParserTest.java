package org.tocsin.crawler.parse.fourchan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.core.evidence.ParseResult;
import org.tocsin.core.json.Json;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.Captures;
import org.tocsin.testkit.fixtures.Fixtures;

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
  void badInput() throws PostFormatException {
    assertThatThrownBy(() -> parse("https://example.org", "threads_example_0.json"))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("board");
    ParseResult r =
        parser.parseResult(
            Captures.of(
                FourchanThreadParser.FORMAT,
                "https://a.4cdn.org/po/thread/1.json",
                "{\"posts\":[{\"no\":1}]}".getBytes(StandardCharsets.UTF_8)));
    assertThat(r.posts()).isEmpty();
    assertThat(r.warnings()).singleElement().asString().contains("time");
  }

  @Test
  void oneCatalogThreadObjectYieldsItsOpeningPostAndLastReplies() throws Exception {
    JsonNode catalog = Json.mapper().readTree(Fixtures.bytes(DIR + "catalog_example_0.json"));
    JsonNode thread = catalog.get(0).get("threads").get(0);
    ParseResult r =
        parser.parseResult(
            Captures.of(
                FourchanThreadParser.FORMAT,
                "https://a.4cdn.org/po/catalog.json",
                Json.mapper().writeValueAsBytes(thread)));
    assertThat(r.warnings()).isEmpty();
    assertThat(r.posts()).hasSize(1 + thread.get("last_replies").size());
    assertThat(r.posts().get(0).id()).isEqualTo("po/" + thread.get("no").asText());
  }

  @Test
  void postersWithoutTripcodeOrIdAreNotOneBoardWideAuthor() throws Exception {
    List<Post> posts = parse("https://a.4cdn.org/po/thread/570368.json", "threads_example_0.json");
    assertThat(posts).extracting(p -> p.author().id()).doesNotContain("anonymous");
    assertThat(posts.get(0).author().id()).isEqualTo("thread:po/570368/anonymous");
    // a board with poster ids: the id names the poster within the thread
    ObjectNode thread =
        (ObjectNode) Json.mapper().readTree(Fixtures.bytes(DIR + "threads_example_0.json"));
    ((ObjectNode) thread.get("posts").get(1)).put("id", "Ab3dE/fG");
    List<Post> withIds =
        parser.parse(
            Captures.of(
                FourchanThreadParser.FORMAT,
                "https://a.4cdn.org/po/thread/570368.json",
                Json.mapper().writeValueAsBytes(thread)));
    assertThat(withIds.get(1).author().id()).isEqualTo("thread:po/570368/Ab3dE/fG");
  }

  @Test
  void aBadTimeCostsOnlyItsOwnPost() throws Exception {
    ObjectNode thread =
        (ObjectNode) Json.mapper().readTree(Fixtures.bytes(DIR + "threads_example_0.json"));
    int all = thread.get("posts").size();
    ((ObjectNode) thread.get("posts").get(1)).put("time", "noon");
    ParseResult r =
        parser.parseResult(
            Captures.of(
                FourchanThreadParser.FORMAT,
                "https://a.4cdn.org/po/thread/570368.json",
                Json.mapper().writeValueAsBytes(thread)));
    assertThat(r.posts()).hasSize(all - 1);
    assertThat(r.warnings()).singleElement().asString().contains("post 2").contains("noon");
  }
}
