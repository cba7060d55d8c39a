package org.tocsin.nlp.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.tocsin.nlp.baseline.TestPosts.post;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Metrics;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Factor;
import org.tocsin.core.score.Score;

/** Random hostile text never breaks the scorer; reproduce a failure with -Dtests.seed=N. */
class LexiconScorerFuzzTest {
  private static final LexiconScorer SCORER = LexiconScorer.loadDefault();
  private static final List<String> WORDS =
      List.of(
          "kill",
          "rohingya",
          "vermin",
          "we must",
          "tonight",
          "kike",
          "let's",
          "wipe out",
          "jews'",
          "#KillAll",
          "@user",
          "https://x.y/z",
          "rats",
          "asylum seekers",
          "fucking",
          "the");
  private static final int[] ODD = {
    0, 7, 0x1F, 0x7F, 0xAD, 0x200B, 0x200D, 0x200F, 0x202E, 0x2019, 0xFEFF, 0xFFFD, 0x0301
  };

  @Test
  void randomUnicodeNeverThrowsAndAlwaysGivesValidScores() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    for (int i = 0; i < 3_000; i++) {
      int length = i % 500 == 0 ? 100_000 + random.nextInt(20_000) : random.nextInt(300);
      Post p = randomPost(random, length);
      String where = "seed=" + seed + " iteration=" + i;
      AtomicReference<Score> score = new AtomicReference<>();
      assertThatCode(() -> score.set(SCORER.score(p))).as(where).doesNotThrowAnyException();
      assertValid(score.get(), where);
    }
  }

  private static Post randomPost(Random random, int length) {
    StringBuilder sb = new StringBuilder(length + 16);
    while (sb.length() < length) {
      switch (random.nextInt(8)) {
        case 0 -> sb.append(WORDS.get(random.nextInt(WORDS.size())));
        case 1 -> sb.append(' ');
        case 2 -> sb.appendCodePoint(ODD[random.nextInt(ODD.length)]);
        case 3 -> sb.append((char) (0xD800 + random.nextInt(0x800))); // lone surrogates
        case 4 -> sb.appendCodePoint(0x1F300 + random.nextInt(0x300)); // emoji
        case 5 -> sb.appendCodePoint(0x0590 + random.nextInt(0x200)); // Hebrew, Arabic (RTL)
        case 6 -> sb.appendCodePoint(random.nextInt(0x80));
        default -> {
          int cp = random.nextInt(Character.MAX_CODE_POINT + 1);
          if (Character.isValidCodePoint(cp)) {
            sb.appendCodePoint(cp);
          }
        }
      }
    }
    Long[] counts = {null, 0L, -5L, 1_204L, Long.MAX_VALUE};
    Metrics metrics =
        new Metrics(
            counts[random.nextInt(counts.length)],
            counts[random.nextInt(counts.length)],
            counts[random.nextInt(counts.length)],
            null);
    String[] langs = {null, "en", "ar", "my", "", "en-US", "\u202E<script>", "x".repeat(100)};
    return post(
        sb.toString(),
        langs[random.nextInt(langs.length)],
        metrics,
        counts[random.nextInt(counts.length)]);
  }

  private static void assertValid(Score s, String where) {
    assertThat(s).as(where).isNotNull();
    assertThat(s.hate() + s.offensive()).as(where).isLessThanOrEqualTo(1.0 + 1e-9);
    assertThat(s.label()).as(where).isIn("hate", "offensive", "normal");
    assertThat(s.incitement()).as(where).isBetween(0.0, 1.0);
    assertThat(s.dehumanization()).as(where).isBetween(0.0, 1.0);
    var f = s.factors();
    for (Factor factor :
        List.of(f.context(), f.speaker(), f.intent(), f.content(), f.extent(), f.likelihood())) {
      assertThat(factor.score()).as(where).isBetween(0.0, 1.0);
      assertThat(factor.evidence()).as(where).isNotEmpty().allMatch(e -> e.length() < 300);
    }
    assertThat(s.explanation().tokens())
        .as(where)
        .hasSizeLessThanOrEqualTo(50)
        .allMatch(t -> t.weight() >= 0 && t.weight() <= 1 && t.token().length() <= 400);
    assertThat(s.explanation().notes())
        .as(where)
        .isNotEmpty()
        .noneMatch(n -> n.contains("could not judge"));
  }
}
