package org.tocsin.models.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A seeded stratified split for corpora that ship without one: within each label the posts (in file
 * order) are shuffled with {@code new Random(seed)} and the first {@code round(n * val)} go to
 * {@code val}, the next {@code round(n * test)} to {@code test}, the rest to {@code train}. The
 * same file, seed and fractions always give the same assignment; {@link #sha256} fingerprints it.
 */
public final class StratifiedSplit {
  private StratifiedSplit() {}

  /**
   * The split name of every post.
   *
   * @param labels each post's label index
   * @param valFraction share of each label that goes to {@code val}
   * @param testFraction share of each label that goes to {@code test} (0 for none)
   * @param seed the shuffling seed
   */
  public static String[] assign(int[] labels, double valFraction, double testFraction, long seed) {
    if (!(valFraction >= 0 && testFraction >= 0 && valFraction + testFraction < 1)) {
      throw new IllegalArgumentException(
          "fractions must be >= 0 and sum below 1 [got " + valFraction + ", " + testFraction + "]");
    }
    int classes = 0;
    for (int y : labels) {
      if (y < 0) {
        throw new IllegalArgumentException("labels must be >= 0 [got " + y + "]");
      }
      classes = Math.max(classes, y + 1);
    }
    String[] out = new String[labels.length];
    Random random = new Random(seed);
    for (int c = 0; c < classes; c++) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == c) {
          members.add(i);
        }
      }
      Collections.shuffle(members, random);
      int nVal = (int) Math.round(members.size() * valFraction);
      int nTest = (int) Math.round(members.size() * testFraction);
      for (int k = 0; k < members.size(); k++) {
        out[members.get(k)] = k < nVal ? "val" : k < nVal + nTest ? "test" : "train";
      }
    }
    return out;
  }

  /** The SHA-256 of the assignment written one {@code "index<TAB>split\n"} line per post. */
  public static String sha256(String[] splits) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < splits.length; i++) {
      b.append(i).append('\t').append(splits[i]).append('\n');
    }
    return sha256(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The lower-case hex SHA-256 of bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** One record of a split file: its key in the source, its split, its class and its text. */
  public record Row(String key, String split, String cls, String text) {}

  /**
   * Writes a split file: the title as a comment, the SHA-256 of the source bytes and of the
   * assignment, then {@code keyColumn, split, class, text_sha256} per row, in the order given.
   *
   * @param title the first comment line, without the leading {@code #}
   */
  public static void writeFile(
      java.nio.file.Path out,
      String title,
      String keyColumn,
      byte[] source,
      String[] splits,
      List<Row> rows)
      throws java.io.IOException {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(title).append('\n');
    b.append("# source sha256 ").append(sha256(source)).append('\n');
    b.append("# assignment sha256 ").append(sha256(splits)).append('\n');
    b.append(keyColumn).append("\tsplit\tclass\ttext_sha256\n");
    for (Row r : rows) {
      b.append(r.key())
          .append('\t')
          .append(r.split())
          .append('\t')
          .append(r.cls())
          .append('\t')
          .append(sha256(r.text().getBytes(StandardCharsets.UTF_8)))
          .append('\n');
    }
    java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
    java.nio.file.Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
  }
}
