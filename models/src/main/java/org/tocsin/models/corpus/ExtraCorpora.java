package org.tocsin.models.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tocsin.models.hatexplain.HateXplainData;
import org.tocsin.nlp.classifier.TfidfVectorizer;

/**
 * English corpora mapped onto HateXplain's three labels, to add to its train split: Davidson et al.
 * 2017 (hate / offensive / neither, with each tweet's annotator counts as the vote distribution)
 * and the Stormfront sentences of de Gibert et al. 2018 ({@code hate} as hate, {@code noHate} as
 * normal; {@code relation} and {@code idk/skip} left out; only sentences outside its {@code test}
 * sample).
 *
 * <p>Every post comes back with split {@code extra}; HateXplain's validation and test splits are
 * never touched, so the extra posts can only change what is learnt from training.
 */
public final class ExtraCorpora {
  private ExtraCorpora() {}

  /** The split name of every post read here. */
  public static final String SPLIT = "extra";

  private static final Pattern RETWEET = Pattern.compile("(?i)(^|\\s)rt(?=\\s|:)");
  private static final Pattern ENTITY = Pattern.compile("&#?[a-z0-9]+;");

  /**
   * Reads the named corpora from the shared data directory.
   *
   * @param dataDir the folder holding {@code davidson/} and {@code stormfront_vicomtech/}
   * @param names {@code davidson}, {@code stormfront}
   * @throws IOException if a file cannot be read or a name is unknown
   */
  public static List<HateXplainData.Post> read(Path dataDir, List<String> names)
      throws IOException {
    List<HateXplainData.Post> out = new ArrayList<>();
    for (String name : names) {
      switch (name) {
        case "davidson" -> out.addAll(davidson(dataDir.resolve("davidson/data_labeled_data.csv")));
        case "stormfront" ->
            out.addAll(
                stormfront(dataDir.resolve("stormfront_vicomtech/stormfront_sentences.csv")));
        default ->
            throw new IOException(
                "unknown extra corpus, expected davidson or stormfront [got '" + name + "']");
      }
    }
    return out;
  }

  /** Davidson et al. 2017: class 0 hate, 1 offensive, 2 neither; votes from the count columns. */
  static List<HateXplainData.Post> davidson(Path csv) throws IOException {
    List<HateXplainData.Post> out = new ArrayList<>();
    for (Map<String, String> r : Csv.read(csv)) {
      int[] votes = {
        Integer.parseInt(r.get("hate_speech")),
        Integer.parseInt(r.get("offensive_language")),
        Integer.parseInt(r.get("neither"))
      };
      int label = Integer.parseInt(r.get("class"));
      out.add(post("davidson:" + r.get(""), clean(r.get("tweet")), label, votes));
    }
    return out;
  }

  /** Stormfront sentences: hate and noHate outside the {@code test} sample. */
  static List<HateXplainData.Post> stormfront(Path csv) throws IOException {
    List<HateXplainData.Post> out = new ArrayList<>();
    for (Map<String, String> r : Csv.read(csv)) {
      if ("test".equals(r.get("sampled_split"))) {
        continue;
      }
      int label =
          switch (r.get("label")) {
            case "hate" -> 0;
            case "noHate" -> 2;
            default -> -1;
          };
      if (label < 0) {
        continue;
      }
      int[] votes = new int[3];
      votes[label] = 1;
      out.add(post("stormfront:" + r.get("file_id"), r.get("text"), label, votes));
    }
    return out;
  }

  private static HateXplainData.Post post(String id, String text, int label, int[] votes) {
    return new HateXplainData.Post(id, SPLIT, text, TfidfVectorizer.tokens(text), label, votes);
  }

  /** Drops retweet markers and HTML entities (handles and URLs the tokenizer drops itself). */
  static String clean(String tweet) {
    String s = ENTITY.matcher(tweet).replaceAll(" ");
    return RETWEET.matcher(s).replaceAll(" ");
  }

  /**
   * The unlabelled English text at hand, as token lists, for pretraining word vectors: every
   * Davidson tweet, every Stormfront sentence, the English MLMA tweets and the English tweets of
   * the IRA troll accounts. HateXplain is not read here (its train split is added by the caller).
   */
  public static List<List<String>> unlabelledEnglish(Path dataDir) throws IOException {
    List<List<String>> out = new ArrayList<>();
    for (Map<String, String> r : Csv.read(dataDir.resolve("davidson/data_labeled_data.csv"))) {
      out.add(TfidfVectorizer.tokens(clean(r.get("tweet"))));
    }
    for (Map<String, String> r :
        Csv.read(dataDir.resolve("stormfront_vicomtech/stormfront_sentences.csv"))) {
      out.add(TfidfVectorizer.tokens(r.get("text")));
    }
    for (Map<String, String> r :
        Csv.read(dataDir.resolve("mlma/hate_speech_mlma/en_dataset.csv"))) {
      out.add(TfidfVectorizer.tokens(clean(r.get("tweet"))));
    }
    Path ira = dataDir.resolve("influence_ops/ira_russian_troll_tweets_by_author/tweets");
    List<Path> files;
    try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(ira)) {
      files = s.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
    }
    for (Path f : files) {
      for (Map<String, String> r : Csv.read(f)) {
        if ("English".equals(r.get("language"))) {
          out.add(TfidfVectorizer.tokens(clean(r.get("content"))));
        }
      }
    }
    return out;
  }
}
