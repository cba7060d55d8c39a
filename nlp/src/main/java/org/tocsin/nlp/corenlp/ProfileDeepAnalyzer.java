package org.tocsin.nlp.corenlp;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.tocsin.core.score.LexiconHit;

/**
 * The deep stage of a language whose CoreNLP models have no lemmas (German first): the language's
 * {@link DeepProfile} says which CoreNLP pipelines run (tokenize to a UD or treebank POS tagger on
 * every post analysed, then NER, if the language has a model, only where a call to violence was
 * found), how the tagger names nouns, pronouns and adpositions, and lists the inflected forms the
 * patterns look for:
 *
 * <ul>
 *   <li>imperative: a violent imperative form ("tötet", "erschießt", "vergast") opening a clause,
 *       after optional lead-ins (@-handles, quotes, the profile's {@code leadin} words, tokens
 *       tagged {@code skip}: adverbs, interjections); a separable verb needs its particle later in
 *       the clause ("hängt die Verräter auf"); not in a sentence ending with "?" nor with a {@code
 *       qsubj} word right after (a yes/no question or a conditional: "Tötet ihr auch Tiere?"). The
 *       form and the position decide, not the tag: the German tagger tags a capitalised verb after
 *       a handle as NOUN;
 *   <li>modal + violent verb: a modal ("muss", "sollten", "gehören", "lasst uns") followed in the
 *       same clause, within the {@code modal} reach, by a violent infinitive or participle not
 *       tagged as a noun ("müssen vergast", "sollte sie alle erschießen"; "das Töten beenden" is
 *       none), unless a {@code clitic} stands right before it (the French tagger reads "faut
 *       les/DET pendre/NOUN"), or by an {@code inf-noun} form whatever its tag (the Arabic verbal
 *       noun of "يجب قتلهم", tagged NN). A German subordinate clause puts the modal last ("...,
 *       dass man sie töten muss"), so it never matches. With the profile's {@code rule}s, a modal
 *       call is also none in a question ({@code modal-question}: "Faut-il les tuer ?") or when
 *       negated ({@code modal-neg}: "Il ne faut pas les tuer");
 *   <li>targeted: a call whose verb has a target close by: a group, slur or dehumanisation term of
 *       the screen's lexicon hits, a {@code target} word, or a {@code pron} word tagged as a
 *       pronoun, within {@code target-after} tokens after the verb, or, for a modal call, within
 *       {@code target-before} tokens before it ("man sollte sie erschießen", "die Moslems müssen
 *       vergast werden"; a {@code clitic} right before the verb: "il faut les pendre"); a {@code
 *       fused} verb form is its own target (the Arabic segmenter leaves "واقتلوهم" one token after
 *       splitting off "و"); not negated (a {@code neg} word within the {@code neg} reach before,
 *       other than the modal's own words: "لا بد"); a target with a {@code policy} word just before
 *       it ("kriminelle Ausländer", "illegal eingereiste Invasoren") is a legal category, not the
 *       group, so it does not count;
 *   <li>event nouns: a token tagged as a noun that ends in an {@code event} stem and an optional
 *       {@code ending} ("Anschlag", "Terroranschlag"), or a lexicon violence term tagged as a noun
 *       that is a violent infinitive ("das Töten"; not after a {@code clitic}: "je vais le/DET
 *       lyncher/NOUN" is a verb); both count as violence uses, so {@link
 *       DeepEvidence#eventNounsOnly} holds when all violence is named as events;
 *   <li>reporting: the {@code report} words, and the {@code report-adp} words only when tagged as
 *       an adposition ("laut Polizei", not "laut rufen");
 *   <li>enclitic pronouns (the {@code enclitic} list; German and French list none): a violent form
 *       written as another listed form of its kind plus an enclitic, accents aside ("mátenlos" =
 *       "maten" + "los", "gasearlos" = "gasear" + "los"), is aimed at that enclitic, and a violent
 *       infinitive so written is a verb whatever its tag; an enclitic the tokenizer split off a
 *       word (CoreNLP's multi-word token: "matarlos" becomes "matar" + "los") is a target whatever
 *       its tag (the Spanish tagger often tags it as an article);
 *   <li>questions: besides a sentence ending with "?", one holding a {@code qmark} token (Spanish
 *       "¿", and "??" or "?!", which the tokenizer keeps as one token) has no imperative, nor, with
 *       {@code modal-question}, a modal call.
 * </ul>
 *
 * <p>Loading is lazy, per thread, as {@link DeepAnalyzer}'s: nothing loads until the first post is
 * analysed; the profile itself is read at construction, so a broken one fails at start-up.
 */
public final class ProfileDeepAnalyzer implements DeepStage {

  private static final Set<String> PUNCT_BREAKS =
      Set.of(",", ";", ":", ".", "!", "?", "-", "--", "–", "—", "(", ")", "|", "lbr", "|lbr|");
  private static final Set<String> QUOTES = Set.of("\"", "„", "“", "”", "«", "»", "'", "‚", "‘");

  private final DeepProfile p;
  private final Set<String> foldedImperatives;
  private final Set<String> foldedInfinitives;
  private final ThreadLocal<StanfordCoreNLP> syntax;
  private final ThreadLocal<StanfordCoreNLP> entities;
  private volatile RuntimeException loadFailure;

  /** An analyzer for a profile; nothing loads until the first {@link #analyze}. */
  public ProfileDeepAnalyzer(DeepProfile profile) {
    this.p = profile;
    this.foldedImperatives = folded(profile.imperatives().keySet());
    this.foldedInfinitives = folded(profile.words("inf"));
    this.syntax = ThreadLocal.withInitial(() -> load(p.syntax(), true));
    this.entities = ThreadLocal.withInitial(() -> load(p.ner(), false));
  }

  /** The profile this analyzer reads. */
  public DeepProfile profile() {
    return p;
  }

  @Override
  public String language() {
    return p.language();
  }

  @Override
  public String pipeline(boolean ner) {
    return p.describe(ner);
  }

  private StanfordCoreNLP load(Properties props, boolean enforceRequirements) {
    RuntimeException failed = loadFailure;
    if (failed != null) {
      throw new IllegalStateException(
          "the " + p.language() + " deep stage could not load: " + failed.getMessage());
    }
    try {
      Properties copy = new Properties();
      copy.putAll(props); // CoreNLP rewrites its properties ("ssplit" leaves the annotators)
      return new StanfordCoreNLP(copy, enforceRequirements);
    } catch (RuntimeException e) {
      loadFailure = e;
      throw e;
    }
  }

  /**
   * Annotates a text and collects its evidence; the first call on a thread loads the language's
   * CoreNLP models (seconds, some hundreds of MB of heap with NER).
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
    EvidenceSets e = new EvidenceSets();
    List<CoreSentence> sentences = doc.sentences() == null ? List.of() : doc.sentences();
    for (CoreSentence s : sentences) {
      List<CoreLabel> tokens = s.tokens();
      List<Integer> impAt = new ArrayList<>();
      List<Integer> modalAt = new ArrayList<>();
      List<Integer> modalFrom = new ArrayList<>();
      imperatives(tokens, e.imperatives, impAt);
      modalViolence(tokens, e.modal, modalAt, modalFrom);
      for (int v : impAt) {
        String t = target(tokens, v, targetWords, false, foldedImperatives);
        if (t != null && !negated(tokens, v, -1)) {
          EvidenceSets.add(e.targeted, lower(tokens.get(v).word()) + " -> " + t);
        }
      }
      for (int k = 0; k < modalAt.size(); k++) {
        int v = modalAt.get(k);
        String t = target(tokens, v, targetWords, true, foldedInfinitives);
        if (t != null && !negated(tokens, v, modalFrom.get(k))) {
          EvidenceSets.add(e.targeted, lower(tokens.get(v).word()) + " -> " + t);
        }
      }
      violenceUses(tokens, violence, e.uses, e.eventNouns);
      reporting(tokens, e.reporting);
    }
    boolean ner = !p.ner().isEmpty() && (e.calls());
    if (ner) {
      entities.get().annotate(doc);
      e.entities(doc);
    }
    return e.evidence(sentences.size(), ner);
  }

  private boolean punctBreak(CoreLabel t) {
    String w = lower(t.word());
    return PUNCT_BREAKS.contains(w) || (w.length() == 1 && p.tagIs("punct", t.tag()));
  }

  /** Violent imperative forms opening a clause; each verb's token index goes to {@code at}. */
  void imperatives(List<CoreLabel> tokens, Set<String> out, List<Integer> at) {
    if (question(tokens)) {
      return; // a yes/no question opens with its finite verb too
    }
    Set<String> breaks = p.words("break");
    Set<String> leadIns = p.words("leadin");
    Set<String> questionSubjects = p.words("qsubj");
    boolean clauseStart = true;
    for (int i = 0; i < tokens.size(); i++) {
      CoreLabel t = tokens.get(i);
      String word = lower(t.word());
      if (punctBreak(t) || breaks.contains(word)) {
        clauseStart = true;
        continue;
      }
      if (!clauseStart) {
        continue;
      }
      Set<String> particles = p.imperatives().get(word);
      if (particles == null
          && (word.startsWith("@")
              || QUOTES.contains(word)
              || leadIns.contains(word)
              || p.tagIs("skip", t.tag()))) {
        continue; // a listed form is never a lead-in, whatever its tag ("raus" is ADV)
      }
      clauseStart = false;
      if (particles == null) {
        continue;
      }
      if (i + 1 < tokens.size() && questionSubjects.contains(lower(tokens.get(i + 1).word()))) {
        continue;
      }
      if (particles.contains("") || particleFollows(tokens, i, particles)) {
        out.add(word);
        at.add(i);
      }
    }
  }

  private boolean particleFollows(List<CoreLabel> tokens, int i, Set<String> particles) {
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
   * A modal (with the word it needs next, if any: "lasst uns") followed in its clause by a violent
   * infinitive or participle not tagged as a noun, or by an {@code inf-noun} form whatever its tag;
   * the span from modal to verb goes to {@code out}, the verb's index to {@code at}, the modal's to
   * {@code from}.
   */
  void modalViolence(
      List<CoreLabel> tokens, Set<String> out, List<Integer> at, List<Integer> from) {
    Set<String> infinitives = p.words("inf");
    boolean questions = p.rule("modal-question");
    if (questions && question(tokens)) {
      return;
    }
    Set<String> anyTag = p.words("inf-noun");
    int reach = p.reach().get("modal");
    for (int i = 0; i < tokens.size(); i++) {
      Set<String> next = p.modals().get(lower(tokens.get(i).word()));
      if (next == null) {
        continue;
      }
      String after = i + 1 < tokens.size() ? lower(tokens.get(i + 1).word()) : "";
      if (!next.contains("") && !next.contains(after)) {
        continue;
      }
      if (questions && p.words("qsubj").contains(after)) {
        continue;
      }
      for (int j = i + 1; j < tokens.size() && j <= i + reach; j++) {
        CoreLabel v = tokens.get(j);
        if (punctBreak(v)) {
          break;
        }
        String w = lower(v.word());
        if ((infinitives.contains(w)
                && (!p.tagIs("noun", v.tag())
                    || afterClitic(tokens, j)
                    || enclitic(w, foldedInfinitives) != null))
            || anyTag.contains(w)) {
          if (p.rule("modal-neg") && negated(tokens, j, i)) {
            break;
          }
          StringBuilder span = new StringBuilder();
          for (int k = i; k <= j; k++) {
            span.append(k == i ? "" : " ").append(tokens.get(k).word());
          }
          out.add(span.toString().toLowerCase(Locale.ROOT));
          at.add(j);
          from.add(i);
          break;
        }
      }
    }
  }

  /** Whether the token before {@code j} is a {@code clitic}: an object pronoun before its verb. */
  private boolean afterClitic(List<CoreLabel> tokens, int j) {
    return j > 0 && p.words("clitic").contains(lower(tokens.get(j - 1).word()));
  }

  /**
   * The target of the call whose verb is at {@code v}: within the {@code target-after} reach after
   * it, or, if {@code before}, within the {@code target-before} reach before it, where a {@code
   * clitic} right before the verb is one too, or else the {@code enclitic} written onto the verb
   * (its form is another of the folded {@code forms} plus the enclitic); {@code null} if none.
   */
  String target(
      List<CoreLabel> tokens, int v, Set<String> targetWords, boolean before, Set<String> forms) {
    String t = target(tokens, v, targetWords, before);
    return t != null ? t : enclitic(lower(tokens.get(v).word()), forms);
  }

  /** The target within the reach of the verb at {@code v}, not counting an enclitic on it. */
  String target(List<CoreLabel> tokens, int v, Set<String> targetWords, boolean before) {
    String verb = lower(tokens.get(v).word());
    if (p.words("fused").contains(verb)) {
      return verb; // its object pronoun is part of the token
    }
    int after = p.reach().get("target-after");
    for (int j = v + 1; j < tokens.size() && j <= v + after; j++) {
      if (isTarget(tokens, j, targetWords)) {
        return lower(tokens.get(j).word());
      }
    }
    if (before) {
      int back = p.reach().get("target-before");
      for (int j = v - 1; j >= 0 && j >= v - back; j--) {
        if (isTarget(tokens, j, targetWords) || (j == v - 1 && afterClitic(tokens, v))) {
          return lower(tokens.get(j).word());
        }
      }
    }
    return null;
  }

  private boolean isTarget(List<CoreLabel> tokens, int i, Set<String> targetWords) {
    CoreLabel t = tokens.get(i);
    String word = lower(t.word());
    boolean target =
        p.words("target").contains(word)
            || (p.words("pron").contains(word) && p.tagIs("pron", t.tag()))
            || targetWords.contains(word)
            || (p.words("enclitic").contains(word) && t.isMWT() && !t.isMWTFirst());
    return target && !policyCategory(tokens, i);
  }

  /** Whether the sentence is a question: it ends with "?" or holds a {@code qmark} token. */
  private boolean question(List<CoreLabel> tokens) {
    if (!tokens.isEmpty() && "?".equals(tokens.get(tokens.size() - 1).word())) {
      return true;
    }
    Set<String> questionMarks = p.words("qmark");
    return !questionMarks.isEmpty()
        && tokens.stream().anyMatch(t -> questionMarks.contains(t.word()));
  }

  /**
   * The {@code enclitic} a lower-case word ends in when the rest of it, accents aside, is one of
   * the folded {@code forms} ("mátenlos": "los", as "maten" is listed); {@code null} if none.
   */
  String enclitic(String word, Set<String> forms) {
    for (String c : p.words("enclitic")) {
      if (word.length() > c.length()
          && word.endsWith(c)
          && forms.contains(fold(word.substring(0, word.length() - c.length())))) {
        return c;
      }
    }
    return null;
  }

  /** The forms without their accents. */
  static Set<String> folded(Set<String> forms) {
    Set<String> out = new HashSet<>();
    forms.forEach(f -> out.add(fold(f)));
    return Set.copyOf(out);
  }

  /** A lower-case word without its accents ("mátalos": "matalos", "degüellen": "deguellen"). */
  static String fold(String word) {
    return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }

  /**
   * Whether a {@code policy} word ("kriminelle", "illegal") is within the {@code policy} reach
   * before the target at {@code i}: then the call is aimed at a legal category ("kriminelle
   * Ausländer müssen raus"), not at the group as such.
   */
  private boolean policyCategory(List<CoreLabel> tokens, int i) {
    Set<String> policy = p.words("policy");
    for (int k = Math.max(0, i - p.reach().get("policy")); k < i; k++) {
      String w = lower(tokens.get(k).word());
      for (String q : policy) {
        if (w.startsWith(q)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a negation is within the {@code neg} reach before the verb at {@code v}; the modal at
   * {@code modal} ({@code -1}: none) and the word it needs next are not negations there, so the
   * modal "لا بد" (modal "لا", next "بد") does not negate its own call.
   */
  boolean negated(List<CoreLabel> tokens, int v, int modal) {
    Set<String> negations = p.words("neg");
    int modalEnd = modal;
    if (modal >= 0 && !p.modals().get(lower(tokens.get(modal).word())).contains("")) {
      modalEnd = modal + 1;
    }
    for (int k = Math.max(0, v - p.reach().get("neg")); k < v; k++) {
      if (k >= modal && k <= modalEnd && modal >= 0) {
        continue;
      }
      if (negations.contains(lower(tokens.get(k).word()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Each lexicon violence term (its words in sequence) as {@code word/TAG}, and each event noun;
   * event nouns also go to {@code eventNouns}.
   */
  void violenceUses(
      List<CoreLabel> tokens, List<String[]> terms, Set<String> uses, Set<String> eventNouns) {
    Set<String> infinitives = p.words("inf");
    Set<String> verbalNouns = p.words("inf-noun");
    for (int i = 0; i < tokens.size(); i++) {
      CoreLabel t = tokens.get(i);
      String word = lower(t.word());
      String tag = t.tag() == null ? "" : t.tag();
      boolean noun = p.tagIs("noun", tag);
      for (String[] term : terms) {
        if (term[0].equals(word) && followedBy(tokens, i, term)) {
          uses.add(word + "/" + tag);
          if (noun
              && term.length == 1
              && (infinitives.contains(word) || verbalNouns.contains(word))
              && !afterClitic(tokens, i)) {
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

  /** Whether a lower-case noun ends in an event stem and nothing or an inflection ending. */
  boolean eventNoun(String word) {
    for (String stem : p.words("event")) {
      if (word.endsWith(stem)) {
        return true;
      }
      for (String ending : p.words("ending")) {
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

  /** Reporting words as written; {@code report-adp} words only when tagged as adpositions. */
  void reporting(List<CoreLabel> tokens, Set<String> out) {
    Set<String> report = p.words("report");
    Set<String> reportAdp = p.words("report-adp");
    for (CoreLabel t : tokens) {
      String w = lower(t.word());
      if (report.contains(w) || (reportAdp.contains(w) && p.tagIs("adp", t.tag()))) {
        out.add(w);
      }
    }
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
