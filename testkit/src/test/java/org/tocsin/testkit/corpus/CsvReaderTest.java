package org.tocsin.testkit.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

  private static List<List<String>> readAll(String csv) throws IOException {
    List<List<String>> out = new ArrayList<>();
    try (CsvReader r = new CsvReader(new StringReader(csv), "test")) {
      for (List<String> rec = r.next(); rec != null; rec = r.next()) {
        out.add(rec);
      }
    }
    return out;
  }

  @Test
  void readsPlainAndQuotedFields() throws IOException {
    assertThat(readAll("a,b,c\n1,\"two, too\",\n"))
        .containsExactly(List.of("a", "b", "c"), List.of("1", "two, too", ""));
  }

  @Test
  void keepsLineBreaksAndEscapedQuotesInsideQuotes() throws IOException {
    assertThat(readAll("x,\"line one\r\nline \"\"two\"\"\nthree\",y\r\nlast,row,here"))
        .containsExactly(
            List.of("x", "line one\r\nline \"two\"\nthree", "y"), List.of("last", "row", "here"));
  }

  @Test
  void acceptsEmptyQuotedFieldsAndBareCarriageReturns() throws IOException {
    assertThat(readAll("\"\",\"\"\r\"a\"\r")).containsExactly(List.of("", ""), List.of("a"));
  }

  @Test
  void rejectsAnUnclosedQuote() {
    assertThatThrownBy(() -> readAll("a,\"never closed\nb\n"))
        .isInstanceOf(CsvReader.CsvFormatException.class)
        .hasMessageContaining("record 1")
        .hasMessageContaining("not closed");
  }

  @Test
  void rejectsTextAfterAClosingQuote() {
    assertThatThrownBy(() -> readAll("\"a\"b,c\n"))
        .isInstanceOf(CsvReader.CsvFormatException.class)
        .hasMessageContaining("after a closing quote");
  }

  @Test
  void readsATableByHeader(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "id,text\n1,\"multi\nline\"\n2,plain\n", StandardCharsets.UTF_8);
    List<Map<String, String>> rows = CsvReader.readTable(f);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).containsEntry("id", "1").containsEntry("text", "multi\nline");
  }

  @Test
  void rejectsARowOfTheWrongWidth(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "id,text\n1,a,extra\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CsvReader.readTable(f))
        .isInstanceOf(CsvReader.CsvFormatException.class)
        .hasMessageContaining("expected 2 fields [got 3]");
  }
}
