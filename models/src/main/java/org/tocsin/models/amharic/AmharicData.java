package org.tocsin.models.amharic;

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
 * The Amharic hate speech corpus of Ayele et al. (RANLP 2023), {@code Data/RANLP2023/train.csv},
 * {@code dev.csv}, {@code test.csv}: one tweet a line, {@code __label__X<TAB>text} with X one of
 * {@code hate}, {@code offensive}, {@code normal} (the labels map one to one). The official split
 * is used: train, dev as {@code val}, test.
 */
public final class AmharicData {
  private AmharicData() {}

  /**
   * Reads the three files.
   *
   * @param dir the {@code RANLP2023} folder
   * @throws IOException if a file is missing or a line has no known label
   */
  public static HateXplainData read(Path dir) throws IOException {
    List<HateXplainData.Post> posts = new ArrayList<>();
    StringBuilder hashes = new StringBuilder();
    for (String[] part : new String[][] {{"train", "train"}, {"dev", "val"}, {"test", "test"}}) {
      Path file = dir.resolve(part[0] + ".csv");
      byte[] bytes = Files.readAllBytes(file);
      hashes.append(StratifiedSplit.sha256(bytes));
      int n = 0;
      for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        int tab = line.indexOf('\t');
        String tag = tab < 0 ? line : line.substring(0, tab);
        int label = HateXplainData.LABELS.indexOf(tag.replace("__label__", ""));
        if (tab < 0 || !tag.startsWith("__label__") || label < 0) {
          throw new IOException(
              file + ", line " + n + ": expected __label__hate|offensive|normal<TAB>text");
        }
        String text = line.substring(tab + 1);
        int[] votes = new int[3];
        votes[label] = 1;
        posts.add(
            new HateXplainData.Post(
                part[0] + "-" + n, part[1], text, TfidfVectorizer.tokens(text), label, votes));
      }
    }
    return new HateXplainData(
        posts, StratifiedSplit.sha256(hashes.toString().getBytes(StandardCharsets.US_ASCII)));
  }
}
