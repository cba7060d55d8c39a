package org.tocsin.models.myanmar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.tocsin.models.corpus.StratifiedSplit;
import org.tocsin.models.hatexplain.HateXplainData;
import org.tocsin.nlp.classifier.TfidfVectorizer;

/**
 * The Burmese myHateSpeech corpus, version 1.0 ({@code corpus/version1.0/myHateSpeech_ver1.0.txt}):
 * one Facebook sentence a line, {@code tagged_sentence<TAB>class}, word-segmented with spaces.
 * Hateful words carry an inline tag ({@code word/ab}, {@code word/ab|po}); the tags would give the
 * label away, so {@link #clean} removes them. {@code $} and {@code s} standing for a swear prefix
 * are the posters' own spelling and stay.
 *
 * <p>Label mapping (the corpus has nine sentence classes): religious {@code re}, racist {@code ra},
 * sexist (gender and orientation) {@code se} and lethal {@code le} (wishing death or harm, threats)
 * → hate; abusive {@code ab}, body-shaming {@code bo}, political {@code po} and educational {@code
 * ed} → offensive; no hate speech {@code no} → normal. {@code re}, {@code ra} and {@code se} are
 * identity-based like Tocsin's hate; {@code le} is not always aimed at a group but is the violent
 * tier, so it goes with hate. {@code bo} (which includes disability) and {@code po} are attacks on
 * a person or a party rather than on a protected group.
 *
 * <p>Class strings are read after trimming white space and zero-width characters and a stray
 * leading {@code /} (a handful of lines). Lines with no class are skipped and counted ({@link
 * #skipped}): in version 1.0 two lines end with an empty class and one sentence (line 4145) was cut
 * short by the 1.0 correction and lost its class.
 *
 * <p>There is no official split: a seeded stratified 80/10/10 split ({@link StratifiedSplit}, seed
 * {@value #SEED}, by the nine original classes) over the records in file order makes {@code train},
 * {@code val} and {@code test}; {@link #writeSplit} writes it down.
 */
public final class MyHateSpeechData {
  private MyHateSpeechData() {}

  /** The seed of the split. */
  public static final long SEED = 2025;

  /** Share of validation. */
  public static final double VAL_FRACTION = 0.1;

  /** Share of test. */
  public static final double TEST_FRACTION = 0.1;

  /** The nine classes of the corpus, in the order the split stratifies them. */
  public static final List<String> CLASSES =
      List.of("re", "ra", "se", "le", "ab", "bo", "po", "ed", "no");

  private static final Pattern TAG =
      Pattern.compile("(?<=\\S)/[a-z]{1,4}(?:\\|[a-z]{1,4})*(?![A-Za-z])");

  private static final Pattern SPACE_IN_MYANMAR =
      Pattern.compile(
          "(?<=[\\u1000-\\u109F\\uAA60-\\uAA7F\\uA9E0-\\uA9FF]) +(?=[\\u1000-\\u109F"
              + "\\uAA60-\\uAA7F\\uA9E0-\\uA9FF])");

  /**
   * One record of the file.
   *
   * @param index position among the records kept, in file order
   * @param line the line number in the file (1-based)
   * @param text the sentence, inline tags removed
   * @param cls the corpus class ({@link #CLASSES})
   */
  public record Record(int index, int line, String text, String cls) {}

  /**
   * Reads the file and assigns the split.
   *
   * @param file {@code myHateSpeech_ver1.0.txt}, or its folder
   * @throws IOException if the file is missing or a line has a class outside {@link #CLASSES}
   */
  public static HateXplainData read(Path file) throws IOException {
    Path f = resolve(file);
    byte[] bytes = Files.readAllBytes(f);
    List<Record> records = records(new String(bytes, StandardCharsets.UTF_8), f);
    String[] splits = splits(records);
    List<HateXplainData.Post> posts = new ArrayList<>();
    for (Record r : records) {
      int label = label(r.cls());
      int[] votes = new int[3];
      votes[label] = 1;
      posts.add(
          new HateXplainData.Post(
              "myhs-" + r.line(),
              splits[r.index()],
              r.text(),
              TfidfVectorizer.tokens(r.text()),
              label,
              votes));
    }
    return new HateXplainData(posts, StratifiedSplit.sha256(bytes));
  }

  /** The file itself, or {@code myHateSpeech_ver1.0.txt} inside a folder. */
  static Path resolve(Path file) {
    return Files.isDirectory(file) ? file.resolve("myHateSpeech_ver1.0.txt") : file;
  }

  /** The Tocsin label index of a corpus class (see the class comment). */
  public static int label(String cls) {
    return switch (cls) {
      case "re", "ra", "se", "le" -> 0;
      case "ab", "bo", "po", "ed" -> 1;
      case "no" -> 2;
      default -> throw new IllegalArgumentException("not a myHateSpeech class [got " + cls + "]");
    };
  }

  /** The sentence without the inline word tags ({@code word/ab|po} → {@code word}). */
  public static String clean(String tagged) {
    return TAG.matcher(tagged).replaceAll("").strip();
  }

  /**
   * The sentence as Burmese is usually written: the spaces between two Myanmar-script characters
   * removed (spaces next to Latin words, digits or emoji stay).
   */
  public static String unspaced(String text) {
    return SPACE_IN_MYANMAR.matcher(text).replaceAll("");
  }

  /** How many lines of the file have no class and are skipped. */
  public static int skipped(Path file) throws IOException {
    Path f = resolve(file);
    String s = Files.readString(f, StandardCharsets.UTF_8);
    int lines = 0;
    for (String line : s.split("\n")) {
      if (!line.isBlank()) {
        lines++;
      }
    }
    return lines - records(s, f).size();
  }

  /**
   * Writes the split as TSV: {@code line, split, class, sha256 of the cleaned text}, one record per
   * line in file order, under a comment header with the file's and the assignment's SHA-256.
   */
  public static void writeSplit(Path file, Path out) throws IOException {
    Path f = resolve(file);
    byte[] bytes = Files.readAllBytes(f);
    List<Record> records = records(new String(bytes, StandardCharsets.UTF_8), f);
    String[] splits = splits(records);
    List<StratifiedSplit.Row> rows = new java.util.ArrayList<>(records.size());
    for (Record r : records) {
      rows.add(
          new StratifiedSplit.Row(String.valueOf(r.line()), splits[r.index()], r.cls(), r.text()));
    }
    StratifiedSplit.writeFile(
        out,
        "myHateSpeech 1.0 seeded stratified split: seed "
            + SEED
            + ", val "
            + VAL_FRACTION
            + ", test "
            + TEST_FRACTION
            + " per class (org.tocsin.models.myanmar.MyHateSpeechData)",
        "line",
        bytes,
        splits,
        rows);
  }

  static String[] splits(List<Record> records) {
    int[] classes = records.stream().mapToInt(r -> CLASSES.indexOf(r.cls())).toArray();
    return StratifiedSplit.assign(classes, VAL_FRACTION, TEST_FRACTION, SEED);
  }

  static List<Record> records(String s, Path file) throws IOException {
    String[] lines = (s.startsWith("\uFEFF") ? s.substring(1) : s).split("\n");
    List<Record> out = new ArrayList<>();
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].replace("\r", "");
      if (line.isBlank()) {
        continue;
      }
      int tab = line.lastIndexOf('\t');
      if (tab < 0) {
        continue; // a sentence cut short without its class (see the class comment)
      }
      String cls = line.substring(tab + 1).replaceAll("[\\s\\u200B-\\u200D\\uFEFF]", "");
      if (cls.startsWith("/")) {
        cls = cls.substring(1);
      }
      if (cls.isEmpty()) {
        continue;
      }
      if (!CLASSES.contains(cls)) {
        throw new IOException(
            file
                + ", line "
                + (n + 1)
                + ": expected text<TAB>"
                + String.join("|", CLASSES)
                + " [got "
                + cls
                + "]");
      }
      String text = clean(line.substring(0, tab));
      if (text.isEmpty()) {
        throw new IOException(file + ", line " + (n + 1) + ": empty sentence");
      }
      out.add(new Record(out.size(), n + 1, text, cls));
    }
    return out;
  }
}
