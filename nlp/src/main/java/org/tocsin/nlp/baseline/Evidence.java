package org.tocsin.nlp.baseline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The evidence lines of one factor: distinct, in order, at most {@value #MAX} plus a count. */
final class Evidence {
  static final int MAX = 8;

  private final Set<String> lines = new LinkedHashSet<>();
  private final Set<String> overflow = new HashSet<>();

  void add(String line) {
    if (lines.size() < MAX || lines.contains(line)) {
      lines.add(line);
    } else {
      overflow.add(line);
    }
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  List<String> build() {
    List<String> out = new ArrayList<>(lines);
    if (!overflow.isEmpty()) {
      out.add("... and " + overflow.size() + " more");
    }
    return out;
  }
}
