package org.tocsin.nlp.baseline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tocsin.core.score.Ground;

/**
 * The names people use for the target groups of the taxonomy: every {@link LexiconCategory#GROUP}
 * entry of the lexicons names its group ({@code muslims}, {@code moslems}, {@code muslime}, {@code
 * мусульмане} all name {@code muslim}). Lets a search or an alert rule accept the word a person
 * types, and say what it means, instead of matching nothing. Slurs are not aliases: nobody should
 * have to type one to filter. Immutable and thread-safe.
 */
public final class TargetAliases {
  /** Where an alias leads: the group's taxonomy name and legal ground. */
  public record Group(String name, Ground ground, Set<String> aliases) {
    /** Freezes the aliases. */
    public Group {
      Objects.requireNonNull(name, "name");
      aliases = Set.copyOf(aliases);
    }
  }

  private final Map<String, Group> groups;
  private final Map<String, String> aliasToGroup;

  private TargetAliases(Map<String, Group> groups, Map<String, String> aliasToGroup) {
    this.groups = groups;
    this.aliasToGroup = aliasToGroup;
  }

  /** The aliases of the lexicons bundled in this jar (every language). */
  public static TargetAliases shipped() {
    return Holder.SHIPPED;
  }

  private static final class Holder {
    static final TargetAliases SHIPPED = of(LexiconScorer.loadDefault().lexicons().values());
  }

  /**
   * The aliases the group entries of some lexicons give. A term that two lexicons give to two
   * different groups is an alias of neither (ambiguous), but each group's own name stays its own.
   */
  public static TargetAliases of(Collection<Lexicon> lexicons) {
    Map<String, Ground> grounds = new TreeMap<>();
    Map<String, Set<String>> groupsOfTerm = new TreeMap<>();
    for (Lexicon l : lexicons) {
      for (LexiconEntry e : l.entries()) {
        if (e.category() == LexiconCategory.GROUP) {
          grounds.putIfAbsent(e.group(), e.ground());
          groupsOfTerm.computeIfAbsent(key(e.term()), k -> new TreeSet<>()).add(e.group());
        }
      }
    }
    Map<String, String> aliasToGroup = new TreeMap<>();
    Map<String, Set<String>> aliasesOf = new TreeMap<>();
    grounds.keySet().forEach(g -> aliasesOf.put(g, new TreeSet<>()));
    groupsOfTerm.forEach(
        (term, gs) -> {
          if (gs.size() == 1 && !grounds.containsKey(term)) {
            String g = gs.iterator().next();
            aliasToGroup.put(term, g);
            aliasesOf.get(g).add(term);
          }
        });
    grounds.keySet().forEach(g -> aliasToGroup.put(key(g), g));
    Map<String, Group> groups = new TreeMap<>();
    grounds.forEach((g, ground) -> groups.put(g, new Group(g, ground, aliasesOf.get(g))));
    return new TargetAliases(Map.copyOf(groups), Map.copyOf(aliasToGroup));
  }

  /** The groups, by taxonomy name, each with its ground and aliases. */
  public Map<String, Group> groups() {
    return new TreeMap<>(groups);
  }

  /**
   * The group a name stands for: the group itself, or the group an alias names ({@code Muslims}
   * gives {@code muslim}); case and surrounding spaces do not matter.
   */
  public Optional<String> resolve(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(aliasToGroup.get(key(name)));
  }

  /**
   * Up to {@code max} group names a mistyped name may have meant: groups whose name or an alias
   * starts like it or lies within two edits of it, closest first.
   */
  public List<String> suggest(String name, int max) {
    String k = key(name == null ? "" : name);
    if (k.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> best = new TreeMap<>();
    aliasToGroup.forEach(
        (alias, group) -> {
          int d = distance(k, alias);
          if (alias.startsWith(k) || k.startsWith(alias) && alias.length() >= 3) {
            d = Math.min(d, 1);
          }
          if (d <= 2) {
            best.merge(group, d, Math::min);
          }
        });
    List<String> out = new ArrayList<>(best.keySet());
    out.sort(Comparator.comparingInt((String g) -> best.get(g)).thenComparing(g -> g));
    return List.copyOf(out.subList(0, Math.min(max, out.size())));
  }

  private static String key(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Levenshtein distance, stopping early past 2 (all a suggestion needs). */
  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2) {
      return 3;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > 2) {
        return 3;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
