package org.tocsin.models.functional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The suite's tab-separated files: {@code #} comment lines and blank lines are skipped, the first
 * other line is the header, every row has at least as many cells as the header names.
 */
final class Tsv {
  /** One data row: its 1-based line number and its cells, stripped. */
  record Row(int line, List<String> cells) {
    String cell(int i) {
      return cells.get(i);
    }
  }

  private Tsv() {}

  /**
   * The data rows of {@code lines}; the header must start with {@code expectedHeader}.
   *
   * @param exactWidth whether rows must have exactly the header's width (else at least the expected
   *     header's width)
   */
  static List<Row> read(
      String file, List<String> lines, List<String> expectedHeader, boolean exactWidth) {
    List<Row> rows = new ArrayList<>();
    List<String> header = null;
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      if (i == 0 && raw.startsWith("\uFEFF")) {
        raw = raw.substring(1);
      }
      if (raw.isBlank() || raw.startsWith("#")) {
        continue;
      }
      List<String> cells = new ArrayList<>(Arrays.asList(raw.split("\t", -1)));
      cells.replaceAll(String::strip);
      while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
        cells.remove(cells.size() - 1);
      }
      if (header == null) {
        header = cells;
        if (header.size() < expectedHeader.size()
            || !header.subList(0, expectedHeader.size()).equals(expectedHeader)) {
          throw new SuiteFormatException(
              file, i + 1, "header must start with " + expectedHeader + " [got " + header + "]");
        }
        continue;
      }
      int width = exactWidth ? header.size() : expectedHeader.size();
      if (exactWidth ? cells.size() != width : cells.size() < width) {
        throw new SuiteFormatException(
            file,
            i + 1,
            "expected "
                + (exactWidth ? "" : "at least ")
                + width
                + " cells [got "
                + cells.size()
                + "]");
      }
      for (int c = 0; c < cells.size(); c++) {
        if (cells.get(c).isEmpty()) {
          throw new SuiteFormatException(file, i + 1, "empty cell " + (c + 1));
        }
      }
      rows.add(new Row(i + 1, List.copyOf(cells)));
    }
    if (header == null) {
      throw new SuiteFormatException(file, "no header line");
    }
    return rows;
  }

  /** The header of {@code lines} (the first line that is not a comment or blank). */
  static List<String> header(List<String> lines) {
    for (String raw : lines) {
      String s = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
      if (!s.isBlank() && !s.startsWith("#")) {
        List<String> cells = new ArrayList<>(Arrays.asList(s.split("\t", -1)));
        cells.replaceAll(String::strip);
        return cells;
      }
    }
    return List.of();
  }
}
