package org.tocsin.nlp.corenlp;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.tocsin.core.score.LexiconHit;

/**
 * The German deep stage: CoreNLP's German pipeline (tokenize with the German post-processor,
 * ssplit, mwt, the UD POS tagger german-ud.tagger; then NER with german.distsim only where a call
 * to violence was found) and the German equivalents of {@link DeepAnalyzer}'s patterns.
 *
 * <p>CoreNLP's lemma annotator is English-only, so the word lists (resource {@value #WORDS}, see
 * its header) hold inflected forms:
 *
 * <ul>
 *   <li>imperative: a violent imperative form ("tötet", "erschießt", "vergast") opening a clause,
 *       after optional lead-ins (@-handles, adverbs and interjections, "bitte", "endlich", "und");
 *       a separable verb needs its particle later in the clause ("hängt die Verräter auf"); not in
 *       a sentence ending with "?" nor with "er", "es" or "man" right after (a yes/no question or a
 *       conditional: "Tötet ihr auch Tiere?"). The form and the position decide, not the tag: the
 *       tagger tags a capitalised verb after a handle as NOUN;
 *   <li>modal + violent verb: a modal ("muss", "sollten", "gehören", "lasst uns") followed in the
 *       same clause, within {@value #MODAL_REACH} tokens, by a violent infinitive or participle not
 *       tagged NOUN ("müssen vergast", "sollte sie alle erschießen", "gehören alle vergast"; "das
 *       Töten beenden" is none). A subordinate clause puts the modal last ("..., dass man sie töten
 *       muss"), so it never matches;
 *   <li>targeted: a call whose verb has a target close by: a group, slur or dehumanisation term of
 *       the screen's lexicon hits, or a target pronoun ("sie", "alle"; "die", "diese" only when
 *       tagged PRON) within {@value #TARGET_AFTER} tokens after the verb, or, for a modal call,
 *       within {@value #TARGET_BEFORE} tokens before it (German puts the infinitive last: "man
 *       sollte sie erschießen", "die Moslems müssen vergast werden"); not negated ("nicht", "nie",
 *       "kein..." in the 5 tokens before the verb);
 *   <li>event nouns: a token tagged NOUN or PROPN that ends in an event stem ("Anschlag",
 *       "Terroranschlag", "Mord", "Schießerei"), or a lexicon violence term tagged NOUN that is a
 *       violent infinitive ("das Töten"); both count as violence uses, so {@link
 *       DeepEvidence#eventNounsOnly} holds when all violence is named as events;
 *   <li>reporting: "sagte", "berichtet", "fordert", "zufolge", "laut" as a preposition.
 * </ul>
 *
 * <p>Loading is lazy, per thread, as {@link DeepAnalyzer}'s: nothing loads until the first German
 * post is analysed.
 */
public final class GermanDeepAnalyzer implements DeepStage {

  /** The word lists, a classpath resource next to this class. */
  public static final String WORDS = "deep-de-v1.tsv";

  /** The UD POS tagger of CoreNLP's German models jar. */
  public static final String POS_MODEL = "edu/stanford/nlp/models/pos-tagger/german-ud.tagger";

  /** The NER model of CoreNLP's German models jar (PERSON, LOCATION, ORGANIZATION, MISC). */
  public static final String NER_MODEL = "edu/stanford/nlp/models/ner/german.distsim.crf.ser.gz";

  /** How many tokens after a call's verb its target may be ("tötet sie alle"). */
  static final int TARGET_AFTER = 4;

  /** How many tokens before a modal call's verb its target may be. */
  static final int TARGET_BEFORE = 6;

  /** How many tokens after the modal its violent verb may be. */
  static final int MODAL_REACH = 8;

  private static final Set<String> PUNCT_BREAKS =
      Set.of(",", ";", ":", ".", "!", "?", "-", "--", "–", "—", "(", ")", "|", "lbr", "|lbr|");
  private static final Set<String> WORD_BREAKS = Set.of("und", "oder", "aber", "dann", "sonst");
  private static final Set<String> LEAD_INS =
      Set.of("bitte", "endlich", "jetzt", "doch", "einfach", "sofort", "los", "also", "ja", "rt");
  private static final Set<String> QUESTION_SUBJECTS = Set.of("er", "es", "man");
  private static final Set<String> NEGATIONS =
      Set.of("nicht", "nie", "niemals", "kein", "keine", "keinen", "keiner", "keinem");
  private static final Set<String> QUOTES = Set.of("\"", "„", "“", "”", "«", "»", "'", "‚", "‘");
  private static final List<String> EVENT_ENDINGS = List.of("", "s", "es", "e", "en", "n");

  private static volatile Words words;

  private final ThreadLocal<StanfordCoreNLP> syntax =
      ThreadLocal.withInitial(() -> load(syntaxProperties(), true));
  private final ThreadLocal<StanfordCoreNLP> entities =
      ThreadLocal.withInitial(() -> load(nerProperties(), false));
  private volatile RuntimeException loadFailure;

  /** The German word lists of {@value #WORDS}. */
  record Words(
      Map<String, Set<String>> imperatives,
      Set<String> infinitives,
      Set<String> modals,
      Set<String> events,
      Set<String> reporting,
      Set<String> targets,
      Set<String> pronounTargets) {}

  /** An analyzer; nothing loads until the first {@link #analyze}. */
  public GermanDeepAnalyzer() {
    words(); // the word lists are small: a broken resource fails here, not on the first post
  }

  @Override
  public String language() {
    return "de";
  }

  @Override
  public String pipeline(boolean ner) {
    return ner
        ? "tokenize,ssplit,mwt,pos(german-ud),ner(german.distsim)"
        : "tokenize,ssplit,mwt,pos(german-ud) (no call to violence, so no NER)";
  }

  /** tokenize, ssplit, mwt, pos as CoreNLP's StanfordCoreNLP-german.properties sets them. */
  static Properties syntaxProperties() {
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,mwt,pos");
    p.setProperty("tokenize.language", "de");
    p.setProperty(
        "tokenize.postProcessor",
        "edu.stanford.nlp.international.german.process.GermanTokenizerPostProcessor");
    p.setProperty("mwt.mappingFile", "edu/stanford/nlp/models/mwt/german/german-mwt.tsv");
    p.setProperty("pos.model", POS_MODEL);
    return p;
  }

  /** NER alone, run after syntax (no SUTime, numeric or fine-grained classifiers). */
  static Properties nerProperties() {
    Properties p = new Properties();
    p.setProperty("annotators", "ner");
    p.setProperty("ner.model", NER_MODEL);
    p.setProperty("ner.useSUTime", "false");
    p.setProperty("ner.applyNumericClassifiers", "false");
    p.setProperty("ner.applyFineGrained", "false");
    return p;
  }

  private StanfordCoreNLP load(Properties props, boolean enforceRequirements) {
    RuntimeException failed = loadFailure;
    if (failed != null) {
      throw new IllegalStateException(
          "the German deep stage could not load: " + failed.getMessage());
    }
    try {
      return new StanfordCoreNLP(props, enforceRequirements);
    } catch (RuntimeException e) {
      loadFailure = e;
      throw e;
    }
  }

  /** The word lists, read once. */
  static Words words() {
    Words w = words;
    if (w == null) {
      try (InputStream in = GermanDeepAnalyzer.class.getResourceAsStream(WORDS)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + WORDS);
        }
        w = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + WORDS, e);
      }
      words = w;
    }
    return w;
  }

  static Words parse(BufferedReader r) throws IOException {
    Map<String, Set<String>> imp = new HashMap<>();
    Map<String, Set<String>> sets = new HashMap<>();
    for (String k : List.of("inf", "modal", "event", "report", "target", "pron")) {
      sets.put(k, new HashSet<>());
    }
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 2 || f[1].isBlank() || !f[1].equals(f[1].toLowerCase(Locale.ROOT))) {
        throw new IllegalStateException(
            WORDS + " line " + n + ": expected kind<TAB>lower-case form [got " + line + "]");
      }
      if ("imp".equals(f[0]) && f.length <= 3) {
        Set<String> particles = imp.computeIfAbsent(f[1], k -> new HashSet<>());
        if (f.length == 3) {
          particles.add(f[2]);
        } else {
          particles.add("");
        }
      } else if (sets.containsKey(f[0]) && f.length == 2) {
        sets.get(f[0]).add(f[1]);
      } else {
        throw new IllegalStateException(
            WORDS + " line " + n + ": unknown kind or extra field [got " + line + "]");
      }
    }
    Map<String, Set<String>> frozen = new HashMap<>();
    imp.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
    return new Words(
        Map.copyOf(frozen),
        Set.copyOf(sets.get("inf")),
        Set.copyOf(sets.get("modal")),
        Set.copyOf(sets.get("event")),
        Set.copyOf(sets.get("report")),
        Set.copyOf(sets.get("target")),
        Set.copyOf(sets.get("pron")));
  }

  /**
   * Annotates a German text and collects its evidence; the first call on a thread loads CoreNLP's
   * German models (seconds, some 500 MB of heap with NER).
   *
   * @param hits the screen's lexicon hits on the text ({@code null}: none): its {@code violence}
   *     terms are looked up in the tokens, its {@code group}, {@code slur} and {@code
   *     dehumanization} terms are the targets a call's verb may have
   */
  @Override
  public DeepEvidence analyze(String text, List<LexiconHit> hits) {
    CoreDocument doc = new CoreDocument(text == null ? "" : text);
    syntax.get().annotate(doc);
    ScreenTerms terms = ScreenTerms.of(hits);
    List<String[]> violence = terms.violence();
    Set<String> targetWords = terms.targetWords();
    Set<String> imperatives = new LinkedHashSet<>();
    Set<String> modal = new LinkedHashSet<>();
    Set<String> targeted = new LinkedHashSet<>();
    Set<String> uses = new LinkedHashSet<>();
    Set<String> eventNouns = new LinkedHashSet<>();
    Set<String> reporting = new LinkedHashSet<>();
    List<CoreSentence> sentences = doc.sentences() == null ? List.of() : doc.sentences();
    for (CoreSentence s : sentences) {
      List<CoreLabel> tokens = s.tokens();
      List<Integer> impAt = new ArrayList<>();
      List<Integer> modalAt = new ArrayList<>();
      imperatives(tokens, imperatives, impAt);
      modalViolence(tokens, modal, modalAt);
      for (int v : impAt) {
        String t = target(tokens, v, targetWords, false);
        if (t != null && !negated(tokens, v)) {
          add(targeted, lower(tokens.get(v).word()) + " -> " + t);
        }
      }
      for (int v : modalAt) {
        String t = target(tokens, v, targetWords, true);
        if (t != null && !negated(tokens, v)) {
          add(targeted, lower(tokens.get(v).word()) + " -> " + t);
        }
      }
      violenceUses(tokens, violence, uses, eventNouns);
      reporting(tokens, reporting);
    }
    boolean ner = !imperatives.isEmpty() || !modal.isEmpty();
    Set<String> persons = new LinkedHashSet<>();
    Set<String> orgs = new LinkedHashSet<>();
    Set<String> places = new LinkedHashSet<>();
    if (ner) {
      entities.get().annotate(doc);
      if (doc.entityMentions() != null) {
        for (CoreEntityMention m : doc.entityMentions()) {
          switch (m.entityType()) {
            case "PERSON", "PER", "I-PER" -> add(persons, m.text());
            case "ORGANIZATION", "ORG", "I-ORG" -> add(orgs, m.text());
            case "LOCATION", "LOC", "I-LOC" -> add(places, m.text());
            default -> {}
          }
        }
      }
    }
    return new DeepEvidence(
        List.copyOf(persons),
        List.copyOf(orgs),
        List.copyOf(places),
        List.copyOf(imperatives),
        List.copyOf(modal),
        List.copyOf(targeted),
        List.copyOf(uses),
        List.copyOf(eventNouns),
        List.copyOf(reporting),
        sentences.size(),
        ner);
  }

  private static boolean punctBreak(CoreLabel t) {
    String w = lower(t.word());
    return PUNCT_BREAKS.contains(w) || (w.length() == 1 && "PUNCT".equals(t.tag()));
  }

  /** Violent imperative forms opening a clause; each verb's token index goes to {@code at}. */
  static void imperatives(List<CoreLabel> tokens, Set<String> out, List<Integer> at) {
    Words w = words();
    if (!tokens.isEmpty() && "?".equals(tokens.get(tokens.size() - 1).word())) {
      return; // a yes/no question opens with its finite verb too
    }
    boolean clauseStart = true;
    for (int i = 0; i < tokens.size(); i++) {
      CoreLabel t = tokens.get(i);
      String word = lower(t.word());
      if (punctBreak(t) || WORD_BREAKS.contains(word)) {
        clauseStart = true;
        continue;
      }
      if (!clauseStart) {
        continue;
      }
      String tag = t.tag() == null ? "" : t.tag();
      if (word.startsWith("@")
          || QUOTES.contains(word)
          || LEAD_INS.contains(word)
          || "ADV".equals(tag)
          || "INTJ".equals(tag)) {
        continue;
      }
      clauseStart = false;
      Set<String> particles = w.imperatives().get(word);
      if (particles == null) {
        continue;
      }
      if (i + 1 < tokens.size() && QUESTION_SUBJECTS.contains(lower(tokens.get(i + 1).word()))) {
        continue;
      }
      if (particles.contains("") || particleFollows(tokens, i, particles)) {
        out.add(word);
        at.add(i);
      }
    }
  }

  private static boolean particleFollows(List<CoreLabel> tokens, int i, Set<String> particles) {
    for (int j = i + 1; j < tokens.size(); j++) {
      CoreLabel t = tokens.get(j);
      String w = lower(t.word());
      if (particles.contains(w)) {
        return true;
      }
      if (punctBreak(t)) {
        return false;
      }
    }
    return false;
  }

  /**
   * A modal (or "lasst uns") followed in its clause by a violent infinitive or participle; the span
   * from modal to verb goes to {@code out}, the verb's index to {@code at}.
   */
  static void modalViolence(List<CoreLabel> tokens, Set<String> out, List<Integer> at) {
    Words w = words();
    for (int i = 0; i < tokens.size(); i++) {
      String word = lower(tokens.get(i).word());
      if (!w.modals().contains(word)) {
        continue;
      }
      if ((word.equals("lasst") || word.equals("lass"))
          && (i + 1 >= tokens.size() || !"uns".equals(lower(tokens.get(i + 1).word())))) {
        continue;
      }
      for (int j = i + 1; j < tokens.size() && j <= i + MODAL_REACH; j++) {
        CoreLabel v = tokens.get(j);
        if (punctBreak(v)) {
          break;
        }
        String tag = v.tag() == null ? "" : v.tag();
        if (w.infinitives().contains(lower(v.word()))
            && !"NOUN".equals(tag)
            && !"PROPN".equals(tag)) {
          StringBuilder span = new StringBuilder();
          for (int k = i; k <= j; k++) {
            span.append(k == i ? "" : " ").append(tokens.get(k).word());
          }
          out.add(span.toString().toLowerCase(Locale.ROOT));
          at.add(j);
          break;
        }
      }
    }
  }

  /**
   * The target of the call whose verb is at {@code v}: within {@link #TARGET_AFTER} tokens after
   * it, or, if {@code before}, within {@link #TARGET_BEFORE} tokens before it; {@code null} if
   * none.
   */
  static String target(List<CoreLabel> tokens, int v, Set<String> targetWords, boolean before) {
    for (int j = v + 1; j < tokens.size() && j <= v + TARGET_AFTER; j++) {
      if (isTarget(tokens.get(j), targetWords)) {
        return lower(tokens.get(j).word());
      }
    }
    if (before) {
      for (int j = v - 1; j >= 0 && j >= v - TARGET_BEFORE; j--) {
        if (isTarget(tokens.get(j), targetWords)) {
          return lower(tokens.get(j).word());
        }
      }
    }
    return null;
  }

  private static boolean isTarget(CoreLabel t, Set<String> targetWords) {
    Words w = words();
    String word = lower(t.word());
    return w.targets().contains(word)
        || (w.pronounTargets().contains(word) && "PRON".equals(t.tag()))
        || targetWords.contains(word);
  }

  /** Whether a negation is among the 5 tokens before the verb at {@code v}. */
  static boolean negated(List<CoreLabel> tokens, int v) {
    for (int k = Math.max(0, v - 5); k < v; k++) {
      if (NEGATIONS.contains(lower(tokens.get(k).word()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Each lexicon violence term (its words in sequence) as {@code word/TAG}, and each event noun;
   * event nouns also go to {@code eventNouns}.
   */
  static void violenceUses(
      List<CoreLabel> tokens, List<String[]> terms, Set<String> uses, Set<String> eventNouns) {
    Words w = words();
    for (int i = 0; i < tokens.size(); i++) {
      CoreLabel t = tokens.get(i);
      String word = lower(t.word());
      String tag = t.tag() == null ? "" : t.tag();
      boolean noun = "NOUN".equals(tag) || "PROPN".equals(tag);
      for (String[] term : terms) {
        if (term[0].equals(word) && followedBy(tokens, i, term)) {
          uses.add(word + "/" + tag);
          if (noun && term.length == 1 && w.infinitives().contains(word)) {
            eventNouns.add(word + "/" + tag);
          }
        }
      }
      if (noun && eventNoun(word)) {
        uses.add(word + "/" + tag);
        eventNouns.add(word + "/" + tag);
      }
    }
  }

  /** Whether a lower-case noun ends in an event stem and an inflection ending. */
  static boolean eventNoun(String word) {
    for (String stem : words().events()) {
      for (String ending : EVENT_ENDINGS) {
        if (word.endsWith(stem + ending)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean followedBy(List<CoreLabel> tokens, int i, String[] term) {
    for (int k = 1; k < term.length; k++) {
      if (i + k >= tokens.size() || !term[k].equals(lower(tokens.get(i + k).word()))) {
        return false;
      }
    }
    return true;
  }

  /** Reporting words as written; "laut" only when tagged ADP ("laut Polizei", not "laut rufen"). */
  static void reporting(List<CoreLabel> tokens, Set<String> out) {
    Set<String> report = words().reporting();
    for (CoreLabel t : tokens) {
      String w = lower(t.word());
      if (report.contains(w) && (!"laut".equals(w) || "ADP".equals(t.tag()))) {
        out.add(w);
      }
    }
  }

  private static void add(Set<String> set, String mention) {
    if (set.size() < DeepAnalyzer.MAX_MENTIONS) {
      set.add(mention);
    }
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
