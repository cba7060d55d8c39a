package org.tocsin.models.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an RFC 4180 CSV file with a header row into one map per record: comma-separated fields,
 * optional double quotes, {@code ""} for a quote inside quotes, line breaks inside quoted fields.
 */
public final class Csv {
  private Csv() {}

  /**
   * Reads every record of the file, keyed by the header's column names.
   *
   * @throws IOException if the file cannot be read, a quote is left open, or a record has more
   *     fields than the header
   */
  public static List<Map<String, String>> read(Path file) throws IOException {
    List<List<String>> rows = parse(Files.readString(file, StandardCharsets.UTF_8), file);
    if (rows.isEmpty()) {
      throw new IOException(file + ": no header row");
    }
    List<String> header = rows.get(0);
    List<Map<String, String>> out = new ArrayList<>(rows.size() - 1);
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.size() == 1 && row.get(0).isEmpty()) {
        continue;
      }
      if (row.size() > header.size()) {
        throw new IOException(
            file
                + ", record "
                + r
                + ": "
                + row.size()
                + " fields for "
                + header.size()
                + " columns");
      }
      Map<String, String> m = new HashMap<>();
      for (int c = 0; c < row.size(); c++) {
        m.put(header.get(c), row.get(c));
      }
      out.add(m);
    }
    return out;
  }

  static List<List<String>> parse(String s, Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int i = s.startsWith("\uFEFF") ? 1 : 0;
    for (; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(ch);
      }
    }
    if (quoted) {
      throw new IOException(file + ": a quoted field is not closed");
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
