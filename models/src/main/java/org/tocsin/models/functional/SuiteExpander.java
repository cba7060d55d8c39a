package org.tocsin.models.functional;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;

/**
 * Expands one language and part of the suite into cases, deterministically: every template x every
 * group it is for x every filler of its slot that fits the group; then the obfuscated cases, made
 * by {@link Obfuscator} from hateful cases of the same part chosen with a fixed seed.
 */
final class SuiteExpander {
  /** The seed of the choice of obfuscated cases. */
  static final long SEED = 14L;

  private SuiteExpander() {}

  /** How many obfuscated cases each group gets per transform in {@code lang}. */
  static int obfuscatedPerGroup(String lang) {
    return lang.equals("en") ? 2 : 1;
  }

  /** The cases of {@code part} in {@code suite}'s language, in a stable order. */
  static List<FunctionalCase> expand(LanguageSuite suite, Part part) {
    List<FunctionalCase> out = new ArrayList<>();
    List<TemplateRenderer.Rendered> rendered = new ArrayList<>();
    Locale locale = Locale.forLanguageTag(suite.lang());
    for (Template t : suite.templates(part)) {
      List<String> groups =
          t.groups() == null
              ? new ArrayList<>(suite.groupIds())
              : t.groups().isEmpty() ? List.of(FunctionalCase.NO_GROUP) : List.copyOf(t.groups());
      String slot = slot(suite, t.text());
      for (String g : groups) {
        GroupForms variant = variant(suite, t, g, part);
        List<Filler> fillers =
            slot == null ? Collections.singletonList(null) : suite.fillers(slot, part, g);
        for (Filler f : fillers) {
          TemplateRenderer.Rendered r =
              TemplateRenderer.render(
                  t.text(), variant, f, slot == null ? List.of() : suite.slots().get(slot), locale);
          String id = t.id() + "." + g + (f == null ? "" : "." + f.index());
          out.add(
              new FunctionalCase(
                  id,
                  suite.lang(),
                  part,
                  t.function(),
                  g,
                  t.hateful(),
                  t.incitement(),
                  r.text(),
                  t.id(),
                  null,
                  null));
          rendered.add(r);
        }
      }
    }
    out.addAll(obfuscated(suite.lang(), part, out, rendered));
    return out;
  }

  private static String slot(LanguageSuite suite, String text) {
    Matcher m = SuiteReader.PLACEHOLDER.matcher(text);
    while (m.find()) {
      for (Map.Entry<String, List<String>> e : suite.slots().entrySet()) {
        if (e.getValue().contains(m.group(1))) {
          return e.getKey();
        }
      }
    }
    return null;
  }

  private static GroupForms variant(LanguageSuite suite, Template t, String g, Part part) {
    if (g.equals(FunctionalCase.NO_GROUP)) {
      return null;
    }
    List<GroupForms> variants = suite.variants(g, part);
    if (variants.isEmpty()) {
      throw new SuiteFormatException(
          "groups/" + suite.lang() + ".tsv", "group " + g + " has no form for part " + part.dir());
    }
    return variants.get(Math.floorMod((t.id() + "/" + g).hashCode(), variants.size()));
  }

  private static List<FunctionalCase> obfuscated(
      String lang, Part part, List<FunctionalCase> cases, List<TemplateRenderer.Rendered> r) {
    Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
    for (int i = 0; i < cases.size(); i++) {
      FunctionalCase c = cases.get(i);
      if (c.hateful() && !c.group().equals(FunctionalCase.NO_GROUP)) {
        byGroup.computeIfAbsent(c.group(), k -> new ArrayList<>()).add(i);
      }
    }
    int k = obfuscatedPerGroup(lang);
    List<FunctionalCase> out = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : byGroup.entrySet()) {
      List<Integer> pool = new ArrayList<>(e.getValue());
      pool.sort(Comparator.comparing(i -> cases.get(i).id()));
      Collections.shuffle(
          pool, new Random(SEED ^ (lang + "/" + part + "/" + e.getKey()).hashCode()));
      int next = 0;
      for (Obfuscation o : Obfuscation.values()) {
        int made = 0;
        for (int tries = 0; made < k && tries < pool.size(); tries++) {
          int i = pool.get(next++ % pool.size());
          FunctionalCase base = cases.get(i);
          String id = base.id() + ".obf-" + o.id();
          String text = Obfuscator.apply(o, base.text(), r.get(i).inserted(), id.hashCode());
          if (text == null || text.equals(base.text())) {
            continue;
          }
          out.add(
              new FunctionalCase(
                  id,
                  lang,
                  part,
                  CaseFunction.OBFUSCATED,
                  base.group(),
                  true,
                  base.incitement(),
                  text,
                  base.templateId(),
                  o,
                  base.text()));
          made++;
        }
      }
    }
    return out;
  }
}
