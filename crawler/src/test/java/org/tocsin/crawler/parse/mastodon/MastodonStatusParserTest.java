package org.tocsin.crawler.parse.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.ParseResult;
import org.tocsin.core.json.Json;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.Captures;
import org.tocsin.crawler.parse.UpstreamDeletion;
import org.tocsin.testkit.fixtures.Fixtures;

class MastodonStatusParserTest {
  private static final String PY = "mastodon/mastodon_py/";
  private static final String LOCAL = "http://localhost:3000/api/v1/timelines/public";
  private final MastodonStatusParser parser = new MastodonStatusParser();

  private List<Post> parse(String path) throws PostFormatException {
    return parser.parse(Captures.fixture(MastodonStatusParser.FORMAT, LOCAL, path));
  }

  @Test
  void everyStatusFixtureParses() throws PostFormatException {
    List<String> bodies =
        Fixtures.pathsUnder("mastodon/mastodon_py/").stream()
            .filter(
                p ->
                    p.endsWith(".body.json")
                        && (p.contains("_statuses") || p.contains("timelines")))
            .filter(
                p -> !p.contains("_history") && !p.contains("_source") && !p.contains("_context"))
            .filter(p -> !p.contains("status_delete_with_media/06_") && !p.contains("/07_DELETE"))
            .filter(p -> !p.contains("status_missing_404"))
            .toList();
    assertThat(bodies).hasSizeGreaterThan(40);
    for (String p : bodies) {
      assertThat(parse(p))
          .as(p)
          .isNotEmpty()
          .allSatisfy(post -> assertThat(post.id()).startsWith("localhost:3000/"));
    }
  }

  @Test
  void paginatedPageHasFivePostsWithAuthorAndMetrics() throws PostFormatException {
    List<Post> posts =
        parse(
            PY
                + "pagination_link_header/11_GET_api_v1_accounts_117020565966271181_statuses_limit_5.body.json");
    assertThat(posts).hasSize(5);
    Post p = posts.get(0);
    assertThat(p.id()).isEqualTo("localhost:3000/117020581038622236");
    assertThat(p.platform()).isEqualTo("mastodon");
    assertThat(p.author().id()).isEqualTo("localhost:3000/117020565966271181");
    assertThat(p.author().handle()).endsWith("@localhost:3000");
    assertThat(p.metrics().likes()).isNotNull();
    assertThat(p.extra()).containsKey("uri");
  }

  @Test
  void boostYieldsTheBoostAndTheBoostedStatus() throws PostFormatException {
    List<Post> posts =
        parse(PY + "status_reblog/01_POST_api_v1_statuses_117020586019094258_reblog.body.json");
    assertThat(posts).hasSize(2);
    assertThat(posts.get(0).id()).isEqualTo("localhost:3000/117020586019094258");
    assertThat(posts.get(1).repostOf()).isEqualTo("localhost:3000/117020586019094258");
    assertThat(posts.get(1).text()).isEmpty();
  }

  @Test
  void replyAndQuoteAreLinked() throws PostFormatException {
    Post reply = parse(PY + "status_reply/02_POST_api_v1_statuses.body.json").get(0);
    assertThat(reply.replyTo()).startsWith("localhost:3000/");
    List<Post> quote = parse(PY + "status_quote/01_POST_api_v1_statuses.body.json");
    assertThat(quote).hasSize(2);
    assertThat(quote.get(1).quoteOf()).isEqualTo("localhost:3000/117020582917124092");
    assertThat(quote.get(1).text()).isEqualTo("yoooooooo");
  }

  @Test
  void editMediaCardAndEntities() throws PostFormatException {
    Post edited =
        parse(PY + "status_edit/02_PUT_api_v1_statuses_117020586180926938.body.json").get(0);
    assertThat(edited.edited()).isNotNull();
    assertThat(edited.lang()).isEqualTo("ja");
    Post media = parse(PY + "status_delete_with_media/02_POST_api_v1_statuses.body.json").get(0);
    assertThat(media.media()).singleElement().satisfies(m -> assertThat(m.url()).endsWith(".jpg"));
    Post card =
        parse(PY + "status_card_link/01_GET_api_v1_statuses_117020609135389699.body.json").get(0);
    assertThat(card.links()).containsExactly("http://example.org/");
    assertThat(card.text()).isEqualTo("http://example.org/");
    List<Post> timeline =
        parse(PY + "public_timeline_anonymous/02_GET_api_v1_timelines_public.body.json");
    assertThat(timeline).extracting(Post::text).contains("you can't say that on television");
  }

  @Test
  void deleteAndRedraftShapeKeepsItsSourceText() throws PostFormatException {
    Post p =
        parse(PY + "status_context/02_DELETE_api_v1_statuses_117020585487094447.body.json").get(0);
    assertThat(p.text()).isNotBlank();
  }

  @Test
  void streamingUpdateAndDeleteEvents() throws PostFormatException {
    Capture update =
        Captures.fixture(
            MastodonStatusParser.FORMAT,
            "wss://fosstodon.org/api/v1/streaming",
            "mastodon/docs_streaming_websocket/L0661_ws_update.json");
    Post p = parser.parse(update).get(0);
    assertThat(p.id()).isEqualTo("fosstodon.org/108913983692647032");
    assertThat(p.replyTo()).isEqualTo("fosstodon.org/108913981098896721");
    assertThat(p.text()).contains("😂").contains("can't");
    assertThat(parser.deletions(update)).isEmpty();
    Capture delete =
        Captures.fixture(
            MastodonStatusParser.FORMAT,
            "wss://fosstodon.org/api/v1/streaming",
            "mastodon/docs_streaming_websocket/L0677_ws_delete.json");
    assertThat(parser.parse(delete)).isEmpty();
    assertThat(parser.deletions(delete))
        .containsExactly(
            new UpstreamDeletion(
                "mastodon", "fosstodon.org/106692867363994015", Captures.RECEIVED));
  }

  @Test
  void serverSentEventsBody() throws PostFormatException {
    Capture sse =
        Captures.fixture(
            MastodonStatusParser.FORMAT,
            "http://localhost:3000/api/v1/streaming/user",
            PY + "streaming_user_direct/12_GET_api_v1_streaming_user.body.sse.txt");
    assertThat(parser.parse(sse)).isNotEmpty();
    assertThat(parser.deletions(sse)).isNotEmpty();
  }

  @Test
  void htmlEntitiesAndMarkupAreDecoded() throws PostFormatException {
    String status =
        "{\"id\":\"1\",\"created_at\":\"2024-01-01T00:00:00Z\",\"account\":{\"id\":\"9\",\"acct\":\"a@b.c\"},"
            + "\"content\":\"<p>Tom &amp; Jerry &lt;3 &#x1F600;<br>line<script>x</script></p><p>next</p>\"}";
    Post p =
        parser
            .parse(
                Captures.of(
                    MastodonStatusParser.FORMAT,
                    "https://b.c/api",
                    status.getBytes(StandardCharsets.UTF_8)))
            .get(0);
    assertThat(p.text()).isEqualTo("Tom & Jerry <3 😀\nline\n\nnext");
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
  }

  @Test
  void malformedInputIsAFormatErrorNamingWhere() throws PostFormatException {
    assertThatThrownBy(
            () ->
                parser.parse(
                    Captures.of(
                        MastodonStatusParser.FORMAT,
                        LOCAL,
                        "[{\"id\":1".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("mastodon-statuses");
    // a bad status in a page is skipped and named, not a failure of the page
    ParseResult r =
        parser.parseResult(
            Captures.of(
                MastodonStatusParser.FORMAT,
                LOCAL,
                "[{\"id\":\"1\"}]".getBytes(StandardCharsets.UTF_8)));
    assertThat(r.posts()).isEmpty();
    assertThat(r.warnings()).singleElement().asString().contains("[0]");
  }

  private static final String TIMELINE =
      "mastodon/mastodon_py/public_timeline/02_GET_api_v1_timelines_public.body.json";
  private static final String USER_STREAM =
      "mastodon/mastodon_py/streaming_user_direct/12_GET_api_v1_streaming_user.body.sse.txt";

  private ParseResult parseJson(JsonNode n) throws Exception {
    return parser.parseResult(
        Captures.of(MastodonStatusParser.FORMAT, LOCAL, Json.mapper().writeValueAsBytes(n)));
  }

  /** The first notification of the recorded user stream, as its JSON object. */
  private static ObjectNode recordedNotification() throws Exception {
    String sse = new String(Fixtures.bytes(USER_STREAM), StandardCharsets.UTF_8);
    int at = sse.indexOf("event: notification");
    String line =
        sse.substring(sse.indexOf("data: ", at) + 6, sse.indexOf('\n', sse.indexOf("data: ", at)));
    return (ObjectNode) Json.mapper().readTree(line);
  }

  @Test
  void aNullCreationTimeCostsOnlyItsOwnStatus() throws Exception {
    ArrayNode page = (ArrayNode) Json.mapper().readTree(Fixtures.bytes(TIMELINE));
    int all = parse(TIMELINE).size();
    assertThat(page.size()).isGreaterThan(1);
    ((ObjectNode) page.get(1)).putNull("created_at");
    ParseResult r = parseJson(page);
    assertThat(r.posts()).hasSize(all - 1);
    assertThat(r.warnings()).singleElement().asString().contains("[1]").contains("created_at");
  }

  @Test
  void aFavouriteNotificationYieldsTheStatusNotAPostByTheFavouriter() throws Exception {
    ObjectNode n = recordedNotification();
    n.put("type", "favourite");
    String favouriter = n.path("account").path("id").asText();
    String author = n.path("status").path("account").path("id").asText();
    String statusId = n.path("status").path("id").asText();
    ((ObjectNode) n.get("account")).put("id", "999" + favouriter);

    List<Post> single = parseJson(n).posts();
    assertThat(single)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.id()).isEqualTo("localhost:3000/" + statusId);
              assertThat(p.author().id()).isEqualTo("localhost:3000/" + author);
              assertThat(p.text()).isNotEmpty();
            });
    // a page of notifications (GET /api/v1/notifications): a follow names no status, no post
    ObjectNode follow = n.deepCopy();
    follow.put("type", "follow");
    follow.remove("status");
    ParseResult page = parseJson(Json.mapper().createArrayNode().add(n).add(follow));
    assertThat(page.posts()).extracting(Post::id).containsExactly("localhost:3000/" + statusId);
    assertThat(page.warnings()).isEmpty();
    // and over the recorded stream, notifications yield their statuses too
    ParseResult stream =
        parser.parseResult(Captures.fixture(MastodonStatusParser.FORMAT, LOCAL, USER_STREAM));
    assertThat(stream.posts()).extracting(Post::id).contains("localhost:3000/" + statusId);
  }

  @Test
  void groupedNotificationsYieldTheirStatusesNotTheAccountsThatActed() throws Exception {
    // GET /api/v2/notifications (Mastodon 4.3+): the statuses and accounts the groups name, side
    // by side; built from the recorded notification (its group_key is in the recording).
    ObjectNode n = recordedNotification();
    JsonNode status = n.get("status");
    ObjectNode grouped = Json.mapper().createObjectNode();
    grouped.putArray("accounts").add(n.get("account")).add(status.get("account"));
    grouped.putArray("statuses").add(status);
    ArrayNode groups = grouped.putArray("notification_groups");
    ObjectNode g = groups.addObject();
    g.set("group_key", n.get("group_key"));
    g.put("notifications_count", 1);
    g.put("type", "favourite");
    g.set("most_recent_notification_id", n.get("id"));
    g.set("latest_page_notification_at", n.get("created_at"));
    g.putArray("sample_account_ids").add(n.path("account").path("id"));
    g.set("status_id", status.get("id"));
    ObjectNode follow = groups.addObject();
    follow.put("group_key", "ungrouped-1");
    follow.put("notifications_count", 1);
    follow.put("type", "follow");
    follow.putArray("sample_account_ids").add(n.path("account").path("id"));
    assertThat(n.path("group_key").asText()).startsWith("ungrouped-");

    ParseResult r = parseJson(grouped);
    assertThat(r.warnings()).isEmpty();
    assertThat(r.posts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.id()).isEqualTo("localhost:3000/" + status.path("id").asText());
              assertThat(p.author().id())
                  .isEqualTo("localhost:3000/" + status.path("account").path("id").asText());
            });
    // one bad status costs only itself
    ((ArrayNode) grouped.get("statuses")).insert(0, Json.mapper().createObjectNode());
    ParseResult bad = parseJson(grouped);
    assertThat(bad.posts()).hasSize(1);
    assertThat(bad.warnings()).singleElement().asString().contains("statuses[0]");
  }

  @Test
  void aStatusContextYieldsItsAncestorsAndDescendants() throws Exception {
    JsonNode parent =
        Json.mapper()
            .readTree(
                Fixtures.bytes(
                    "mastodon/mastodon_py/status_reply/00_POST_api_v1_statuses.body.json"));
    JsonNode reply =
        Json.mapper()
            .readTree(
                Fixtures.bytes(
                    "mastodon/mastodon_py/status_reply/02_POST_api_v1_statuses.body.json"));
    ObjectNode context = Json.mapper().createObjectNode();
    context.putArray("ancestors").add(parent);
    context.putArray("descendants").add(reply);
    ParseResult r = parseJson(context);
    assertThat(r.warnings()).isEmpty();
    assertThat(r.posts())
        .extracting(Post::id)
        .containsExactly(
            "localhost:3000/" + parent.path("id").asText(),
            "localhost:3000/" + reply.path("id").asText());
    assertThat(r.posts().get(1).replyTo()).isEqualTo(r.posts().get(0).id());
    // the recorded context of a status without replies: nothing, and no error
    assertThat(
            parse(
                "mastodon/mastodon_py/status_context/01_GET_api_v1_statuses_117020585487094447_context.body.json"))
        .isEmpty();
  }

  @Test
  void randomBytesAreAFormatErrorNotAnEmptyStream() {
    Random random = new Random(16);
    for (int i = 0; i < 50; i++) {
      byte[] b = new byte[1 + random.nextInt(2048)];
      random.nextBytes(b);
      b[0] = 'x';
      assertThatThrownBy(() -> parser.parse(Captures.of(MastodonStatusParser.FORMAT, LOCAL, b)))
          .as("random body %d", i)
          .isInstanceOf(PostFormatException.class)
          .hasMessageContaining("neither JSON nor a server-sent-events stream");
    }
  }

  @Test
  void aSavedFileTakesTheInstanceFromItsLocalStatuses() throws Exception {
    byte[] body = Fixtures.bytes(TIMELINE);
    List<Post> fromUrl = parse(TIMELINE);
    List<Post> fromFile =
        parser.parse(Captures.of(MastodonStatusParser.FORMAT, "file:///tmp/timeline.json", body));
    assertThat(fromFile).isEqualTo(fromUrl);
    // only remote statuses: the instance cannot be known, and the message says what to give
    ArrayNode page = (ArrayNode) Json.mapper().readTree(body);
    for (JsonNode s : page) {
      ((ObjectNode) s.get("account"))
          .put("acct", s.path("account").path("acct").asText() + "@elsewhere.example");
    }
    assertThatThrownBy(
            () ->
                parser.parse(
                    Captures.of(
                        MastodonStatusParser.FORMAT,
                        "file:///tmp/timeline.json",
                        Json.mapper().writeValueAsBytes(page))))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("give the URL the body was fetched from");
  }
}
