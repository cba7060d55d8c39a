package org.tocsin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;

class HostilePostsTest {

  @Test
  void everyHostilePostIsValidAndRoundTrips() throws Exception {
    assertThat(HostilePosts.all()).hasSizeGreaterThanOrEqualTo(6);
    for (Post p : HostilePosts.all()) {
      String line = PostJson.write(p);
      assertThat(line).doesNotContain("\n", "\r", "\u0000");
      assertThat(line.getBytes(StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(PostJson.MAX_LINE_BYTES);
      assertThat(PostJson.read(line)).as(p.id()).isEqualTo(p);
      assertThat(p.platform()).isEqualTo(HostilePosts.PLATFORM);
    }
  }

  @Test
  void idsAndAuthorsAreDistinct() {
    assertThat(HostilePosts.all().stream().map(Post::id).distinct().count())
        .isEqualTo(HostilePosts.all().size());
    assertThat(HostilePosts.all().stream().map(p -> p.author().id()).distinct().count())
        .isEqualTo(HostilePosts.all().size());
  }

  @Test
  void carriesThePayloadsItPromises() {
    Post xss = HostilePosts.scriptInjection();
    assertThat(xss.text()).contains("<script>", "onerror=");
    assertThat(xss.author().handle()).contains("<script>");
    assertThat(xss.author().displayName()).contains("onerror=");
    assertThat(xss.url()).startsWith("javascript:");
    assertThat(HostilePosts.bidiOverride().text()).contains("\u202E");
    assertThat(HostilePosts.bidiOverride().author().handle()).contains("\u202E");
    assertThat(HostilePosts.longText().text()).hasSize(HostilePosts.LONG_TEXT_CHARS);
    assertThat(HostilePosts.emoji().text().codePoints().anyMatch(c -> c > 0xFFFF)).isTrue();
    String controls = HostilePosts.controls().text();
    for (char c = 1; c < 0x20; c++) {
      assertThat(controls).contains(String.valueOf(c));
    }
    assertThat(controls).doesNotContain("\u0000");
  }
}
