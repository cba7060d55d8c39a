package org.tocsin.nlp.corenlp;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.tocsin.core.score.LexiconHit;

/**
 * Runs the English CoreNLP pipeline in its "NER-lite" configuration (tokenize, ssplit, pos, lemma,
 * and NER with only the english.all.3class model: no SUTime, numeric or fine-grained classifiers)
 * and reads from it evidence for the Rabat factors.
 *
 * <p>Besides the calls to violence (a violent imperative or a modal + violent verb), it reads how
 * the screen's violence lexicon terms are used (as verbs, or as nouns naming an event: "the
 * shooting"), whether a call's verb has a target close by, and reporting verbs ("said", "called
 * for"); see {@link DeepEvidence}.
 *
 * <p>Two pipelines: tokenize, ssplit, pos and lemma on every post analysed, then NER only on the
 * posts where those found a call to violence (unless {@code nerAlways}).
 *
 * <p>Loading is lazy: nothing is loaded until the first {@link #analyze}. Each calling thread gets
 * its own pipeline object; CoreNLP's annotator pool shares the loaded models between them, so a
 * second thread costs no second copy of the models. Loading takes seconds and annotating a post
 * milliseconds: call it from a worker thread, never from an event loop.
 */
public final class DeepAnalyzer implements DeepStage {

  /** The NER model of the "NER-lite" configuration, on the classpath in the models jar. */
  public static final String NER_MODEL =
      "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

  /** How many mentions of each entity type are kept. */
  public static final int MAX_MENTIONS = 5;

  private static final Set<String> CLAUSE_BREAKS =
      Set.of(",", ";", ":", "-", "--", "!", "and", "so", "then", "now", "or");
  private static final Set<String> LEAD_INS =
      Set.of("please", "just", "go", "let", "'s", "us", "lets", "now", "all", "so", "then");
  private static final Set<String> SEMI_MODALS = Set.of("have", "need", "got", "ought", "gotta");

  /** Pronouns and quantifiers that stand for the people a call's verb is aimed at. */
  static final Set<String> TARGET_PRONOUNS =
      Set.of("them", "they", "those", "these", "him", "her", "em", "'em", "all", "every", "each");

  /** How many tokens after a call's verb its target may be ("kill all of the X": 3). */
  static final int TARGET_AFTER = 4;

  /** How many tokens before a passive call's participle its target may be ("X must be gassed"). */
  static final int TARGET_BEFORE = 6;

  /** Lemmas of reporting verbs (and "according"); "call for" is matched as two words. */
  static final Set<String> REPORTING =
      Set.of("say", "report", "accuse", "claim", "allege", "tweet");

  /**
   * Violence terms that are never event nouns: they name the genocidal act itself (guideline §5,
   * historic coded terms), so "the gas", "gassing" and "genocide" keep their weight as nouns.
   */
  private static final Set<String> NOT_EVENT_NOUNS = Set.of("gas", "gassing", "genocide", "war");

  private final String nerModel;
  private final boolean nerAlways;
  private final ThreadLocal<StanfordCoreNLP> syntax =
      ThreadLocal.withInitial(() -> load(syntaxProperties(), true));
  private final ThreadLocal<StanfordCoreNLP> entities = ThreadLocal.withInitial(this::loadNer);
  private volatile RuntimeException loadFailure;

  /**
   * The "NER-lite" analyzer with the bundled 3-class model, NER run only on posts where the
   * part-of-speech patterns found a call to violence.
   */
  public DeepAnalyzer() {
    this(NER_MODEL, false);
  }

  /**
   * An analyzer with another NER model (a classpath resource or file path).
   *
   * @param nerModel the CRF model CoreNLP's NER annotator loads
   * @param nerAlways run NER on every post analysed; {@code false} runs it only where a call to
   *     violence was found (places then raise the likelihood factor, persons and organisations are
   *     context evidence; none of them changes incitement), which halves the deep stage's cost on
   *     most posts
   */
  public DeepAnalyzer(String nerModel, boolean nerAlways) {
    this.nerModel = java.util.Objects.requireNonNull(nerModel, "nerModel");
    this.nerAlways = nerAlways;
  }

  /** {@code en}. */
  @Override
  public String language() {
    return "en";
  }

  @Override
  public String pipeline(boolean ner) {
    return ner
        ? "tokenize,ssplit,pos,lemma,ner(3class)"
        : "tokenize,ssplit,pos,lemma (no call to violence, so no NER)";
  }

  /** The properties of the single-pipeline configuration (all five annotators). */
  static Properties properties() {
    Properties p = syntaxProperties();
    p.putAll(nerProperties(NER_MODEL));
    p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
    return p;
  }

  /** tokenize, ssplit, pos, lemma: what the call-to-action patterns read. */
  static Properties syntaxProperties() {
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,pos,lemma");
    p.setProperty("tokenize.language", "en");
    return p;
  }

  /** NER alone (3-class CRF, no SUTime, numeric or fine-grained classifiers), run after syntax. */
  static Properties nerProperties(String nerModel) {
    Properties p = new Properties();
    p.setProperty("annotators", "ner");
    p.setProperty("ner.model", nerModel);
    p.setProperty("ner.useSUTime", "false");
    p.setProperty("ner.applyNumericClassifiers", "false");
    p.setProperty("ner.applyFineGrained", "false");
    return p;
  }

  private StanfordCoreNLP loadNer() {
    return load(nerProperties(nerModel), false);
  }

  private StanfordCoreNLP load(Properties props, boolean enforceRequirements) {
    RuntimeException failed = loadFailure;
    if (failed != null) {
      throw new IllegalStateException("the deep stage could not load: " + failed.getMessage());
    }
    try {
      return new StanfordCoreNLP(props, enforceRequirements);
    } catch (RuntimeException e) {
      loadFailure = e; // fail fast from now on: loading takes seconds, retrying per post stalls
      throw e;
    }
  }

  /**
   * Annotates an English text and collects its evidence, with no lexicon hits: calls are then
   * targeted only by pronouns, and no violence terms are looked up. See {@link #analyze(String,
   * List)}.
   */
  public DeepEvidence analyze(String text) {
    return analyze(text, List.of());
  }

  /**
   * Annotates an English text and collects its evidence; the first call on a thread loads.
   *
   * @param hits the screen's lexicon hits on the text ({@code null}: none): its {@code violence}
   *     terms are looked up in CoreNLP's tokens (how each is used), its {@code group}, {@code slur}
   *     and {@code dehumanization} terms are the targets a call's verb may have
   * @throws RuntimeException if CoreNLP cannot load (then every later call fails at once) or fails
   *     on the text
   */
  @Override
  public DeepEvidence analyze(String text, List<LexiconHit> hits) {
    CoreDocument doc = new CoreDocument(text == null ? "" : text);
    syntax.get().annotate(doc);
    ScreenTerms terms = ScreenTerms.of(hits);
    List<String[]> violence = terms.violence();
    Set<String> targetWords = terms.targetWords();
    EvidenceSets e = new EvidenceSets();
    List<CoreSentence> sentences = doc.sentences() == null ? List.of() : doc.sentences();
    for (CoreSentence s : sentences) {
      List<CoreLabel> tokens = s.tokens();
      List<Integer> verbs = new ArrayList<>();
      imperatives(tokens, e.imperatives, verbs);
      modalViolence(tokens, e.modal, verbs);
      for (int v : verbs) {
        String target = target(tokens, v, targetWords);
        if (target != null && !negatedOrRelative(tokens, v)) {
          EvidenceSets.add(e.targeted, lower(tokens.get(v).lemma()) + " -> " + target);
        }
      }
      violenceUses(tokens, violence, e.uses, e.eventNouns);
      reporting(tokens, e.reporting);
    }
    boolean ner = nerAlways || e.calls();
    if (ner) {
      entities.get().annotate(doc);
      e.entities(doc);
    }
    return e.evidence(sentences.size(), ner);
  }

  /**
   * The target of the call whose violent verb is at {@code v}: a target word or pronoun within
   * {@link #TARGET_AFTER} tokens after it, or, for a passive participle (VBN), within {@link
   * #TARGET_BEFORE} tokens before it; {@code null} if none.
   */
  static String target(List<CoreLabel> tokens, int v, Set<String> targetWords) {
    for (int j = v + 1; j < tokens.size() && j <= v + TARGET_AFTER; j++) {
      if (isTarget(tokens.get(j), targetWords)) {
        return lower(tokens.get(j).word());
      }
    }
    if ("VBN".equals(tokens.get(v).tag())) {
      for (int j = v - 1; j >= 0 && j >= v - TARGET_BEFORE; j--) {
        if (isTarget(tokens.get(j), targetWords)) {
          return lower(tokens.get(j).word());
        }
      }
    }
    return null;
  }

  private static boolean isTarget(CoreLabel t, Set<String> targetWords) {
    String w = lower(t.word());
    return TARGET_PRONOUNS.contains(w)
        || targetWords.contains(w)
        || targetWords.contains(lower(t.lemma()));
  }

  /**
   * Whether the call at {@code v} is negated ("n't", "not", "never" in the 5 tokens before) or sits
   * in a relative clause ("that", "who" or "which" right before a modal or verb there: "savages
   * that would kill them" tells what others would do, it calls for nothing).
   */
  static boolean negatedOrRelative(List<CoreLabel> tokens, int v) {
    for (int k = Math.max(0, v - 5); k < v; k++) {
      String w = lower(tokens.get(k).word());
      if (w.equals("n't") || w.equals("not") || w.equals("never")) {
        return true;
      }
      if ((w.equals("that") || w.equals("who") || w.equals("which")) && k + 1 < tokens.size()) {
        String next = tokens.get(k + 1).tag() == null ? "" : tokens.get(k + 1).tag();
        if ("MD".equals(next) || next.startsWith("VB")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Each occurrence of a violence term (its words in sequence) as {@code word/TAG} of its first
   * word; those tagged as a noun (NN*) that are one-word violent verbs used as nouns ("shooting",
   * "murder", "attack") also go to {@code eventNouns}; a term of several words ("death to", "gas
   * chamber") is never an event noun.
   */
  static void violenceUses(
      List<CoreLabel> tokens, List<String[]> terms, Set<String> uses, Set<String> eventNouns) {
    for (int i = 0; i < tokens.size(); i++) {
      String w = lower(tokens.get(i).word());
      for (String[] term : terms) {
        if (!term[0].equals(w) || !followedBy(tokens, i, term)) {
          continue;
        }
        CoreLabel t = tokens.get(i);
        String tag = t.tag() == null ? "" : t.tag();
        String use = w + "/" + tag;
        uses.add(use);
        if (tag.startsWith("NN")
            && term.length == 1
            && !NOT_EVENT_NOUNS.contains(w)
            && violentVerbNoun(w, lower(t.lemma()))) {
          eventNouns.add(use);
        }
      }
    }
  }

  private static boolean followedBy(List<CoreLabel> tokens, int i, String[] term) {
    for (int k = 1; k < term.length; k++) {
      if (i + k >= tokens.size() || !term[k].equals(lower(tokens.get(i + k).word()))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a noun is a violent verb or its -ing form: attack, murder, shooting, killing. */
  static boolean violentVerbNoun(String word, String lemma) {
    if (ViolentVerbs.contains(lemma) || ViolentVerbs.contains(word)) {
      return true;
    }
    if (!word.endsWith("ing") || word.length() < 6) {
      return false;
    }
    String stem = word.substring(0, word.length() - 3);
    return ViolentVerbs.contains(stem)
        || ViolentVerbs.contains(stem + "e")
        || ViolentVerbs.contains(stem.substring(0, stem.length() - 1));
  }

  /** Reporting verbs by lemma, "according" and "called for" / "calls for", as written. */
  static void reporting(List<CoreLabel> tokens, Set<String> out) {
    for (int i = 0; i < tokens.size(); i++) {
      CoreLabel t = tokens.get(i);
      String lemma = lower(t.lemma());
      String w = lower(t.word());
      if (REPORTING.contains(lemma) || "according".equals(w)) {
        out.add(w);
      } else if ("call".equals(lemma)
          && i + 1 < tokens.size()
          && "for".equals(lower(tokens.get(i + 1).word()))) {
        out.add(w + " for");
      }
    }
  }

  /** A violent base-form verb (VB) at a clause start, after optional lead-ins: "burn them". */
  static void imperatives(List<CoreLabel> tokens, Set<String> out) {
    imperatives(tokens, out, new ArrayList<>());
  }

  /** As {@link #imperatives(List, Set)}, adding each verb's token index to {@code at}. */
  static void imperatives(List<CoreLabel> tokens, Set<String> out, List<Integer> at) {
    boolean clauseStart = true;
    for (int i = 0; i < tokens.size(); i++) {
      CoreLabel t = tokens.get(i);
      String word = lower(t.word());
      if (CLAUSE_BREAKS.contains(word)) {
        clauseStart = true;
        continue;
      }
      if (!clauseStart) {
        continue;
      }
      String tag = t.tag() == null ? "" : t.tag();
      if (LEAD_INS.contains(word) || "UH".equals(tag) || tag.startsWith("RB")) {
        continue;
      }
      String lemma = lower(t.lemma());
      if ("VB".equals(tag) && ViolentVerbs.contains(lemma)) {
        out.add(lemma);
        at.add(i);
      }
      clauseStart = false;
    }
  }

  /**
   * A modal (or have/need to) followed by a violent verb: "must be exterminated", "should kill".
   */
  static void modalViolence(List<CoreLabel> tokens, Set<String> out) {
    modalViolence(tokens, out, new ArrayList<>());
  }

  /** As {@link #modalViolence(List, Set)}, adding each violent verb's token index to {@code at}. */
  static void modalViolence(List<CoreLabel> tokens, Set<String> out, List<Integer> at) {
    for (int i = 0; i < tokens.size(); i++) {
      CoreLabel t = tokens.get(i);
      String word = lower(t.word());
      boolean modal = "MD".equals(t.tag());
      boolean semiModal =
          "to".equals(word) && i > 0 && SEMI_MODALS.contains(lower(tokens.get(i - 1).lemma()));
      if (!modal && !semiModal) {
        continue;
      }
      int start = semiModal ? i - 1 : i;
      for (int j = i + 1; j < tokens.size() && j <= i + 4; j++) {
        CoreLabel v = tokens.get(j);
        String tag = v.tag() == null ? "" : v.tag();
        String lemma = lower(v.lemma());
        if (tag.startsWith("RB") || "be".equals(lemma) || "DT".equals(tag) || "PDT".equals(tag)) {
          continue;
        }
        if (("VB".equals(tag) || "VBN".equals(tag)) && ViolentVerbs.contains(lemma)) {
          StringBuilder span = new StringBuilder();
          for (int k = start; k <= j; k++) {
            span.append(k == start ? "" : " ").append(tokens.get(k).word());
          }
          out.add(span.toString().toLowerCase(Locale.ROOT));
          at.add(j);
        }
        break;
      }
    }
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
