package org.tocsin.testkit.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;
import org.tocsin.testkit.RealPosts;

/** Checks the demo corpus that the api module ships, as checked in. */
class ShippedDemoCorpusTest {

  /** The shipped corpus, relative to this module's folder (the tests' working directory). */
  static final Path CORPUS =
      Path.of("../node/src/main/resources/org/tocsin/node/demo", DemoCorpusBuilder.CORPUS_FILE);

  private static final List<String> LINES = new ArrayList<>();
  private static final List<Post> POSTS = new ArrayList<>();

  @BeforeAll
  static void readCorpus() throws Exception {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(CORPUS)), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        LINES.add(line);
        POSTS.add(PostJson.read(line));
      }
    }
  }

  @Test
  void parsesFullyAndFitsTheBudget() throws IOException {
    assertThat(Files.size(CORPUS)).isLessThanOrEqualTo(DemoCorpusBuilder.MAX_CORPUS_BYTES);
    assertThat(POSTS).hasSizeGreaterThan(15_000);
    assertThat(POSTS.stream().map(p -> p.key().toString()).distinct().count())
        .isEqualTo(POSTS.size());
    assertThat(CORPUS.resolveSibling(DemoCorpusBuilder.ATTRIBUTION_FILE)).isRegularFile();
  }

  @Test
  void roundTripsLineForLine() throws Exception {
    for (int i = 0; i < LINES.size(); i++) {
      assertThat(PostJson.write(POSTS.get(i))).isEqualTo(LINES.get(i));
    }
  }

  @Test
  void holdsNoHateXplainTestSplitPost() throws IOException {
    Set<String> testIds = new HashSet<>();
    try (InputStream in = getClass().getResourceAsStream("hatexplain-test-split-ids.txt")) {
      assertThat(in).isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.endsWith("_twitter")) {
          testIds.add(line.substring(0, line.length() - "_twitter".length()));
        }
      }
    }
    assertThat(testIds).hasSize(885);
    int hatexplain = 0;
    for (Post p : POSTS) {
      JsonNode hx = p.extra().get(HateXplainPosts.EXTRA_FIELD);
      if (hx != null) {
        hatexplain++;
        assertThat(hx.path("split").asText()).isNotEqualTo(HateXplainPosts.TEST_SPLIT);
        assertThat(testIds).as("test-split post %s", p.id()).doesNotContain(p.id());
      }
    }
    assertThat(hatexplain).isEqualTo(DemoCorpusBuilder.HATEXPLAIN_POSTS);
  }

  @Test
  void spansManyIraAccountsInTheWindows() {
    Set<String> accounts = new HashSet<>();
    for (Post p : POSTS) {
      if (p.extra().containsKey(IraTweets.EXTRA_FIELD)) {
        accounts.add(p.author().id());
        assertThat(DemoCorpusBuilder.WINDOWS.stream().anyMatch(w -> w.contains(p.createdAt())))
            .isTrue();
      }
    }
    assertThat(accounts).hasSizeGreaterThanOrEqualTo(40);
  }

  @Test
  void theTestkitSampleComesFromTheCorpus() {
    assertThat(new HashSet<>(LINES)).containsAll(RealPosts.sampleLines());
  }
}
