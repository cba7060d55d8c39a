package org.tocsin.testkit.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tocsin.core.post.Post;

/**
 * Counts over a built corpus, for the attribution file and the builder's report.
 *
 * @param total posts in all
 * @param perSource posts per source ({@code ira}, {@code hatexplain}, {@code other})
 * @param perLabel HateXplain posts per label
 * @param perLanguage posts per language tag ({@code (none)} when unknown)
 * @param iraPerCategory IRA posts per account category
 * @param iraAccountsPerCategory IRA accounts per account category
 * @param authorsPerSource distinct author ids per source
 * @param firstPerSource the earliest post time per source
 * @param lastPerSource the latest post time per source
 */
public record CorpusStats(
    int total,
    Map<String, Integer> perSource,
    Map<String, Integer> perLabel,
    Map<String, Integer> perLanguage,
    Map<String, Integer> iraPerCategory,
    Map<String, Integer> iraAccountsPerCategory,
    Map<String, Integer> authorsPerSource,
    Map<String, Instant> firstPerSource,
    Map<String, Instant> lastPerSource) {

  /** The source of a post of the demo corpus, from its unknown fields. */
  public static String sourceOf(Post p) {
    if (p.extra().containsKey(IraTweets.EXTRA_FIELD)) {
      return "ira";
    }
    if (p.extra().containsKey(HateXplainPosts.EXTRA_FIELD)) {
      return "hatexplain";
    }
    return "other";
  }

  /** Counts {@code posts}. */
  public static CorpusStats of(List<Post> posts) {
    Map<String, Integer> perSource = new TreeMap<>();
    Map<String, Integer> perLabel = new TreeMap<>();
    Map<String, Integer> perLanguage = new TreeMap<>();
    Map<String, Integer> perCategory = new TreeMap<>();
    Map<String, Set<String>> accountsPerCategory = new TreeMap<>();
    Map<String, Set<String>> authors = new TreeMap<>();
    Map<String, Instant> first = new TreeMap<>();
    Map<String, Instant> last = new TreeMap<>();
    for (Post p : posts) {
      String source = sourceOf(p);
      perSource.merge(source, 1, Integer::sum);
      perLanguage.merge(p.lang() == null ? "(none)" : p.lang(), 1, Integer::sum);
      authors.computeIfAbsent(source, s -> new HashSet<>()).add(p.author().id());
      first.merge(source, p.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
      last.merge(source, p.createdAt(), (a, b) -> a.isAfter(b) ? a : b);
      JsonNode hx = p.extra().get(HateXplainPosts.EXTRA_FIELD);
      if (hx != null) {
        perLabel.merge(hx.path("label").asText(), 1, Integer::sum);
      }
      JsonNode ira = p.extra().get(IraTweets.EXTRA_FIELD);
      if (ira != null) {
        String category = ira.path("accountCategory").asText();
        perCategory.merge(category, 1, Integer::sum);
        accountsPerCategory.computeIfAbsent(category, c -> new HashSet<>()).add(p.author().id());
      }
    }
    Map<String, Integer> accounts = new TreeMap<>();
    accountsPerCategory.forEach((c, s) -> accounts.put(c, s.size()));
    Map<String, Integer> authorCounts = new TreeMap<>();
    authors.forEach((s, ids) -> authorCounts.put(s, ids.size()));
    return new CorpusStats(
        posts.size(),
        perSource,
        perLabel,
        perLanguage,
        perCategory,
        accounts,
        authorCounts,
        first,
        last);
  }
}
