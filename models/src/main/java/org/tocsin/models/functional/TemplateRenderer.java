package org.tocsin.models.functional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Turns a template into a sentence: picks each {@code [masculine|feminine]} alternation by the
 * group's gender, puts in the group's forms and the filler's forms, and capitalises the first
 * letter (Arabic script has no case).
 */
final class TemplateRenderer {
  /**
   * A rendered text and the values put into it (the group form and the filler forms), which the
   * obfuscator aims at.
   */
  record Rendered(String text, List<String> inserted) {}

  private TemplateRenderer() {}

  /**
   * Renders {@code text}.
   *
   * @param group the group variant, or {@code null} for a case with no group
   * @param filler the filler, or {@code null} when the template names no slot
   * @param slotForms the filler's slot's form names
   */
  static Rendered render(
      String text, GroupForms group, Filler filler, List<String> slotForms, Locale locale) {
    boolean feminine = group != null && group.feminine();
    String resolved = alternate(text, feminine);
    List<String> inserted = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    Matcher m = SuiteReader.PLACEHOLDER.matcher(resolved);
    while (m.find()) {
      String name = m.group(1);
      String value = value(name, group, filler, slotForms, feminine);
      inserted.add(value);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return new Rendered(capitalise(out.toString(), locale), List.copyOf(inserted));
  }

  private static String value(
      String name, GroupForms group, Filler filler, List<String> slotForms, boolean feminine) {
    if (group != null) {
      String v = group.forms().get(name);
      if (v != null) {
        return v;
      }
    }
    if (filler != null) {
      int i = slotForms.indexOf(name);
      if (i >= 0) {
        return alternate(filler.forms().get(i), feminine);
      }
    }
    throw new IllegalStateException("placeholder {" + name + "} has no value");
  }

  /** Keeps the masculine or the feminine side of every {@code [m|f]}. */
  static String alternate(String text, boolean feminine) {
    Matcher m = SuiteReader.ALTERNATION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(feminine ? 2 : 1)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Capitalises the first letter of the text and of every sentence after . ! or ?. */
  static String capitalise(String s, Locale locale) {
    StringBuilder out = new StringBuilder(s.length());
    boolean start = true;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      if (start && Character.isLetter(cp)) {
        out.append(s.substring(i, i + len).toUpperCase(locale));
        start = false;
      } else {
        out.appendCodePoint(cp);
        if (cp == '.' || cp == '!' || cp == '?') {
          start = i + len < s.length() && s.charAt(i + len) == ' ';
        } else if (Character.isLetterOrDigit(cp)) {
          start = false;
        }
      }
      i += len;
    }
    return out.toString();
  }
}
