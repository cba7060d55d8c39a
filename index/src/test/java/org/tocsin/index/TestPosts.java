package org.tocsin.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.Factors;
import org.tocsin.core.score.Ground;
import org.tocsin.core.score.Score;
import org.tocsin.core.score.TargetScore;
import org.tocsin.core.score.TokenWeight;

/**
 * The fixture corpus: 30 posts in Post JSON ({@code posts.jsonl}), in ten languages, with hand-made
 * scores. A post's evidence seq is its line number; its digest is the SHA-256 of the line.
 */
final class TestPosts {

  static final String MODEL = "tocsin-hate";
  static final String VERSION = "2024.03";

  /** id -> {hate, offensive, incitement, dehumanization}; missing ids are benign. */
  private static final Map<String, double[]> SCORES =
      Map.ofEntries(
          Map.entry("1720000000000000001", new double[] {0.82, 0.10, 0.74, 0.55}),
          Map.entry("109876543210", new double[] {0.93, 0.05, 0.66, 0.88}),
          Map.entry("patriots_front/48812", new double[] {0.71, 0.12, 0.91, 0.20}),
          Map.entry("1720000000000000003", new double[] {0.88, 0.08, 0.60, 0.90}),
          Map.entry("1720000000000000004", new double[] {0.95, 0.03, 0.89, 0.85}),
          Map.entry("rus_vestnik/9931", new double[] {0.85, 0.10, 0.70, 0.85}),
          Map.entry("109876543299", new double[] {0.94, 0.04, 0.93, 0.80}),
          Map.entry("1720000000000000006", new double[] {0.02, 0.30, 0.05, 0.0}),
          Map.entry("3kmx7yq2abc9z", new double[] {0.70, 0.20, 0.55, 0.10}),
          Map.entry("t1_kx99abc", new double[] {0.30, 0.55, 0.20, 0.75}),
          Map.entry("patriots_front/48830", new double[] {0.55, 0.10, 0.95, 0.05}),
          Map.entry("1720000000000000008", new double[] {0.80, 0.15, 0.65, 0.30}),
          Map.entry("1720000000000000009", new double[] {0.75, 0.10, 0.80, 0.40}),
          Map.entry("1720000000000000010", new double[] {0.78, 0.12, 0.70, 0.50}),
          Map.entry("109876543355", new double[] {0.90, 0.06, 0.40, 0.80}),
          Map.entry("1720000000000000011", new double[] {0.85, 0.10, 0.88, 0.30}),
          Map.entry("1720000000000000012", new double[] {0.55, 0.25, 0.30, 0.35}),
          Map.entry("1720000000000000013", new double[] {0.97, 0.02, 0.97, 0.70}));

  /** id -> target groups with their grounds. */
  private static final Map<String, List<TargetScore>> TARGETS =
      Map.ofEntries(
          Map.entry("1720000000000000001", List.of(refugee())),
          Map.entry("109876543210", List.of(target("jewish", Ground.RELIGIOUS))),
          Map.entry("patriots_front/48812", List.of(target("muslim", Ground.RELIGIOUS))),
          Map.entry("1720000000000000003", List.of(target("migrant", Ground.MIGRATION_STATUS))),
          Map.entry("1720000000000000004", List.of(target("muslim", Ground.RELIGIOUS))),
          Map.entry("rus_vestnik/9931", List.of(target("migrant", Ground.MIGRATION_STATUS))),
          Map.entry("109876543299", List.of(target("roma", Ground.ETHNIC))),
          Map.entry("3kmx7yq2abc9z", List.of(target("migrant", Ground.MIGRATION_STATUS))),
          Map.entry("t1_kx99abc", List.of(target("migrant", Ground.MIGRATION_STATUS))),
          Map.entry("patriots_front/48830", List.of(refugee())),
          Map.entry("1720000000000000008", List.of(target("syrian", Ground.NATIONAL), refugee())),
          Map.entry("1720000000000000009", List.of(target("tigrayan", Ground.ETHNIC))),
          Map.entry("1720000000000000010", List.of(refugee())),
          Map.entry("109876543355", List.of(target("Jewish", Ground.RELIGIOUS))),
          Map.entry("1720000000000000011", List.of(target("muslim", Ground.RELIGIOUS))),
          Map.entry("1720000000000000012", List.of(refugee())),
          Map.entry("1720000000000000013", List.of(refugee())));

  private TestPosts() {}

  /** All fixture posts, in file order. */
  static List<ScoredPost> all() {
    List<ScoredPost> out = new ArrayList<>();
    try (InputStream in = TestPosts.class.getResourceAsStream("posts.jsonl");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      long seq = 0;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          seq++;
          out.add(scored(PostJson.read(line), seq, sha256(line)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (PostFormatException e) {
      throw new IllegalStateException("fixture line is not Post JSON: " + e.getMessage(), e);
    }
    return out;
  }

  /** The fixture post with a platform id. */
  static ScoredPost byId(String id) {
    return all().stream()
        .filter(sp -> sp.post().id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no fixture post [got " + id + "]"));
  }

  /** A post scored the way the fixture scores it, with the given evidence seq and digest. */
  static ScoredPost scored(Post p, long seq, String sha256) {
    double[] s = SCORES.getOrDefault(p.id(), new double[] {0.02, 0.05, 0.01, 0.0});
    Explanation why =
        new Explanation(
            List.of(new TokenWeight(p.text().split("\\s+")[0], 0.1)), List.of(), List.of("test"));
    Score score =
        new Score(
            MODEL,
            VERSION,
            s[0],
            s[1],
            s[2],
            s[3],
            TARGETS.getOrDefault(p.id(), List.of()),
            Factors.NONE,
            why);
    return new ScoredPost(p, score, new EvidenceRef(seq, sha256, p.createdAt().plusSeconds(30)));
  }

  static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TargetScore refugee() {
    return target("refugee", Ground.MIGRATION_STATUS);
  }

  private static TargetScore target(String group, Ground ground) {
    return new TargetScore(group, ground, 0.9);
  }
}
