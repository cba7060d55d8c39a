package org.tocsin.models.functional;

import java.util.List;

/**
 * One filler value of a slot (a violent verb, a dehumanising noun, a slur ...) with its forms in
 * the order the slot names them.
 *
 * @param part the part it belongs to (fillers are never shared between parts)
 * @param slot the slot ({@code kill})
 * @param group the group it is restricted to, or {@code null} for any group
 * @param forms the forms, possibly with {@code [m|f]} alternations
 * @param index its 0-based position among the slot's fillers of the same part and group scope
 */
record Filler(Part part, String slot, String group, List<String> forms, int index) {
  Filler {
    forms = List.copyOf(forms);
  }

  /** Whether it can fill a slot in a case about {@code g}. */
  boolean fits(String g) {
    return group == null || group.equals(g);
  }
}
