package org.tocsin.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.tocsin.core.post.PostKey;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.core.score.TargetScore;

/**
 * The fixture corpus indexed with campaign ids, and brute-force answers computed from the posts
 * themselves, to check filters, facets and histograms against.
 */
final class StatsCorpus {

  static final String BOATS = "c-boats";
  static final String RALLY = "c-Rally";

  /** Campaign ids by post id. */
  static final Map<String, List<String>> CAMPAIGNS =
      Map.of(
          "1720000000000000001", List.of(BOATS),
          "1720000000000000010", List.of(BOATS),
          "1720000000000000012", List.of(BOATS),
          "1720000000000000013", List.of(BOATS, RALLY),
          "patriots_front/48812", List.of(RALLY),
          "patriots_front/48830", List.of(RALLY));

  private StatsCorpus() {}

  /** Opens an index in {@code dir} holding the fixture corpus with its campaigns, committed. */
  static PostIndex open(Path dir) throws IOException {
    List<ScoredPost> posts = TestPosts.all();
    PostIndex index = PostIndex.open(dir);
    index.add(posts, campaignsByKey(posts));
    index.commit(posts.size());
    return index;
  }

  static Map<PostKey, List<String>> campaignsByKey(List<ScoredPost> posts) {
    Map<PostKey, List<String>> out = new java.util.HashMap<>();
    for (ScoredPost sp : posts) {
      List<String> ids = CAMPAIGNS.get(sp.post().id());
      if (ids != null) {
        out.put(sp.post().key(), ids);
      }
    }
    return out;
  }

  /** The ids of the fixture posts that satisfy a predicate, sorted. */
  static Set<String> ids(Predicate<ScoredPost> p) {
    Set<String> out = new TreeSet<>();
    TestPosts.all().stream().filter(p).forEach(sp -> out.add(sp.post().id()));
    return out;
  }

  /** The values a post carries in a facet, as the index normalises them. */
  static Collection<String> values(ScoredPost sp, String facet) {
    Set<String> out = new TreeSet<>();
    switch (facet) {
      case "target" -> sp.score().targets().forEach(t -> out.add(lower(t.group())));
      case "ground" -> sp.score().targets().forEach(t -> out.add(t.ground().jsonName()));
      case "language" -> addIfSet(out, sp.post().lang());
      case "platform" -> out.add(lower(sp.post().platform()));
      case "label" -> out.add(sp.score().label());
      case "campaign" -> out.addAll(CAMPAIGNS.getOrDefault(sp.post().id(), List.of()));
      case "author" -> out.add(lower(sp.post().author().handle()).replaceFirst("^@+", ""));
      default -> throw new IllegalArgumentException("unknown facet [got " + facet + "]");
    }
    return out;
  }

  static boolean targets(ScoredPost sp, String group) {
    for (TargetScore t : sp.score().targets()) {
      if (lower(t.group()).equals(group)) {
        return true;
      }
    }
    return false;
  }

  static boolean inRange(ScoredPost sp, Instant from, Instant to) {
    Instant t = sp.post().createdAt();
    return !t.isBefore(from) && t.isBefore(to);
  }

  static List<String> hitIds(SearchResult r) {
    List<String> out = new ArrayList<>();
    r.hits().forEach(h -> out.add(h.post().post().id()));
    return out;
  }

  private static void addIfSet(Set<String> out, String v) {
    if (v != null && !v.isEmpty()) {
      out.add(lower(v));
    }
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
