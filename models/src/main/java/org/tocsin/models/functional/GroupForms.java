package org.tocsin.models.functional;

import java.util.Map;

/**
 * One surface variant of a target group in one language: its grammatical gender and its forms by
 * key ({@code pl} in English; {@code pl}, {@code die}, {@code den} in German ...).
 *
 * @param group the group id ({@code jews})
 * @param feminine whether agreement takes the feminine form ({@code [m|f]} picks {@code f})
 * @param part the part it belongs to, or {@code null} for both
 * @param forms the forms by key
 */
record GroupForms(String group, boolean feminine, Part part, Map<String, String> forms) {
  GroupForms {
    forms = Map.copyOf(forms);
  }

  /** Whether this variant may be used in {@code p}. */
  boolean in(Part p) {
    return part == null || part == p;
  }
}
