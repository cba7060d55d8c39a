package org.tocsin.crawler.parse.reddit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.ParseResult;
import org.tocsin.core.json.Json;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.Captures;
import org.tocsin.testkit.fixtures.Fixtures;

class RedditListingParserTest {
  private static final String DIR = "reddit/asyncpraw/";
  private static final String URL = "https://oauth.reddit.com/r/all/new";
  private final RedditListingParser parser = new RedditListingParser();

  private Capture capture(String file) {
    return Captures.fixture(RedditListingParser.FORMAT, URL, DIR + file);
  }

  @Test
  void newListingsHaveAHundredSubmissionsEach() throws PostFormatException {
    for (String f :
        List.of(
            "subreddit_new/01_GET_r_askreddit_new_limit_100_raw_json_1.body.json",
            "front_new_paginated/01_GET_new_limit_100_raw_json_1.body.json",
            "subreddit_stream_submissions_before_cursor/01_GET_r_all_new_limit_100_raw_json_1.body.json")) {
      List<Post> posts = parser.parse(capture(f));
      assertThat(posts).as(f).hasSize(100);
      assertThat(posts)
          .extracting(Post::id)
          .allMatch(id -> id.startsWith("t3_"))
          .doesNotHaveDuplicates();
    }
    List<Post> front =
        parser.parse(capture("front_new_paginated/01_GET_new_limit_100_raw_json_1.body.json"));
    assertThat(front).flatExtracting(Post::media).isNotEmpty();
    assertThat(front).flatExtracting(Post::links).isNotEmpty();
  }

  @Test
  void crosspostIsARepostWithUrlAuthorAndTime() throws PostFormatException {
    Post p =
        parser
            .parse(
                capture(
                    "submission_crosspost/03_GET_comments_hmkfma_limit_2048_sort_confidence_raw_json_1.body.json"))
            .get(0);
    assertThat(p.id()).isEqualTo("t3_hmkfma");
    assertThat(p.repostOf()).isEqualTo("t3_6vx01b");
    assertThat(p.author().id()).isEqualTo("t2_3ebyblla");
    assertThat(p.text()).isEqualTo("Test Title");
    assertThat(p.createdAt()).isEqualTo(Instant.ofEpochSecond(1594082884L));
    assertThat(p.url()).startsWith("https://www.reddit.com/r/");
  }

  @Test
  void commentTreeRepliesAndDeletedComment() throws PostFormatException {
    Capture tree =
        capture(
            "submission_delete/02_GET_comments_hmkbt8_limit_2048_sort_confidence_raw_json_1.body.json");
    List<Post> posts = parser.parse(tree);
    assertThat(parser.deletions(tree)).extracting(d -> d.id()).containsExactly("t3_hmkbt8");
    assertThat(posts).hasSize(3);
    assertThat(posts).allSatisfy(c -> assertThat(c.replyTo()).isNotNull().startsWith("t"));
    Capture deleted = capture("comment_deleted/01_GET_api_info_id_t1_d7ltvl0_raw_json_1.body.json");
    assertThat(parser.deletions(deleted)).extracting(d -> d.id()).contains("t1_d7ltvl0");
    assertThat(parser.parse(deleted)).extracting(Post::id).doesNotContain("t1_d7ltvl0");
  }

  @Test
  void emptyListingAndEditedSubmission() throws PostFormatException {
    assertThat(
            parser.parse(
                capture(
                    "listing_empty/02_GET_user_spez_t_hour_sort_top_limit_100_raw_json_1.body.json")))
        .isEmpty();
  }

  @Test
  void malformedListings() {
    for (String bad :
        List.of(
            "{\"kind\":\"Listing\"}",
            "{\"kind\":\"Listing\",\"data\":{\"children\":{}}}",
            "[1]",
            "\"x\"",
            "{\"kind\":\"t3\",\"data\":{\"id\":\"a\",\"author\":\"b\",\"created_utc\":\"no\"}}")) {
      assertThatThrownBy(
              () ->
                  parser.parse(
                      Captures.of(
                          RedditListingParser.FORMAT, URL, bad.getBytes(StandardCharsets.UTF_8))))
          .as(bad)
          .isInstanceOf(PostFormatException.class)
          .hasMessageContaining("reddit-listing");
    }
  }

  @Test
  void aBadCreatedTimeCostsOnlyItsOwnPost() throws Exception {
    String file = DIR + "subreddit_new/01_GET_r_askreddit_new_limit_100_raw_json_1.body.json";
    ObjectNode root = (ObjectNode) Json.mapper().readTree(Fixtures.bytes(file));
    ((ObjectNode) root.path("data").path("children").get(7).get("data"))
        .put("created_utc", "yesterday");
    ParseResult r =
        parser.parseResult(
            Captures.of(RedditListingParser.FORMAT, URL, Json.mapper().writeValueAsBytes(root)));
    assertThat(r.posts()).hasSize(99);
    assertThat(r.warnings())
        .singleElement()
        .asString()
        .contains("children[7]")
        .contains("created_utc")
        .contains("yesterday");
    assertThat(parser.parse(capture(file.substring(DIR.length())))).hasSize(100);
  }

  @Test
  void editUserTextAnswerYieldsTheEditedPost() throws PostFormatException {
    ParseResult r =
        parser.parseResult(
            capture("submission_edit/01_POST_api_editusertext_raw_json_1.body.json"));
    assertThat(r.warnings()).isEmpty();
    Post p = r.posts().get(0);
    assertThat(r.posts()).hasSize(1);
    assertThat(p.id()).isEqualTo("t3_hmkbt8");
    assertThat(p.text()).isEqualTo("asyncpraw test\n\nNew text");
    assertThat(p.edited()).isEqualTo(Instant.ofEpochSecond(1594082893L));
  }

  @Test
  void anApiErrorAnswerIsAFormatErrorNamingTheErrors() {
    assertThatThrownBy(
            () ->
                parser.parse(
                    Captures.of(
                        RedditListingParser.FORMAT,
                        URL,
                        "{\"json\":{\"errors\":[[\"RATELIMIT\",\"try later\",\"ratelimit\"]]}}"
                            .getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("RATELIMIT");
  }
}
