package org.tocsin.models.functional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the suite holds for one language: the group forms, the slots and fillers, and the
 * templates of both parts, as read and checked by {@link SuiteReader}.
 *
 * @param lang ISO 639-1 code
 * @param groups the group variants of both parts
 * @param slots each slot's form names in order ({@code kill -> [kill, killed]})
 * @param fillers the fillers of both parts
 * @param templates the templates of both parts
 */
public record LanguageSuite(
    String lang,
    List<GroupForms> groups,
    Map<String, List<String>> slots,
    List<Filler> fillers,
    List<Template> templates) {

  /** Freezes the lists. */
  public LanguageSuite {
    groups = List.copyOf(groups);
    slots = Map.copyOf(slots);
    fillers = List.copyOf(fillers);
    templates = List.copyOf(templates);
  }

  /** The group ids, in file order. */
  public Set<String> groupIds() {
    Set<String> out = new LinkedHashSet<>();
    for (GroupForms g : groups) {
      out.add(g.group());
    }
    return out;
  }

  /** The variants of {@code group} usable in {@code part}, in file order. */
  List<GroupForms> variants(String group, Part part) {
    List<GroupForms> out = new ArrayList<>();
    for (GroupForms g : groups) {
      if (g.group().equals(group) && g.in(part)) {
        out.add(g);
      }
    }
    return out;
  }

  /** The templates of {@code part}, in file order. */
  List<Template> templates(Part part) {
    return templates.stream().filter(t -> t.part() == part).toList();
  }

  /** The fillers of {@code slot} in {@code part} that fit {@code group}, in file order. */
  List<Filler> fillers(String slot, Part part, String group) {
    return fillers.stream()
        .filter(f -> f.part() == part && f.slot().equals(slot) && f.fits(group))
        .toList();
  }
}
