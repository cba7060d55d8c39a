package org.tocsin.index.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.Factors;
import org.tocsin.core.score.Ground;
import org.tocsin.core.score.Score;
import org.tocsin.core.score.TargetScore;

/**
 * Generates a corpus of any size from the real texts of the demo corpus: each post takes the text
 * of a real one, an author from a pool whose activity follows a power law, a time in a 90-day
 * window, hashtags from a skewed pool, a platform and a score. Deterministic for a seed.
 */
final class BenchCorpus {

  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  static final int DAYS = 90;
  static final int AUTHORS = 50_000;
  static final int CAMPAIGNS = 50;

  private static final String[] PLATFORMS = {
    "twitter", "twitter", "twitter", "gab", "telegram", "reddit", "mastodon", "bluesky"
  };
  private static final String[][] GROUPS = {
    {"muslim", "religious"}, {"jewish", "religious"}, {"refugee", "migration_status"},
    {"migrant", "migration_status"}, {"african", "racial"}, {"women", "gender"},
    {"homosexual", "sexual_orientation"}, {"arab", "ethnic"}, {"hispanic", "ethnic"},
    {"roma", "ethnic"}
  };
  private static final String[] HASHTAGS = new String[200];

  static {
    for (int i = 0; i < HASHTAGS.length; i++) {
      HASHTAGS[i] = "tag" + i;
    }
  }

  private final List<Post> base;
  private final Random random;

  private BenchCorpus(List<Post> base, long seed) {
    this.base = base;
    this.random = new Random(seed);
  }

  /** Reads the demo corpus (Post JSONL, gzipped). */
  static BenchCorpus load(Path demo, long seed) throws IOException {
    List<Post> posts = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(demo)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          try {
            posts.add(PostJson.read(line));
          } catch (PostFormatException e) {
            throw new IOException("demo corpus line is not Post JSON: " + e.getMessage(), e);
          }
        }
      }
    }
    return new BenchCorpus(posts, seed);
  }

  /** How many real texts the corpus draws on. */
  int baseSize() {
    return base.size();
  }

  /** The next {@code n} posts; post {@code i} has ledger seq {@code i + 1}. */
  List<ScoredPost> next(long first, int n) {
    List<ScoredPost> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(post(first + k));
    }
    return out;
  }

  private ScoredPost post(long i) {
    Post b = base.get((int) (i % base.size()));
    int author = (int) (AUTHORS * Math.pow(random.nextDouble(), 3));
    Instant t = START.plusMillis((long) (random.nextDouble() * DAYS * 86_400_000L));
    List<String> tags = new ArrayList<>(b.hashtags());
    int extra = random.nextInt(3);
    for (int h = 0; h < extra; h++) {
      tags.add(HASHTAGS[(int) (HASHTAGS.length * Math.pow(random.nextDouble(), 2))]);
    }
    String platform = PLATFORMS[random.nextInt(PLATFORMS.length)];
    Post p =
        new Post(
            platform,
            "b" + i,
            null,
            new Author("a" + author, "user_" + author, null, null, null),
            t,
            b.text(),
            b.lang(),
            null,
            null,
            null,
            List.of(),
            tags,
            List.of(),
            List.of(),
            null,
            null,
            null);
    return new ScoredPost(p, score(), new EvidenceRef(i + 1, digest(i), t.plusSeconds(5)));
  }

  private Score score() {
    double hate = Math.pow(random.nextDouble(), 2);
    double offensive = (1 - hate) * random.nextDouble();
    List<TargetScore> targets = new ArrayList<>();
    int n = hate > 0.3 ? 1 + random.nextInt(2) : 0;
    for (int k = 0; k < n; k++) {
      String[] g = GROUPS[(int) (GROUPS.length * Math.pow(random.nextDouble(), 1.5))];
      targets.add(new TargetScore(g[0], Ground.fromJson(g[1]), 0.8));
    }
    return new Score(
        "bench",
        "1",
        hate,
        offensive,
        hate * random.nextDouble(),
        hate * random.nextDouble(),
        targets,
        Factors.NONE,
        new Explanation(List.of(), List.of(), List.of()));
  }

  /** Campaign ids of the post with seq {@code i + 1}: 1 post in 50 is in one. */
  static List<String> campaigns(long i) {
    return i % 50 == 0 ? List.of("camp-" + (i / 50) % CAMPAIGNS) : List.of();
  }

  private static String digest(long i) {
    byte[] b = new byte[32];
    for (int k = 0; k < 8; k++) {
      b[k] = (byte) (i >>> (8 * k));
    }
    return HexFormat.of().formatHex(b);
  }
}
