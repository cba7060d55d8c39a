package org.tocsin.nlp.corenlp;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Runs the English CoreNLP pipeline in its "NER-lite" configuration (tokenize, ssplit, pos, lemma,
 * and NER with only the english.all.3class model: no SUTime, numeric or fine-grained classifiers)
 * and reads from it evidence for the Rabat factors.
 *
 * <p>Two pipelines: tokenize, ssplit, pos and lemma on every post analysed, then NER only on the
 * posts where those found a call to violence (unless {@code nerAlways}).
 *
 * <p>Loading is lazy: nothing is loaded until the first {@link #analyze}. Each calling thread gets
 * its own pipeline object; CoreNLP's annotator pool shares the loaded models between them, so a
 * second thread costs no second copy of the models. Loading takes seconds and annotating a post
 * milliseconds: call it from a worker thread, never from an event loop.
 */
public final class DeepAnalyzer {

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
   *     violence was found (places and persons then serve as imminence and target cues; without a
   *     call they change no score), which halves the deep stage's cost on most posts
   */
  public DeepAnalyzer(String nerModel, boolean nerAlways) {
    this.nerModel = java.util.Objects.requireNonNull(nerModel, "nerModel");
    this.nerAlways = nerAlways;
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
   * Annotates an English text and collects its evidence; the first call on a thread loads.
   *
   * @throws RuntimeException if CoreNLP cannot load (then every later call fails at once) or fails
   *     on the text
   */
  public DeepEvidence analyze(String text) {
    CoreDocument doc = new CoreDocument(text == null ? "" : text);
    syntax.get().annotate(doc);
    Set<String> imperatives = new LinkedHashSet<>();
    Set<String> modal = new LinkedHashSet<>();
    List<CoreSentence> sentences = doc.sentences() == null ? List.of() : doc.sentences();
    for (CoreSentence s : sentences) {
      List<CoreLabel> tokens = s.tokens();
      imperatives(tokens, imperatives);
      modalViolence(tokens, modal);
    }
    boolean ner = nerAlways || !imperatives.isEmpty() || !modal.isEmpty();
    Set<String> persons = new LinkedHashSet<>();
    Set<String> orgs = new LinkedHashSet<>();
    Set<String> places = new LinkedHashSet<>();
    if (ner) {
      entities.get().annotate(doc);
      if (doc.entityMentions() != null) {
        for (CoreEntityMention m : doc.entityMentions()) {
          switch (m.entityType()) {
            case "PERSON" -> add(persons, m.text());
            case "ORGANIZATION" -> add(orgs, m.text());
            case "LOCATION" -> add(places, m.text());
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
        sentences.size(),
        ner);
  }

  private static void add(Set<String> set, String mention) {
    if (set.size() < MAX_MENTIONS) {
      set.add(mention);
    }
  }

  /** A violent base-form verb (VB) at a clause start, after optional lead-ins: "burn them". */
  static void imperatives(List<CoreLabel> tokens, Set<String> out) {
    boolean clauseStart = true;
    for (CoreLabel t : tokens) {
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
      }
      clauseStart = false;
    }
  }

  /**
   * A modal (or have/need to) followed by a violent verb: "must be exterminated", "should kill".
   */
  static void modalViolence(List<CoreLabel> tokens, Set<String> out) {
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
        }
        break;
      }
    }
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
