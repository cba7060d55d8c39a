package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tocsin.core.json.Json;
import org.tocsin.nlp.baseline.TargetAliases;

/**
 * Plain-language hints about the target groups a search names. The {@code target} filter accepts
 * aliases ({@code muslims}, {@code Muslime}) and says how it read them; a {@code target:} term in
 * the query is searched as written (it is query syntax), so when a search finds nothing, each such
 * term that is an alias or a typo gets a hint naming the group and the query term to use instead.
 */
final class TargetHints {
  private static final Pattern TERM =
      Pattern.compile("(?<![\\p{L}\\p{N}_])target:(\"([^\"]{1,100})\"|([^\\s()\"]{1,100}))");

  private TargetHints() {}

  /** The target filter's values as the index knows them: each alias read as its group. */
  static String[] resolve(String[] values) {
    String[] out = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = TargetAliases.shipped().resolve(values[i]).orElse(values[i]);
    }
    return out;
  }

  /**
   * The hints for a search: one per target filter value read as a group of another name, and, if
   * nothing matched, one per {@code target:} query term that names no group as written.
   */
  static ArrayNode of(String query, List<String> filterValues, long total) {
    TargetAliases aliases = TargetAliases.shipped();
    ArrayNode hints = Json.mapper().createArrayNode();
    for (String v : filterValues) {
      Optional<String> g = aliases.resolve(v);
      if (g.isPresent() && !g.get().equals(v)) {
        hints
            .addObject()
            .put("kind", "target_alias")
            .put("given", v)
            .put("group", g.get())
            .put("message", "target group \"" + v + "\" read as " + g.get());
      } else if (g.isEmpty() && total == 0) {
        unknown(hints, v, "target filter \"" + v + "\"", aliases, null);
      }
    }
    if (total > 0 || query == null) {
      return hints;
    }
    Matcher m = TERM.matcher(query);
    while (m.find() && hints.size() < 10) {
      String written = m.group(2) != null ? m.group(2) : m.group(3);
      String term = m.group();
      Optional<String> g = aliases.resolve(written);
      if (g.isPresent() && !g.get().equals(written.toLowerCase(Locale.ROOT))) {
        String use = "target:" + g.get();
        hints
            .addObject()
            .put("kind", "target_alias")
            .put("given", written)
            .put("group", g.get())
            .put("replace", term)
            .put("with", use)
            .put(
                "message",
                term + " matches no group: the group is called " + g.get() + "; search " + use);
      } else if (g.isEmpty()) {
        unknown(hints, written, term, aliases, term);
      }
    }
    return hints;
  }

  private static void unknown(
      ArrayNode hints, String written, String what, TargetAliases aliases, String term) {
    List<String> near = aliases.suggest(written, 3);
    ObjectNode h = hints.addObject().put("kind", "target_unknown").put("given", written);
    ArrayNode s = h.putArray("suggestions");
    near.forEach(s::add);
    if (near.isEmpty()) {
      h.put("message", what + " names no known target group (GET /api/v1/scoring/targets)");
    } else {
      h.put(
          "message",
          what + " names no known target group; did you mean " + String.join(", ", near) + "?");
      if (term != null) {
        h.put("replace", term).put("with", "target:" + near.get(0));
      }
    }
  }
}
