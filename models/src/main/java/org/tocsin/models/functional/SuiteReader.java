package org.tocsin.models.functional;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks one language of the suite: {@code groups/L.tsv}, {@code fillers/L.tsv}, {@code
 * train/L.tsv} and {@code test/L.tsv}. Every template is checked against the groups and slots it
 * names, so that a typo fails when the suite is loaded, not as a strange case in a report.
 */
public final class SuiteReader {
  /** The languages of the suite, in report order. */
  public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "ar");

  static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]+)}");
  static final Pattern ALTERNATION = Pattern.compile("\\[([^\\[\\]|]*)\\|([^\\[\\]|]*)]");

  private static final List<String> GROUP_HEADER = List.of("group", "gender", "part");
  private static final List<String> FILLER_HEADER = List.of("part", "slot", "group", "forms");
  private static final List<String> TEMPLATE_HEADER =
      List.of("id", "function", "hateful", "incitement", "groups", "template");

  private SuiteReader() {}

  /**
   * Reads language {@code lang} from {@code source}.
   *
   * @throws SuiteFormatException if a file is missing or malformed
   */
  public static LanguageSuite read(SuiteSource source, String lang) throws IOException {
    List<GroupForms> groups = readGroups(source, lang);
    Set<String> groupIds = new LinkedHashSet<>();
    Set<String> groupKeys = new HashSet<>();
    for (GroupForms g : groups) {
      groupIds.add(g.group());
      groupKeys.addAll(g.forms().keySet());
    }
    Map<String, List<String>> slots = new LinkedHashMap<>();
    List<Filler> fillers = readFillers(source, lang, groupIds, slots);
    Map<String, String> formToSlot = new HashMap<>();
    for (Map.Entry<String, List<String>> e : slots.entrySet()) {
      for (String form : e.getValue()) {
        if (groupKeys.contains(form) || formToSlot.put(form, e.getKey()) != null) {
          throw new SuiteFormatException(
              source.name() + "/fillers/" + lang + ".tsv",
              "form name " + form + " is used twice (by a slot or a group key)");
        }
      }
    }
    List<Template> templates = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Part part : Part.values()) {
      templates.addAll(readTemplates(source, lang, part, groupIds, groupKeys, formToSlot, ids));
    }
    return new LanguageSuite(lang, groups, slots, fillers, templates);
  }

  private static List<String> lines(SuiteSource source, String relative) throws IOException {
    List<String> lines = source.lines(relative);
    if (lines == null) {
      throw new SuiteFormatException(source.name() + "/" + relative, "missing");
    }
    return lines;
  }

  private static List<GroupForms> readGroups(SuiteSource source, String lang) throws IOException {
    String file = source.name() + "/groups/" + lang + ".tsv";
    List<String> lines = lines(source, "groups/" + lang + ".tsv");
    List<String> header = Tsv.header(lines);
    List<GroupForms> out = new ArrayList<>();
    for (Tsv.Row r : Tsv.read(file, lines, GROUP_HEADER, true)) {
      if (header.size() <= GROUP_HEADER.size()) {
        throw new SuiteFormatException(file, "no form columns after group, gender, part");
      }
      String gender = r.cell(1);
      if (!gender.equals("m") && !gender.equals("f")) {
        throw new SuiteFormatException(
            file, r.line(), "gender must be m or f [got " + gender + "]");
      }
      Map<String, String> forms = new LinkedHashMap<>();
      for (int c = GROUP_HEADER.size(); c < header.size(); c++) {
        forms.put(header.get(c), r.cell(c));
      }
      out.add(new GroupForms(r.cell(0), gender.equals("f"), partOrBoth(file, r), forms));
    }
    return out;
  }

  private static Part partOrBoth(String file, Tsv.Row r) {
    String p = r.cell(2);
    if (p.equals("both")) {
      return null;
    }
    try {
      return Part.parse(p);
    } catch (IllegalArgumentException e) {
      throw new SuiteFormatException(
          file, r.line(), "part must be both, train or test [got " + p + "]");
    }
  }

  private static List<Filler> readFillers(
      SuiteSource source, String lang, Set<String> groupIds, Map<String, List<String>> slots)
      throws IOException {
    String file = source.name() + "/fillers/" + lang + ".tsv";
    List<Filler> out = new ArrayList<>();
    Map<String, Integer> next = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Tsv.Row r :
        Tsv.read(file, lines(source, "fillers/" + lang + ".tsv"), FILLER_HEADER, false)) {
      String slot = r.cell(1);
      List<String> forms = r.cells().subList(3, r.cells().size());
      if (r.cell(0).equals("@")) {
        if (slots.put(slot, List.copyOf(forms)) != null) {
          throw new SuiteFormatException(file, r.line(), "slot " + slot + " declared twice");
        }
        continue;
      }
      List<String> names = slots.get(slot);
      if (names == null) {
        throw new SuiteFormatException(
            file, r.line(), "slot " + slot + " not declared by an @ line");
      }
      if (forms.size() != names.size()) {
        throw new SuiteFormatException(
            file,
            r.line(),
            "slot " + slot + " has " + names.size() + " forms [got " + forms.size() + "]");
      }
      Part part;
      try {
        part = Part.parse(r.cell(0));
      } catch (IllegalArgumentException e) {
        throw new SuiteFormatException(file, r.line(), e.getMessage());
      }
      String group = r.cell(2).equals("*") ? null : r.cell(2);
      if (group != null && !groupIds.contains(group)) {
        throw new SuiteFormatException(file, r.line(), "unknown group " + group);
      }
      for (String f : forms) {
        checkAlternations(file, r.line(), f);
      }
      String key = slot + "\t" + forms.get(0);
      Integer other = seen.put(key, r.line());
      if (other != null) {
        throw new SuiteFormatException(
            file,
            r.line(),
            "filler "
                + forms.get(0)
                + " repeats line "
                + other
                + " (fillers are never shared between parts)");
      }
      int index = next.merge(part + "\t" + slot, 1, Integer::sum) - 1;
      out.add(new Filler(part, slot, group, forms, index));
    }
    return out;
  }

  private static List<Template> readTemplates(
      SuiteSource source,
      String lang,
      Part part,
      Set<String> groupIds,
      Set<String> groupKeys,
      Map<String, String> formToSlot,
      Set<String> ids)
      throws IOException {
    String relative = part.dir() + "/" + lang + ".tsv";
    String file = source.name() + "/" + relative;
    List<Template> out = new ArrayList<>();
    for (Tsv.Row r : Tsv.read(file, lines(source, relative), TEMPLATE_HEADER, true)) {
      String id = r.cell(0);
      if (!ids.add(id)) {
        throw new SuiteFormatException(file, r.line(), "duplicate id " + id);
      }
      CaseFunction function;
      try {
        function = CaseFunction.parse(r.cell(1));
      } catch (IllegalArgumentException e) {
        throw new SuiteFormatException(file, r.line(), e.getMessage());
      }
      if (function == CaseFunction.OBFUSCATED) {
        throw new SuiteFormatException(
            file, r.line(), "obfuscated cases are generated from hateful cases, not written");
      }
      boolean hateful = flag(file, r, 2);
      boolean incitement = flag(file, r, 3);
      if (hateful != function.hateful()) {
        throw new SuiteFormatException(
            file,
            r.line(),
            "function "
                + function.id()
                + " is "
                + (function.hateful() ? "" : "not ")
                + "hateful [got hateful="
                + (hateful ? 1 : 0)
                + "]");
      }
      if (incitement && !hateful) {
        throw new SuiteFormatException(file, r.line(), "incitement=1 needs hateful=1");
      }
      Set<String> groups = groups(file, r, groupIds);
      String text = r.cell(5);
      checkAlternations(file, r.line(), text);
      checkPlaceholders(file, r.line(), text, groups, groupKeys, formToSlot);
      out.add(new Template(id, part, function, hateful, incitement, groups, text, r.line()));
    }
    return out;
  }

  private static boolean flag(String file, Tsv.Row r, int c) {
    return switch (r.cell(c)) {
      case "1" -> true;
      case "0" -> false;
      default ->
          throw new SuiteFormatException(
              file, r.line(), "column " + (c + 1) + " must be 0 or 1 [got " + r.cell(c) + "]");
    };
  }

  private static Set<String> groups(String file, Tsv.Row r, Set<String> groupIds) {
    String spec = r.cell(4);
    if (spec.equals("*")) {
      return null;
    }
    if (spec.equals("-")) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String g : spec.split(",", -1)) {
      if (!groupIds.contains(g.strip())) {
        throw new SuiteFormatException(file, r.line(), "unknown group " + g);
      }
      out.add(g.strip());
    }
    return out;
  }

  private static void checkPlaceholders(
      String file,
      int line,
      String text,
      Set<String> groups,
      Set<String> groupKeys,
      Map<String, String> formToSlot) {
    Set<String> slotsUsed = new HashSet<>();
    boolean groupUsed = false;
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      if (groupKeys.contains(name)) {
        groupUsed = true;
      } else if (formToSlot.containsKey(name)) {
        slotsUsed.add(formToSlot.get(name));
      } else {
        throw new SuiteFormatException(file, line, "unknown placeholder {" + name + "}");
      }
    }
    if (slotsUsed.size() > 1) {
      throw new SuiteFormatException(
          file, line, "at most one slot per template [got " + slotsUsed + "]");
    }
    if (groups != null && groups.isEmpty() && groupUsed) {
      throw new SuiteFormatException(file, line, "a template for no group (-) names a group form");
    }
    if (groups == null && !groupUsed && slotsUsed.isEmpty()) {
      throw new SuiteFormatException(
          file, line, "a template for every group (*) must name a group form or a slot");
    }
    String rest = PLACEHOLDER.matcher(text).replaceAll("");
    if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
      throw new SuiteFormatException(file, line, "unbalanced { or }");
    }
  }

  private static void checkAlternations(String file, int line, String text) {
    String rest = ALTERNATION.matcher(text).replaceAll("");
    if (rest.indexOf('[') >= 0 || rest.indexOf(']') >= 0 || rest.indexOf('|') >= 0) {
      throw new SuiteFormatException(file, line, "malformed [masculine|feminine] alternation");
    }
  }
}
