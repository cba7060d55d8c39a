package org.tocsin.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tocsin.api.problems.ApiException;
import org.tocsin.index.InvalidQueryException;
import org.tocsin.index.PostIndex;
import org.tocsin.index.SearchFilters;
import org.tocsin.index.stats.Facet;
import org.tocsin.index.stats.FacetCounts;
import org.tocsin.index.stats.FacetValue;
import org.tocsin.nlp.baseline.TargetAliases;

/**
 * Checks an alert rule's target groups before it is saved: each alias becomes its group ({@code
 * muslims} is saved as {@code muslim}, which is what scores carry), and a name that is neither a
 * group of the taxonomy nor one found in the index is refused in plain words with the nearest
 * groups, since a rule on it could never fire.
 */
final class RuleTargets {
  private RuleTargets() {}

  /**
   * Rewrites {@code targets} of a rule body to group names.
   *
   * @throws ApiException 400 {@code invalid_body} naming each unknown group and what it may mean
   * @throws IOException if the index cannot be read
   */
  static void normalise(ObjectNode body, PostIndex index) throws IOException {
    JsonNode targets = body.get("targets");
    if (targets == null || !targets.isArray() || targets.isEmpty()) {
      return;
    }
    TargetAliases aliases = TargetAliases.shipped();
    Set<String> out = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    Set<String> indexed = null;
    for (JsonNode t : targets) {
      if (!t.isTextual()) {
        return; // the rule reader refuses it with its own message
      }
      String name = t.textValue();
      Optional<String> g = aliases.resolve(name);
      if (g.isPresent()) {
        out.add(g.get());
        continue;
      }
      if (indexed == null) {
        indexed = indexedGroups(index);
      }
      String lower = name.strip().toLowerCase(java.util.Locale.ROOT);
      if (indexed.contains(lower)) {
        out.add(lower);
        continue;
      }
      List<String> near = aliases.suggest(name, 3);
      problems.add(
          "\""
              + name
              + "\" is not a target group Tocsin knows, so the rule could never fire"
              + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?"));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(
          400,
          "invalid_body",
          "target groups: "
              + String.join("; ", problems)
              + " (the groups and their other names: GET /api/v1/scoring/targets)");
    }
    ArrayNode arr = body.putArray("targets");
    out.forEach(arr::add);
  }

  private static Set<String> indexedGroups(PostIndex index) throws IOException {
    Set<String> out = new TreeSet<>();
    try {
      for (FacetCounts c :
          index.facets("", SearchFilters.NONE, List.of(Facet.TARGET), 1000).facets()) {
        for (FacetValue v : c.top()) {
          out.add(v.value());
        }
      }
    } catch (InvalidQueryException e) {
      throw new IllegalStateException("the empty query is always valid", e);
    }
    return out;
  }
}
