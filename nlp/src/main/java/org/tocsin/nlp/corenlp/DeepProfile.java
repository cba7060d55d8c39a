package org.tocsin.nlp.corenlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What {@link ProfileDeepAnalyzer} needs for one language whose CoreNLP models have no lemmas: the
 * CoreNLP properties of its two pipelines, how its tagger names the parts of speech the patterns
 * read, and word lists of inflected forms. Read from a classpath resource next to this class,
 * {@code deep-<language>-v<n>.tsv}, one entry a line, tab-separated (see the header of {@code
 * deep-de-v1.tsv} for every kind).
 *
 * @param language the ISO 639-1 code
 * @param resource the resource it was read from
 * @param syntax CoreNLP properties of the pipeline run on every post analysed (tokenize to pos)
 * @param ner CoreNLP properties of the NER pipeline run after it where a call was found; empty if
 *     CoreNLP has no NER model for the language
 * @param tags the tagger's tags for each role ({@code noun}, {@code pron}, {@code skip}: adverbs
 *     and interjections a clause may open with, {@code adp}, {@code punct})
 * @param imperatives violent imperative forms, each with the particles one of which must follow in
 *     the clause ({@code ""}: none needed)
 * @param modals modals opening a call, each with the words one of which must come right after it
 *     ({@code ""}: none needed; "lasst" needs "uns", "hay" needs "que")
 * @param words the other word lists by kind ({@code inf}, {@code inf-noun}: a violent verb or
 *     verbal noun after a modal whatever its tag, as the Arabic tagger tags the verbal noun of "يجب
 *     قتلهم" as a noun; {@code fused}: a violent form with its object pronoun in the same token,
 *     its own target; {@code event}, {@code report}, {@code report-adp}, {@code target}, {@code
 *     pron}, {@code break}, {@code leadin}, {@code neg}, {@code qsubj}, {@code ending}, {@code
 *     policy}, {@code clitic}: an object pronoun standing right before its verb, which the tagger
 *     may tag as an article, "faut les/DET pendre/NOUN", {@code enclitic}: an object pronoun
 *     written onto the end of its verb, "mátenlos", {@code qmark}: a token that makes its sentence
 *     a question wherever it stands, "¿"), and the {@code rule} switches the profile turns on (see
 *     {@link #RULES})
 * @param reach the token windows ({@code target-after}, {@code target-before}, {@code modal},
 *     {@code neg}, {@code policy})
 */
public record DeepProfile(
    String language,
    String resource,
    Properties syntax,
    Properties ner,
    Map<String, Set<String>> tags,
    Map<String, Set<String>> imperatives,
    Map<String, Set<String>> modals,
    Map<String, Set<String>> words,
    Map<String, Integer> reach) {

  /** The word-list kinds (each line: kind, lower-case form). */
  static final List<String> WORD_KINDS =
      List.of(
          "inf",
          "inf-noun",
          "fused",
          "event",
          "report",
          "report-adp",
          "target",
          "pron",
          "break",
          "leadin",
          "neg",
          "qsubj",
          "ending",
          "policy",
          "clitic",
          "rule",
          "enclitic",
          "qmark");

  /**
   * The switches a profile may turn on with a {@code rule} line, each off unless listed: {@code
   * modal-question}, a modal call is none in a sentence ending with "?" or with a {@code qsubj}
   * word right after its modal ("Faut-il les tuer ?", "Doit-on les pendre"), as an imperative
   * already is; {@code modal-neg}, a modal call is none when a {@code neg} word is within the
   * {@code neg} reach before its verb ("Il ne faut pas les tuer"), not only its target.
   */
  static final List<String> RULES = List.of("modal-question", "modal-neg");

  /** The tag roles. */
  static final List<String> TAG_ROLES = List.of("noun", "pron", "skip", "adp", "punct");

  /** The token windows and their defaults. */
  static final Map<String, Integer> REACH_DEFAULTS =
      Map.of("target-after", 4, "target-before", 6, "modal", 8, "neg", 5, "policy", 3);

  /** The profile of a language from its resource ({@code deep-de-v1.tsv}). */
  public static DeepProfile load(String language, String resource) {
    try (InputStream in = DeepProfile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return parse(
          language,
          resource,
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Parses a profile; a bad line is refused with its number. */
  static DeepProfile parse(String language, String resource, BufferedReader r) throws IOException {
    Properties syntax = new Properties();
    Properties ner = new Properties();
    Map<String, Set<String>> tags = new LinkedHashMap<>();
    Map<String, Set<String>> imp = new HashMap<>();
    Map<String, Set<String>> modal = new HashMap<>();
    Map<String, Set<String>> words = new LinkedHashMap<>();
    Map<String, Integer> reach = new HashMap<>(REACH_DEFAULTS);
    TAG_ROLES.forEach(k -> tags.put(k, new HashSet<>()));
    WORD_KINDS.forEach(k -> words.put(k, new HashSet<>()));
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      String where = resource + " line " + n + ": ";
      if (f.length < 2 || f[1].isBlank()) {
        throw new IllegalStateException(where + "expected kind<TAB>value [got " + line + "]");
      }
      switch (f[0]) {
        case "syntax", "ner" -> {
          if (f.length != 3 || f[2].isBlank()) {
            throw new IllegalStateException(
                where + "expected " + f[0] + "<TAB>property<TAB>value [got " + line + "]");
          }
          ("syntax".equals(f[0]) ? syntax : ner).setProperty(f[1], f[2]);
        }
        case "tag" -> {
          if (f.length != 3 || !tags.containsKey(f[1])) {
            throw new IllegalStateException(
                where
                    + "expected tag<TAB>role<TAB>TAG, role one of "
                    + TAG_ROLES
                    + " [got "
                    + line
                    + "]");
          }
          tags.get(f[1]).add(f[2]);
        }
        case "reach" -> {
          if (f.length != 3 || !REACH_DEFAULTS.containsKey(f[1]) || !f[2].matches("[1-9][0-9]?")) {
            throw new IllegalStateException(
                where
                    + "expected reach<TAB>window<TAB>1..99, window one of "
                    + REACH_DEFAULTS.keySet()
                    + " [got "
                    + line
                    + "]");
          }
          reach.put(f[1], Integer.parseInt(f[2]));
        }
        case "imp", "modal" -> {
          lowerCase(where, line, f);
          if (f.length > 3) {
            throw new IllegalStateException(where + "extra field [got " + line + "]");
          }
          ("imp".equals(f[0]) ? imp : modal)
              .computeIfAbsent(f[1], k -> new HashSet<>())
              .add(f.length == 3 ? f[2] : "");
        }
        default -> {
          if (!words.containsKey(f[0]) || f.length != 2) {
            throw new IllegalStateException(
                where + "unknown kind or extra field [got " + line + "]");
          }
          lowerCase(where, line, f);
          if ("rule".equals(f[0]) && !RULES.contains(f[1])) {
            throw new IllegalStateException(
                where + "expected rule<TAB>one of " + RULES + " [got " + line + "]");
          }
          words.get(f[0]).add(f[1]);
        }
      }
    }
    if (syntax.getProperty("annotators") == null || syntax.getProperty("pos.model") == null) {
      throw new IllegalStateException(
          resource + ": the syntax pipeline needs the properties annotators and pos.model");
    }
    if (!ner.isEmpty() && ner.getProperty("ner.model") == null) {
      throw new IllegalStateException(resource + ": the ner pipeline needs ner.model");
    }
    if (imp.isEmpty() && modal.isEmpty()) {
      throw new IllegalStateException(resource + ": no imperative and no modal listed");
    }
    return new DeepProfile(
        language,
        resource,
        syntax,
        ner,
        frozen(tags),
        frozen(imp),
        frozen(modal),
        frozen(words),
        Map.copyOf(reach));
  }

  private static void lowerCase(String where, String line, String[] f) {
    for (int i = 1; i < f.length; i++) {
      if (f[i].isBlank() || !f[i].equals(f[i].toLowerCase(Locale.ROOT))) {
        throw new IllegalStateException(
            where + "expected kind<TAB>lower-case form [got " + line + "]");
      }
    }
  }

  private static Map<String, Set<String>> frozen(Map<String, Set<String>> m) {
    Map<String, Set<String>> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, Set.copyOf(v)));
    return Map.copyOf(out);
  }

  /** The word list of a kind (never null). */
  public Set<String> words(String kind) {
    Set<String> s = words.get(kind);
    if (s == null) {
      throw new IllegalArgumentException("no word kind " + kind);
    }
    return s;
  }

  /** Whether the profile turns a {@link #RULES} switch on. */
  public boolean rule(String name) {
    return words("rule").contains(name);
  }

  /** Whether a tag plays a role ({@code noun}, {@code pron} ...). */
  public boolean tagIs(String role, String tag) {
    return tag != null && tags.getOrDefault(role, Set.of()).contains(tag);
  }

  /** The annotators that run, for the notes: "tokenize,ssplit,mwt,pos(german-ud)". */
  public String describe(boolean withNer) {
    String s = syntax.getProperty("annotators").replace("pos", "pos(" + model("pos.model") + ")");
    if (ner.isEmpty()) {
      return s + " (CoreNLP has no NER model for " + language + ")";
    }
    return withNer
        ? s + ",ner(" + model("ner.model") + ")"
        : s + " (no call to violence, so no NER)";
  }

  private String model(String key) {
    String path = syntax.getProperty(key, ner.getProperty(key, ""));
    String name = path.substring(path.lastIndexOf('/') + 1);
    for (String ext : List.of(".crf.ser.gz", ".ser.gz", ".tagger")) {
      if (name.endsWith(ext)) {
        return name.substring(0, name.length() - ext.length());
      }
    }
    return name;
  }
}
