package org.tocsin.models.germeval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.models.corpus.StratifiedSplit;
import org.tocsin.models.hatexplain.HateXplainData;
import org.tocsin.nlp.classifier.TfidfVectorizer;

/**
 * GermEval 2018 ({@code germeval2018.training.txt}, {@code germeval2018.test.txt}): one tweet a
 * line, {@code text<TAB>coarse<TAB>fine} with coarse {@code OFFENSE} / {@code OTHER} and fine
 * {@code ABUSE} / {@code INSULT} / {@code PROFANITY} / {@code OTHER}.
 *
 * <p>Label mapping into Tocsin's three labels: {@code ABUSE} → hate (GermEval's guideline: the
 * target is degraded for a social identity, a group membership, which is what hate speech means
 * here), {@code INSULT} and {@code PROFANITY} → offensive, {@code OTHER} → normal. The official
 * test file is the {@code test} split; the official training file is split {@value #VAL_FRACTION}
 * stratified by fine label (seed {@value #SEED}) into {@code val} and {@code train}, because
 * GermEval has no development set.
 */
public final class GermEvalData {
  private GermEvalData() {}

  /** Share of the official training file held out for validation. */
  public static final double VAL_FRACTION = 0.1;

  /** The seed of the validation split. */
  public static final long SEED = 2018;

  /** Fine labels in the order of the stratification. */
  static final List<String> FINE = List.of("ABUSE", "INSULT", "PROFANITY", "OTHER");

  /**
   * Reads both files from the folder.
   *
   * @param dir the {@code germeval2018} folder
   * @throws IOException if a file is missing or a line is not {@code text, coarse, fine}
   */
  public static HateXplainData read(Path dir) throws IOException {
    Path trainFile = dir.resolve("germeval2018.training.txt");
    Path testFile = dir.resolve("germeval2018.test.txt");
    byte[] trainBytes = Files.readAllBytes(trainFile);
    byte[] testBytes = Files.readAllBytes(testFile);
    List<String[]> train = lines(trainBytes, trainFile);
    List<String[]> test = lines(testBytes, testFile);
    int[] fine = train.stream().mapToInt(f -> FINE.indexOf(f[2])).toArray();
    String[] splits = StratifiedSplit.assign(fine, VAL_FRACTION, 0, SEED);
    List<HateXplainData.Post> posts = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      posts.add(post("train-" + (i + 1), splits[i], train.get(i)));
    }
    for (int i = 0; i < test.size(); i++) {
      posts.add(post("test-" + (i + 1), "test", test.get(i)));
    }
    String sha =
        StratifiedSplit.sha256(
            (StratifiedSplit.sha256(trainBytes) + StratifiedSplit.sha256(testBytes))
                .getBytes(StandardCharsets.US_ASCII));
    return new HateXplainData(posts, sha);
  }

  /** The label index of a fine label (see the class comment). */
  public static int label(String fine) {
    return switch (fine) {
      case "ABUSE" -> 0;
      case "INSULT", "PROFANITY" -> 1;
      case "OTHER" -> 2;
      default -> throw new IllegalArgumentException("not a GermEval fine label [got " + fine + "]");
    };
  }

  private static HateXplainData.Post post(String id, String split, String[] f) {
    int label = label(f[2]);
    int[] votes = new int[3];
    votes[label] = 1;
    return new HateXplainData.Post(id, split, f[0], TfidfVectorizer.tokens(f[0]), label, votes);
  }

  private static List<String[]> lines(byte[] bytes, Path file) throws IOException {
    List<String[]> out = new ArrayList<>();
    int n = 0;
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 3
          || !(f[1].equals("OFFENSE") || f[1].equals("OTHER"))
          || !FINE.contains(f[2].strip())
          || f[1].equals("OTHER") != f[2].strip().equals("OTHER")) {
        throw new IOException(
            file + ", line " + n + ": expected text<TAB>OFFENSE|OTHER<TAB>fine label");
      }
      f[2] = f[2].strip();
      out.add(f);
    }
    return out;
  }
}
