package org.tocsin.campaigns.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.PostKey;
import org.tocsin.core.score.Score;
import org.tocsin.core.score.TargetScore;

/** Builds a campaign's harm profile and timeline from its posts. */
final class Harm {

  private Harm() {}

  static HarmProfile profile(List<Post> posts, Map<PostKey, Score> scores) {
    int scored = 0;
    int hate = 0;
    int offensive = 0;
    int incitement = 0;
    Map<String, Integer> targets = new HashMap<>();
    Map<String, Integer> languages = new HashMap<>();
    for (Post p : posts) {
      languages.merge(p.lang() == null ? "und" : p.lang(), 1, Integer::sum);
      Score s = scores.get(p.key());
      if (s == null) {
        continue;
      }
      scored++;
      String label = s.label();
      hate += label.equals("hate") ? 1 : 0;
      offensive += label.equals("offensive") ? 1 : 0;
      incitement += s.incitement() >= HarmProfile.INCITEMENT_THRESHOLD ? 1 : 0;
      s.targets().stream()
          .filter(ts -> ts.confidence() >= HarmProfile.TARGET_THRESHOLD)
          .map(TargetScore::group)
          .distinct()
          .forEach(g -> targets.merge(g, 1, Integer::sum));
    }
    return new HarmProfile(
        scored,
        scored == 0 ? null : (double) hate / scored,
        scored == 0 ? null : (double) offensive / scored,
        scored == 0 ? null : (double) incitement / scored,
        byCount(targets),
        byCount(languages));
  }

  static List<TimelineBucket> timeline(List<Post> posts, Duration bucket) {
    long width = bucket.toMillis();
    TreeMap<Long, Integer> counts = new TreeMap<>();
    for (Post p : posts) {
      long start = Math.floorDiv(p.createdAt().toEpochMilli(), width) * width;
      counts.merge(start, 1, Integer::sum);
    }
    List<TimelineBucket> out = new ArrayList<>(counts.size());
    counts.forEach((start, n) -> out.add(new TimelineBucket(Instant.ofEpochMilli(start), n)));
    return out;
  }

  private static Map<String, Integer> byCount(Map<String, Integer> m) {
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(m.entrySet());
    entries.sort(
        Map.Entry.<String, Integer>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Integer> out = new LinkedHashMap<>();
    entries.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
