package org.tocsin.crawler.parse.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.Captures;
import org.tocsin.crawler.parse.UpstreamDeletion;

class JetstreamEventParserTest {
  private static final String DIR = "bluesky/jetstream_v1_production_capture_2026-07-04/";
  private static final String URL = "wss://jetstream1.us-east.bsky.network/subscribe";
  private final JetstreamEventParser parser = new JetstreamEventParser();

  private List<Post> parse(String file) throws PostFormatException {
    return parser.parse(Captures.fixture(JetstreamEventParser.FORMAT, URL, DIR + file));
  }

  @Test
  void wholeTranscriptYieldsPostsRepostsAndTheDelete() throws PostFormatException {
    var c = Captures.fixture(JetstreamEventParser.FORMAT, URL, DIR + "expected_v1.jsonl");
    List<Post> posts = parser.parse(c);
    assertThat(posts).hasSize(17 + 15);
    assertThat(posts.stream().filter(p -> p.repostOf() != null)).hasSize(15);
    assertThat(posts).extracting(Post::id).doesNotHaveDuplicates();
    assertThat(parser.deletions(c)).hasSize(1);
  }

  @Test
  void plainPostWithLanguage() throws PostFormatException {
    Post p = parse("line004_post_lang_ja.json").get(0);
    assertThat(p.platform()).isEqualTo("bluesky");
    assertThat(p.id()).startsWith("at://did:plc:").contains("/app.bsky.feed.post/");
    assertThat(p.url()).startsWith("https://bsky.app/profile/did:plc:");
    assertThat(p.lang()).isEqualTo("ja");
    assertThat(p.author().id()).startsWith("did:plc:");
    assertThat(p.extra()).containsKeys("cid", "timeUs");
  }

  @Test
  void replyRepostAndNonPostEvents() throws PostFormatException {
    Post reply = parse("line026_post_reply_lang_ko.json").get(0);
    assertThat(reply.replyTo())
        .isEqualTo("at://did:plc:i5y2f3gtpjxs3qg6fwgb6jb4/app.bsky.feed.post/3mpt7u2vlgs2c");
    assertThat(reply.text()).isEqualTo("이쁘시네용~~~");
    Post repost = parse("line018_repost.json").get(0);
    assertThat(repost.repostOf())
        .isEqualTo("at://did:plc:lthsfxxeghkgg44eummxtvbe/app.bsky.feed.post/3mpt6c57uy22u");
    assertThat(repost.text()).isEmpty();
    for (String f :
        List.of(
            "line012_delete_app_bsky_graph_follow.json",
            "line023_create_app_bsky_graph_follow.json",
            "line028_update_fm_teal_alpha_actor_status.json",
            "line151_identity.json",
            "line152_account.json")) {
      assertThat(parse(f)).as(f).isEmpty();
    }
  }

  @Test
  void facetsEmbedsAndImages() throws PostFormatException {
    Post ext = parse("line002_post_embed_external_facets.json").get(0);
    assertThat(ext.links()).containsExactly("https://www.youtube.com/watch?v=V5lDo-jw8mA");
    Post tags = parse("line148_post_embed_images_facets_lang_es_en.json").get(0);
    assertThat(tags.hashtags()).containsExactly("talesatwonderworld", "balanwonderworldoc");
    assertThat(tags.lang()).isEqualTo("es");
    assertThat(tags.media())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.url())
                    .startsWith(
                        "https://cdn.bsky.app/img/feed_fullsize/plain/did:plc:ynfp6wddjqpl44gordpsqkuw/bafkrei"));
    Post ru = parse("line144_post_embed_images_lang_ru.json").get(0);
    assertThat(ru.text()).startsWith("Вечерок с Аватаром").contains("😍🔥");
  }

  @Test
  void deleteIsADeletionNotAPost() throws PostFormatException {
    var c = Captures.fixture(JetstreamEventParser.FORMAT, URL, DIR + "line145_post_delete.json");
    assertThat(parser.parse(c)).isEmpty();
    assertThat(parser.deletions(c))
        .containsExactly(
            new UpstreamDeletion(
                "bluesky",
                "at://did:plc:4smmjsqf6l5jkzczvw6vsrqc/app.bsky.feed.post/3mpt73z3ejc2p",
                Instant.ofEpochSecond(1783175888L, 377628000L)));
  }

  @Test
  void malformedEventsAreFormatErrors() {
    for (String bad :
        List.of(
            "",
            "{",
            "[]",
            "{\"kind\":\"commit\",\"did\":\"d\",\"time_us\":\"x\"}",
            "{\"did\":\"d\"}")) {
      assertThatThrownBy(
              () ->
                  parser.parse(
                      Captures.of(
                          JetstreamEventParser.FORMAT, URL, bad.getBytes(StandardCharsets.UTF_8))))
          .as(bad)
          .isInstanceOf(PostFormatException.class)
          .hasMessageContaining("jetstream-event");
    }
  }
}
