package org.tocsin.models.lhsab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tocsin.models.corpus.StratifiedSplit;
import org.tocsin.models.hatexplain.HateXplainData;
import org.tocsin.nlp.classifier.TfidfVectorizer;

/**
 * L-HSAB (Mulki et al. 2019), {@code Dataset/L-HSAB}: a header {@code Tweet<TAB>Class} and then one
 * tweet per record, {@code text<TAB>normal|abusive|hate}. A few tweets span lines (the text opens
 * with a double quote and the record ends at the line that ends with the tab and label), and some
 * have a stray quote inside; both are handled.
 *
 * <p>Label mapping: {@code hate} → hate, {@code abusive} → offensive, {@code normal} → normal
 * (L-HSAB's hate is abusive language aimed at a person or group for their identity; abusive is
 * offensive, aggressive, insulting or profane, the same as Tocsin's offensive).
 *
 * <p>L-HSAB has no official split: a seeded stratified 80/10/10 split ({@link StratifiedSplit},
 * seed {@value #SEED}) over the records in file order makes {@code train}, {@code val} and {@code
 * test}; {@link #writeSplit} writes it down.
 */
public final class LhsabData {
  private LhsabData() {}

  /** The seed of the split. */
  public static final long SEED = 2019;

  /** Shares of validation and test. */
  public static final double VAL_FRACTION = 0.1;

  /** Share of test. */
  public static final double TEST_FRACTION = 0.1;

  private static final Pattern END = Pattern.compile("\t(normal|abusive|hate)\\s*$");

  /** One record of the file. */
  record Record(int index, String text, String label) {}

  /**
   * Reads the file and assigns the split.
   *
   * @param file the {@code L-HSAB} file
   * @throws IOException if the header is missing or a record never ends with a label
   */
  public static HateXplainData read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    List<Record> records = records(new String(bytes, StandardCharsets.UTF_8), file);
    String[] splits = splits(records);
    List<HateXplainData.Post> posts = new ArrayList<>();
    for (Record r : records) {
      int label = label(r.label());
      int[] votes = new int[3];
      votes[label] = 1;
      posts.add(
          new HateXplainData.Post(
              "lhsab-" + r.index(),
              splits[r.index()],
              r.text(),
              TfidfVectorizer.tokens(r.text()),
              label,
              votes));
    }
    return new HateXplainData(posts, StratifiedSplit.sha256(bytes));
  }

  /** The label index of an L-HSAB class (see the class comment). */
  public static int label(String cls) {
    return switch (cls) {
      case "hate" -> 0;
      case "abusive" -> 1;
      case "normal" -> 2;
      default -> throw new IllegalArgumentException("not an L-HSAB class [got " + cls + "]");
    };
  }

  /**
   * Writes the split as TSV: {@code index, split, label, sha256 of the tweet text}, one record per
   * line in file order, under a comment header with the file's and the assignment's SHA-256.
   */
  public static void writeSplit(Path file, Path out) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    List<Record> records = records(new String(bytes, StandardCharsets.UTF_8), file);
    String[] splits = splits(records);
    List<StratifiedSplit.Row> rows = new java.util.ArrayList<>(records.size());
    for (Record r : records) {
      rows.add(
          new StratifiedSplit.Row(
              String.valueOf(r.index()), splits[r.index()], r.label(), r.text()));
    }
    StratifiedSplit.writeFile(
        out,
        "L-HSAB seeded stratified split: seed "
            + SEED
            + ", val "
            + VAL_FRACTION
            + ", test "
            + TEST_FRACTION
            + " per class (org.tocsin.models.lhsab.LhsabData)",
        "index",
        bytes,
        splits,
        rows);
  }

  private static String[] splits(List<Record> records) {
    int[] labels = records.stream().mapToInt(r -> label(r.label())).toArray();
    return StratifiedSplit.assign(labels, VAL_FRACTION, TEST_FRACTION, SEED);
  }

  static List<Record> records(String s, Path file) throws IOException {
    String[] lines = s.startsWith("\uFEFF") ? s.substring(1).split("\n") : s.split("\n");
    if (lines.length == 0 || !lines[0].strip().equals("Tweet\tClass")) {
      throw new IOException(file + ": expected the header Tweet<TAB>Class");
    }
    List<Record> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int startLine = 0;
    for (int n = 1; n < lines.length; n++) {
      String line = lines[n].replace("\r", "");
      if (text.isEmpty() && line.isBlank()) {
        continue;
      }
      if (text.isEmpty()) {
        startLine = n + 1;
      } else {
        text.append('\n');
      }
      Matcher m = END.matcher(line);
      if (m.find()) {
        text.append(line, 0, m.start());
        out.add(new Record(out.size(), unquote(text.toString()), m.group(1)));
        text.setLength(0);
      } else {
        text.append(line);
        if (n - startLine > 20) {
          throw new IOException(file + ", line " + startLine + ": a record without a class");
        }
      }
    }
    if (!text.isEmpty()) {
      throw new IOException(file + ", line " + startLine + ": the last record has no class");
    }
    return out;
  }

  private static String unquote(String t) {
    String s = t.strip();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1).replace("\"\"", "\"").strip();
    }
    return s;
  }
}
