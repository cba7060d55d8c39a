package org.tocsin.testkit.corpus;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small RFC 4180 CSV reader: comma-separated fields, optional double quotes, {@code ""} for a
 * quote inside a quoted field, and line breaks (CRLF, LF or CR) inside quoted fields kept as they
 * are.
 *
 * <p>Lenient in one way only: a record may end at the end of input without a line break.
 */
public final class CsvReader implements Closeable {

  private final Reader in;
  private final String source;
  private long record;
  private int pushedBack = -2;

  /**
   * Reads records from {@code in}; {@code source} names the input in error messages.
   *
   * @param in the characters to read; buffered by the caller or not, either works
   * @param source a name for the input, for example its path
   */
  public CsvReader(Reader in, String source) {
    this.in = in instanceof BufferedReader ? in : new BufferedReader(in);
    this.source = Objects.requireNonNull(source, "source");
  }

  /** Opens a UTF-8 CSV file. */
  public static CsvReader open(Path file) throws IOException {
    return new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Reads the next record.
   *
   * @return the record's fields, or {@code null} at the end of input
   * @throws CsvFormatException if a quoted field is not closed or text follows a closing quote
   * @throws IOException if reading fails
   */
  public List<String> next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    record++;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      if (c == '"' && field.length() == 0) {
        readQuoted(field);
        c = read();
        if (c != ',' && c != '\r' && c != '\n' && c != -1) {
          throw new CsvFormatException(
              source, record, "text after a closing quote [got '" + (char) c + "']");
        }
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        c = read();
        continue;
      }
      if (c == -1 || c == '\n' || c == '\r') {
        if (c == '\r') {
          int n = read();
          if (n != '\n') {
            unread(n);
          }
        }
        fields.add(field.toString());
        return fields;
      }
      field.append((char) c);
      c = read();
    }
  }

  /**
   * Reads a whole file with a header line into maps from column name to value.
   *
   * @throws CsvFormatException if the file is not valid CSV or a record's field count differs from
   *     the header's
   */
  public static List<Map<String, String>> readTable(Path file) throws IOException {
    try (CsvReader r = open(file)) {
      List<String> header = r.next();
      if (header == null) {
        throw new CsvFormatException(file.toString(), 0, "no header line");
      }
      List<Map<String, String>> rows = new ArrayList<>();
      for (List<String> rec = r.next(); rec != null; rec = r.next()) {
        if (rec.size() != header.size()) {
          throw new CsvFormatException(
              file.toString(),
              r.record,
              "expected " + header.size() + " fields [got " + rec.size() + "]");
        }
        Map<String, String> row = new HashMap<>(header.size() * 2);
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), rec.get(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private void readQuoted(StringBuilder field) throws IOException {
    long started = record;
    while (true) {
      int c = read();
      if (c == -1) {
        throw new CsvFormatException(source, started, "quoted field is not closed");
      }
      if (c == '"') {
        int n = read();
        if (n != '"') {
          unread(n);
          return;
        }
      }
      field.append((char) c);
    }
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return in.read();
  }

  private void unread(int c) {
    pushedBack = c;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** A CSV input that breaks RFC 4180; the message names the input and the record. */
  public static final class CsvFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for record {@code record} (1-based) of {@code source}. */
    public CsvFormatException(String source, long record, String message) {
      super(source + ", record " + record + ": " + message);
    }
  }
}
