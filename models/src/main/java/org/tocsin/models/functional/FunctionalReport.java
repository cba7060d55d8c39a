package org.tocsin.models.functional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The evaluation of one scorer on one part of the suite: the outcomes with language tags and, for
 * the languages other than English, without; sliced by language, function, group and their
 * crossings. {@link ReportTable} prints it; {@link #json} writes it.
 *
 * @param part the part scored
 * @param model the scorer's model name
 * @param version the scorer's version
 * @param tagged the outcomes of posts tagged with their language
 * @param untagged the outcomes of the same cases without a tag (may be empty)
 */
public record FunctionalReport(
    Part part, String model, String version, List<Outcome> tagged, List<Outcome> untagged) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Freezes the lists. */
  public FunctionalReport {
    tagged = List.copyOf(tagged);
    untagged = List.copyOf(untagged);
  }

  /** The measures of {@code outcomes} as a whole. */
  public static Slice overall(List<Outcome> outcomes) {
    return Slice.of(outcomes);
  }

  /** The measures per language, in suite order. */
  public static Map<String, Slice> byLanguage(List<Outcome> outcomes) {
    return by(outcomes, o -> o.fcase().lang());
  }

  /** The measures per function, in {@link CaseFunction} order. */
  public static Map<String, Slice> byFunction(List<Outcome> outcomes) {
    Map<String, Slice> raw = by(outcomes, o -> o.fcase().function().id());
    Map<String, Slice> out = new LinkedHashMap<>();
    for (CaseFunction f : CaseFunction.values()) {
      if (raw.containsKey(f.id())) {
        out.put(f.id(), raw.get(f.id()));
      }
    }
    return out;
  }

  /** The measures per group, in the order groups first appear, {@code none} last. */
  public static Map<String, Slice> byGroup(List<Outcome> outcomes) {
    Map<String, Slice> raw = by(outcomes, o -> o.fcase().group());
    Slice none = raw.remove(FunctionalCase.NO_GROUP);
    if (none != null) {
      raw.put(FunctionalCase.NO_GROUP, none);
    }
    return raw;
  }

  /** The measures per {@code key} value, in the order values first appear. */
  public static Map<String, Slice> by(List<Outcome> outcomes, Function<Outcome, String> key) {
    Map<String, List<Outcome>> groups = new LinkedHashMap<>();
    for (Outcome o : outcomes) {
      groups.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o);
    }
    Map<String, Slice> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Outcome>> e : groups.entrySet()) {
      out.put(e.getKey(), Slice.of(e.getValue()));
    }
    return out;
  }

  /** The outcomes of {@code lang} only. */
  public static List<Outcome> ofLanguage(List<Outcome> outcomes, String lang) {
    return outcomes.stream().filter(o -> o.fcase().lang().equals(lang)).toList();
  }

  /** The whole report as JSON: both runs, each sliced every way. */
  public ObjectNode json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("suite", "tocsin functional suite");
    root.put("part", part.dir());
    root.put("model", model);
    root.put("version", version);
    root.put("cases", tagged.size());
    root.put("label_rule", "hate when Score.label() is hate (hate >= offensive and >= normal)");
    root.put("incitement_threshold", Slice.INCITEMENT_THRESHOLD);
    ObjectNode runs = root.putObject("runs");
    runs.set("tagged", run(tagged));
    if (!untagged.isEmpty()) {
      runs.set("untagged", run(untagged));
    }
    return root;
  }

  private static ObjectNode run(List<Outcome> outcomes) {
    ObjectNode o = JSON.createObjectNode();
    o.set("overall", slice(overall(outcomes)));
    o.set("by_language", slices(byLanguage(outcomes)));
    o.set("by_function", slices(byFunction(outcomes)));
    o.set("by_group", slices(byGroup(outcomes)));
    ObjectNode perLang = o.putObject("by_language_and_function");
    ObjectNode perLangGroup = o.putObject("by_language_and_group");
    for (String lang : byLanguage(outcomes).keySet()) {
      List<Outcome> l = ofLanguage(outcomes, lang);
      perLang.set(lang, slices(byFunction(l)));
      perLangGroup.set(lang, slices(byGroup(l)));
    }
    return o;
  }

  private static ObjectNode slices(Map<String, Slice> slices) {
    ObjectNode o = JSON.createObjectNode();
    slices.forEach((k, v) -> o.set(k, slice(v)));
    return o;
  }

  /** One slice as JSON; an undefined measure is null. */
  static ObjectNode slice(Slice s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("n", s.n());
    put(o, "accuracy", s.accuracy());
    o.put("hateful", s.hateful());
    put(o, "hateful_recall", s.hatefulRecall());
    put(o, "contrast_accuracy", s.contrastAccuracy());
    o.put("identity_neutral", s.neutral());
    put(o, "identity_neutral_fpr", s.neutralFpr());
    o.put("identity_positive", s.positive());
    put(o, "identity_positive_fpr", s.positiveFpr());
    o.put("incitement", s.incitement());
    put(o, "incitement_recall_at_0_5", s.incitementRecall());
    put(o, "incitement_roc_auc", s.incitementAuc());
    return o;
  }

  private static void put(ObjectNode o, String field, double v) {
    if (Double.isNaN(v)) {
      o.putNull(field);
    } else {
      o.put(field, Math.round(v * 10000) / 10000.0);
    }
  }
}
