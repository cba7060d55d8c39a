package org.tocsin.nlp.harm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.tocsin.core.score.Factor;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.baseline.Lexicon;
import org.tocsin.nlp.baseline.LexiconCategory;
import org.tocsin.nlp.baseline.LexiconEntry;
import org.tocsin.nlp.edit.ScoreEdits;

/**
 * English incitement cues that the harm grammar's constructions miss in real posts: an atrocity
 * method or mass act ("gas", "zyklon", "race war", "purge", "a real holocaust", "the genocide of
 * every ...") next to a group, a slur, a dehumanising term or a pronoun, with a call, wish or
 * approval within 8 words ("we need to purge all X", "they should give them zyklon b", "you all get
 * the gas"), and no negation or reporting word in the 4 words before the act.
 *
 * <p>A cue only raises incitement, to at least {@value #FLOOR}, and the intent factor, to at least
 * 0.7, with a note and intent evidence naming the words; hate, targets and every other score are
 * left as they are. The cue reads the post on its own words and its own local blockers, so it also
 * stands where the grammar blocked a construction by a cue far away in a tweet without punctuation
 * ("police" or "stop calling" ten words earlier). Vocabulary: {@code incitement-cues-en-v1.tsv}
 * next to this class; targets: the lexicon's group, slur and dehumanisation terms. Measured on the
 * incitement set (docs/scoring.md, incitement cues). Thread-safe.
 */
public final class IncitementCues {

  /** The incitement a post with a cue gets at least. */
  public static final double FLOOR = 0.6;

  /** The bundled vocabulary's resource name, next to this class. */
  public static final String RESOURCE = "incitement-cues-en-v1.tsv";

  private static final Pattern PLACEHOLDER = Pattern.compile("<(user|number|url|money)>|&#?\\w+;");
  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
  private static final int TARGET_AFTER = 4;
  private static final int TARGET_BEFORE = 3;
  private static final int CALL_REACH = 8;
  private static final int BLOCK_REACH = 4;

  /** How many words a blocker must stand before a construction to be too far to block it. */
  static final int FAR_BLOCKER = 8;

  /** The vocabulary's classes. */
  enum Cue {
    ACT,
    QUALIFIED,
    QUALIFIER,
    PARTICLE,
    PRONOUN,
    CALL,
    ADJACENT,
    RHETORICAL,
    BLOCKER
  }

  private final Map<Cue, List<String[]>> phrases;
  private final List<String[]> targets;
  private final List<String[]> slurs;

  IncitementCues(Map<Cue, List<String[]>> phrases, List<String[]> targets, List<String[]> slurs) {
    this.phrases = phrases;
    this.targets = targets;
    this.slurs = slurs;
  }

  /** The bundled English cues with the target terms of the English lexicon. */
  public static IncitementCues loadDefault(Lexicon english) {
    Objects.requireNonNull(english, "english");
    Map<Cue, List<String[]>> p = new EnumMap<>(Cue.class);
    for (Cue c : Cue.values()) {
      p.put(c, new ArrayList<>());
    }
    try (InputStream in = IncitementCues.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource missing [got no " + RESOURCE + "]");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 2) {
          throw new IllegalStateException(RESOURCE + " line " + n + ": want class<TAB>words");
        }
        p.get(Cue.valueOf(f[0].toUpperCase(Locale.ROOT))).add(f[1].split(" "));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> seen = new HashSet<>();
    List<String[]> t = new ArrayList<>();
    List<String[]> slurs = new ArrayList<>();
    for (LexiconEntry e : english.entries()) {
      LexiconCategory c = e.category();
      if (c == LexiconCategory.SLUR) {
        slurs.add(words(e.term()));
      }
      if ((c == LexiconCategory.GROUP
              || c == LexiconCategory.SLUR
              || c == LexiconCategory.DEHUMANIZATION)
          && seen.add(e.term())) {
        t.add(words(e.term()));
      }
    }
    t.addAll(p.get(Cue.PRONOUN));
    return new IncitementCues(p, t, slurs);
  }

  /**
   * The words of a post as the cues read them: lower case, HateXplain's placeholders and HTML
   * entities dropped, apostrophes removed ("don't" → "dont"), any other non-letter a break.
   */
  static String[] words(String text) {
    String s = PLACEHOLDER.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
    s = s.replace("'", "").replace("\u2019", "");
    s = NON_WORD.matcher(s).replaceAll(" ").trim();
    return s.isEmpty() ? new String[0] : s.split(" ");
  }

  /** The cue's words ("gas … the spics … need to"), or {@code null} when none is found. */
  public String find(String text) {
    String[] w = words(text);
    for (int i = 0; i < w.length; i++) {
      int end = actAt(w, i);
      if (end < 0 || blocked(w, i)) {
        continue;
      }
      String target = targetNear(w, i, end);
      if (target == null) {
        continue;
      }
      String slur = slurNextTo(w, i, end);
      if (slur != null) {
        return String.join(" ", List.of(w).subList(i, end)) + " … " + slur;
      }
      String call = callNear(w, i);
      if (call != null) {
        return String.join(" ", List.of(w).subList(i, end)) + " … " + target + " … " + call;
      }
    }
    return null;
  }

  /** The score with incitement raised to {@link #FLOOR} when the post has a cue. */
  public Score apply(String text, Score s) {
    Objects.requireNonNull(s, "score");
    if (s.incitement() >= FLOOR) {
      return s;
    }
    String cue = find(text);
    if (cue == null) {
      return s;
    }
    String why = "incitement cue (" + RESOURCE + "): '" + cue + "'";
    List<String> notes = new ArrayList<>(s.explanation().notes());
    notes.add(why + " raises incitement " + s.incitement() + " to " + FLOOR);
    Factor in = s.factors().intent();
    List<String> ev = new ArrayList<>();
    ev.add(why);
    ev.addAll(in.evidence());
    return ScoreEdits.with(
        s,
        s.hate(),
        s.offensive(),
        FLOOR,
        s.dehumanization(),
        s.targets(),
        ScoreEdits.withIntent(s.factors(), new Factor(Math.max(in.score(), 0.7), ev)),
        notes);
  }

  /**
   * Whether a threat or call the grammar blocked was blocked by a negation, report, news or
   * counter-speech cue that stands more than {@value #FAR_BLOCKER} words before it: in a post
   * without punctuation (HateXplain's tokens, most tweets) the grammar's sentence is the whole
   * post, and "police are too frightened to say anything is not it time to ... shoot all the X" or
   * "i have never understood it every X should have been expelled" are calls whatever stood ten
   * words earlier. Quotation and questions stay blocked, and so does a blocker after the
   * construction ("kill them all, he said"), one the cues cannot place, and a construction with a
   * negation or a reporting word of this vocabulary in the 4 words before it ("can i say gas the
   * X").
   */
  public boolean blockedFromAfar(String text, HarmFinding f) {
    Objects.requireNonNull(f, "finding");
    String b = f.blocker();
    if (b == null || !f.construction().incites()) {
      return false;
    }
    if (!(b.startsWith("negation")
        || b.startsWith("reported speech")
        || b.startsWith("news report")
        || b.startsWith("counter-speech"))) {
      return false;
    }
    int q1 = b.indexOf('\'');
    int q2 = b.lastIndexOf('\'');
    if (q1 < 0 || q2 <= q1) {
      return false;
    }
    String[] w = words(text);
    String span = f.words();
    int dots = span.lastIndexOf('\u2026');
    int at = indexOf(w, words(dots < 0 ? span : span.substring(dots + 1)), 0);
    if (at < 0) {
      return false;
    }
    String[] cue = words(b.substring(q1 + 1, q2));
    int last = -1;
    for (int k = indexOf(w, cue, 0); k >= 0 && k < at; k = indexOf(w, cue, k + 1)) {
      last = k + cue.length;
    }
    if (last < 0 || indexOf(w, cue, at) >= 0) {
      return false;
    }
    return at - last > FAR_BLOCKER && !blocked(w, at);
  }

  private static int indexOf(String[] w, String[] p, int from) {
    if (p.length == 0) {
      return -1;
    }
    for (int i = from; i + p.length <= w.length; i++) {
      boolean ok = true;
      for (int k = 0; k < p.length && ok; k++) {
        ok = w[i + k].equals(p[k]);
      }
      if (ok) {
        return i;
      }
    }
    return -1;
  }

  /** The end of the act starting at {@code i}, or -1. */
  private int actAt(String[] w, int i) {
    int end = match(w, i, Cue.ACT);
    if (end > 0) {
      if ((w[i].equals("hang") || w[i].equals("gas"))
          && end == i + 1
          && end < w.length
          && match(w, end, Cue.PARTICLE) > 0) {
        return -1;
      }
      return end;
    }
    end = match(w, i, Cue.QUALIFIED);
    if (end < 0) {
      return -1;
    }
    boolean qualified = i > 0 && match(w, i - 1, Cue.QUALIFIER) == i;
    boolean ofAll =
        end + 1 < w.length
            && w[end].equals("of")
            && (w[end + 1].equals("all") || w[end + 1].equals("every"));
    return qualified || ofAll ? end : -1;
  }

  private boolean blocked(String[] w, int act) {
    for (int q = Math.max(0, act - BLOCK_REACH); q < act; q++) {
      if (match(w, q, Cue.BLOCKER) > 0 && !insideCall(w, q) && !rhetorical(w, q)) {
        return true;
      }
    }
    return false;
  }

  private boolean rhetorical(String[] w, int q) {
    for (int k = Math.max(0, q - 3); k <= q; k++) {
      if (match(w, k, Cue.RHETORICAL) > q) {
        return true;
      }
    }
    return false;
  }

  private boolean insideCall(String[] w, int q) {
    for (int k = Math.max(0, q - 3); k <= q; k++) {
      if (match(w, k, Cue.CALL) > q) {
        return true;
      }
    }
    return false;
  }

  private String targetNear(String[] w, int act, int end) {
    for (int q = end; q < Math.min(w.length, end + TARGET_AFTER + 1); q++) {
      String t = longest(w, q, targets);
      if (t != null) {
        return t;
      }
    }
    for (int q = Math.max(0, act - TARGET_BEFORE - 2); q < act; q++) {
      int e = longestEnd(w, q, targets);
      if (e > 0 && e <= act && act - e <= TARGET_BEFORE) {
        return String.join(" ", List.of(w).subList(q, e));
      }
    }
    return null;
  }

  /**
   * A slur right before the act or right after it and its article ("kike gassing", "gas the kikes",
   * "lynch all the X"): the act aimed at the slur is itself the call.
   */
  private String slurNextTo(String[] w, int act, int end) {
    for (int q = Math.max(0, act - 3); q < act; q++) {
      int e = longestEnd(w, q, slurs);
      if (e == act) {
        return String.join(" ", List.of(w).subList(q, e));
      }
    }
    int q = end;
    while (q < w.length && q < end + 2 && (w[q].equals("the") || w[q].equals("all"))) {
      q++;
    }
    return q < w.length ? longest(w, q, slurs) : null;
  }

  private String callNear(String[] w, int act) {
    if (act > 0 && match(w, act - 1, Cue.ADJACENT) == act) {
      return w[act - 1];
    }
    for (int q = Math.max(0, act - CALL_REACH); q < Math.min(w.length, act + CALL_REACH + 1); q++) {
      int e = match(w, q, Cue.CALL);
      if (e > 0) {
        return String.join(" ", List.of(w).subList(q, e));
      }
    }
    return null;
  }

  /** The end of the longest phrase of class {@code c} starting at {@code i}, or -1. */
  private int match(String[] w, int i, Cue c) {
    return longestEnd(w, i, phrases.get(c));
  }

  private static String longest(String[] w, int i, List<String[]> list) {
    int e = longestEnd(w, i, list);
    return e < 0 ? null : String.join(" ", List.of(w).subList(i, e));
  }

  private static int longestEnd(String[] w, int i, List<String[]> list) {
    int best = -1;
    for (String[] p : list) {
      if (i + p.length > w.length || i + p.length <= best) {
        continue;
      }
      boolean ok = true;
      for (int k = 0; k < p.length && ok; k++) {
        ok = w[i + k].equals(p[k]);
      }
      if (ok) {
        best = i + p.length;
      }
    }
    return best;
  }
}
