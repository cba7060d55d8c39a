package org.tocsin.models.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tocsin.models.functional.FunctionalCase;
import org.tocsin.models.functional.FunctionalSuite;
import org.tocsin.models.functional.Part;
import org.tocsin.models.functional.SuiteSource;
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
   * @param names {@code davidson}, {@code stormfront}, or {@code functional-LANG} (the TRAIN part
   *     of Tocsin's own functional suite in language LANG: see {@link #functional})
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
        default -> {
          if (!name.startsWith(FUNCTIONAL)) {
            throw new IOException(
                "unknown extra corpus, expected davidson, stormfront or functional-LANG [got '"
                    + name
                    + "']");
          }
          out.addAll(functional(name.substring(FUNCTIONAL.length())));
        }
      }
    }
    return out;
  }

  private static final String FUNCTIONAL = "functional-";

  /**
   * The TRAIN part of Tocsin's functional suite ({@code models/functional}, shipped in this jar) in
   * one language: hateful cases as hate; abuse of individuals or objects and untargeted profanity
   * as offensive; the other contrasts (neutral and positive identity statements, negated hate,
   * counter-speech, news, reclaimed slurs, homonyms) as normal, each repeated so that a group's
   * contrasts weigh as much as its hateful cases. The TEST part is never read here: its templates
   * and fillers are kept apart from these, so it still measures what was learnt.
   *
   * <p>{@code functional-LANG-fit} leaves out the templates of {@link #isDevTemplate}, so that
   * choices can be measured on templates the model has not seen without reading the TEST part.
   */
  static List<HateXplainData.Post> functional(String spec) throws IOException {
    boolean contrastsOnly = spec.endsWith("-contrasts");
    String rest = contrastsOnly ? spec.substring(0, spec.length() - "-contrasts".length()) : spec;
    boolean fit = rest.endsWith("-fit");
    String lang = fit ? rest.substring(0, rest.length() - "-fit".length()) : rest;
    List<HateXplainData.Post> out = new ArrayList<>();
    // per group: hateful cases, and the non-hateful ones, which are repeated below until they
    // weigh as much (the suite has about twice as many hateful functions as contrasts per group,
    // and a group's name must not become a sign of hate by itself)
    Map<String, int[]> perGroup = new java.util.HashMap<>();
    List<HateXplainData.Post> contrasts = new ArrayList<>();
    List<String> contrastGroups = new ArrayList<>();
    for (FunctionalCase c :
        FunctionalSuite.load(SuiteSource.classpath(), Part.TRAIN, List.of(lang))) {
      if ((fit && isDevTemplate(c.templateId())) || (contrastsOnly && c.hateful())) {
        continue;
      }
      int label;
      if (c.hateful()) {
        label = 0;
      } else {
        label =
            switch (c.function()) {
              case ABUSE_INDIVIDUAL, ABUSE_OBJECT, PROFANITY_UNTARGETED -> 1;
              default -> 2;
            };
      }
      int[] votes = new int[3];
      votes[label] = 1;
      HateXplainData.Post post = post("functional:" + c.id(), c.text(), label, votes);
      out.add(post);
      int[] n = perGroup.computeIfAbsent(c.group(), g -> new int[2]);
      n[c.hateful() ? 0 : 1]++;
      if (!c.hateful()) {
        contrasts.add(post);
        contrastGroups.add(c.group());
      }
    }
    for (int i = 0; i < contrasts.size(); i++) {
      int[] n = perGroup.get(contrastGroups.get(i));
      // repeat each contrast so that the group's contrasts weigh as much as its hateful cases
      int copies =
          n[1] == 0 || contrastsOnly ? 0 : Math.max(0, Math.round((float) n[0] / n[1]) - 1);
      for (int k = 0; k < copies; k++) {
        out.add(contrasts.get(i));
      }
    }
    if (out.isEmpty()) {
      throw new IOException("the functional suite has no TRAIN cases in language '" + lang + "'");
    }
    return out;
  }

  /** One TRAIN template in four, by a stable hash of its id: the development templates. */
  public static boolean isDevTemplate(String templateId) {
    return Math.floorMod(templateId.hashCode(), 4) == 0;
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
