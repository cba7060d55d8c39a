package org.tocsin.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;

/** Attacker-controlled post content indexes, is found, and comes back byte for byte. */
class HostileTextTest {

  @TempDir Path dir;

  @Test
  void hostileTextRoundTripsUnchangedAndIsSearchable() throws Exception {
    String html = "<script>alert('x')</script><img src=x onerror=alert(1)> &amp; \"quoted\" kill";
    String rtl = "\u202Egnp.exe\u202C \u200F\u0627\u0644\u0644\u0627\u062C\u0626\u064A\u0646 rtl";
    String longToken = "z".repeat(10_000) + " tail";
    String controls = "nul\u0000 bell\u0007 tab\t cr\r\n k\u200Bi\u00ADll emoji \uD83D\uDD25 end";
    List<ScoredPost> posts =
        List.of(
            post("h1", html, List.of("x".repeat(1_024)), List.of("<b>")),
            post("h2", rtl, List.of("\u202Etag"), List.of()),
            post("h3", longToken, List.of(), List.of("https://e.org/" + "p".repeat(8_000))),
            post("h4", controls, List.of(), List.of()));
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(posts);
      index.commit(4);
      for (ScoredPost sp : posts) {
        assertThat(index.get(sp.post().key())).contains(sp);
      }
      assertThat(ids(index, "script")).containsExactly("h1");
      assertThat(ids(index, "\"onerror alert\"")).containsExactly("h1");
      assertThat(ids(index, "gnp.exe")).containsExactly("h2");
      assertThat(ids(index, "tail")).containsExactly("h3");
      assertThat(ids(index, "kill")).containsExactlyInAnyOrder("h1", "h4");
      assertThat(ids(index, "bell")).containsExactly("h4");
      assertThat(ids(index, "hashtag:tag")).containsExactly("h2");
      SearchHit hit = index.search(SearchRequest.of("kill AND script")).hits().get(0);
      assertThat(hit.highlight())
          .startsWith("<" + SearchHit.MARK_START + "script" + SearchHit.MARK_END + ">alert('x')")
          .endsWith(SearchHit.MARK_START + "kill" + SearchHit.MARK_END);
      assertThat(hit.post()).isEqualTo(posts.get(0));
    }
    try (PostIndex reopened = PostIndex.open(dir)) {
      for (ScoredPost sp : posts) {
        assertThat(reopened.get(sp.post().key())).contains(sp);
      }
    }
  }

  @Test
  void unknownFieldsOfThePostAreKept() throws Exception {
    ScoredPost base = post("x1", "text", List.of(), List.of());
    Post p = base.post();
    Post withExtra =
        new Post(
            p.platform(),
            p.id(),
            p.url(),
            p.author(),
            p.createdAt(),
            p.text(),
            p.lang(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of("spoiler_text", JsonNodeFactory.instance.textNode("<i>cw</i>")));
    ScoredPost sp = new ScoredPost(withExtra, base.score(), base.evidence());
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(List.of(sp));
      index.commit(1);
      assertThat(index.get(p.key())).contains(sp);
    }
  }

  @Test
  void extremeTimesAreClampedForSortingButKept() throws Exception {
    Instant far = Instant.parse("+999999-12-31T23:59:59Z");
    Post p =
        new Post(
            "twitter",
            "far",
            null,
            new Author("a", "h", null, null, null),
            far,
            "far future",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    ScoredPost sp = TestPosts.scored(p, 1, TestPosts.sha256("far"));
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(List.of(sp, post("near", "near past", List.of(), List.of())));
      index.commit(2);
      assertThat(index.get(p.key())).contains(sp);
      assertThat(ids(index, "")).containsExactly("far", "near");
    }
  }

  private static List<String> ids(PostIndex index, String q)
      throws IOException, InvalidQueryException {
    return index.search(SearchRequest.of(q)).hits().stream()
        .map(h -> h.post().post().id())
        .toList();
  }

  private static ScoredPost post(String id, String text, List<String> tags, List<String> links) {
    Post p =
        new Post(
            "mastodon",
            id,
            "https://example.social/@x/" + id,
            new Author("acct-" + id, "@x\u202E", "<b>X</b>", 1L, null),
            Instant.parse("2024-03-03T00:00:00Z"),
            text,
            "und",
            null,
            null,
            null,
            links,
            tags,
            List.of("@who"),
            null,
            null,
            null,
            null);
    return TestPosts.scored(p, 1, TestPosts.sha256(id));
  }
}
