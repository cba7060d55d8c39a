package org.tocsin.nlp.harm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tocsin.core.score.Ground;
import org.tocsin.nlp.baseline.Lexicon;
import org.tocsin.nlp.baseline.LexiconCategory;
import org.tocsin.nlp.baseline.LexiconEntry;

/**
 * One language's harm vocabulary: the grammar's word classes from {@code harm-<lang>-v1.tsv}
 * together with the groups, slurs and dehumanising terms of that language's baseline lexicon
 * (political groups are left out: the grammar looks for harm aimed at protected groups). Indexed
 * for matching a post's tokens and for undoing obfuscated spelling ({@link Deobfuscator}).
 *
 * <p>Immutable and thread-safe.
 */
public final class HarmVocabulary {

  /** The languages with a harm vocabulary in this jar. */
  public static final List<String> BUNDLED_LANGUAGES = List.of("en", "de", "fr", "es", "ar");

  /** How many words a gap ({@code ...}) may span. */
  static final int MAX_GAP = 10;

  /** A term found in a post: tokens {@code [start, end)}. */
  record Match(HarmTerm term, int start, int end) {
    HarmClass harmClass() {
      return term.harmClass();
    }
  }

  private final String language;
  private final String name;
  private final Map<String, List<HarmTerm>> byFirst = new HashMap<>();
  private final Map<String, List<HarmTerm>> byStem = new HashMap<>();
  private final Set<String> words = new HashSet<>();
  private final Set<String> content = new HashSet<>();
  private final Set<String> anyContent = new HashSet<>();
  private final Set<String> shortGroups = new HashSet<>();
  private final Set<String> acts = new HashSet<>();
  private final Set<String> verbs = new HashSet<>();
  private final Set<String> single = new HashSet<>();
  private final Set<String> qualities = new HashSet<>();
  private Set<String> known = Set.of();
  private final Map<String, String> contentDeletes = new HashMap<>();
  private final Map<String, String> groupDeletes = new HashMap<>();
  private final Set<String> slurWords = new HashSet<>();
  private final List<String> stems = new ArrayList<>();
  private int minStem = Integer.MAX_VALUE;
  private int maxStem = 0;
  private int maxWord = 0;
  private final int size;

  private HarmVocabulary(String language, String name, List<HarmTerm> terms) {
    this.language = language;
    this.name = name;
    for (HarmTerm t : terms) {
      String first = t.words()[0];
      if (t.stem(0)) {
        String s = first.substring(0, first.length() - 1);
        byStem.computeIfAbsent(s, k -> new ArrayList<>(2)).add(t);
        minStem = Math.min(minStem, s.length());
        maxStem = Math.max(maxStem, s.length());
        stems.add(s);
      } else {
        byFirst.computeIfAbsent(first, k -> new ArrayList<>(2)).add(t);
      }
      if (isAct(t.harmClass()) && !t.stem(0)) {
        acts.add(first);
      }
      for (String w : t.words()) {
        if (!w.endsWith("*") && !w.equals("...")) {
          words.add(w);
          maxWord = Math.max(maxWord, w.length());
          if (t.harmClass() == HarmClass.GROUP && w.length() == 4 && t.words().length == 1) {
            shortGroups.add(w);
          }
          if (t.words().length == 1 && isVerb(t.harmClass())) {
            verbs.add(w);
          }
          if (t.words().length == 1) {
            single.add(w);
            HarmClass c = t.harmClass();
            if (c == HarmClass.DEROG || c == HarmClass.DEHUM || c == HarmClass.POSITIVE) {
              qualities.add(w);
            }
          }
          if (isContent(t.harmClass())) {
            anyContent.add(w);
            if (w.length() >= Deobfuscator.MIN_FUZZY) {
              content.add(w);
            }
          }
        }
      }
    }
    for (String w : content) {
      for (int i = 1; i < w.length(); i++) { // never the first letter
        contentDeletes.putIfAbsent(w.substring(0, i) + w.substring(i + 1), w);
      }
    }
    for (HarmTerm t : terms) {
      if (t.harmClass() == HarmClass.GROUP && t.slur()) {
        for (String w : t.words()) {
          slurWords.add(w);
        }
      }
    }
    for (HarmTerm t : terms) {
      String w = t.words()[0];
      HarmClass c = t.harmClass();
      if ((c == HarmClass.GROUP
              || c == HarmClass.VIOLENT
              || c == HarmClass.EXTERMINATE
              || c == HarmClass.EXPEL)
          && t.words().length == 1
          && (w.length() == 4 || w.length() == 5)
          && !slurWords.contains(w)) {
        for (int i = 1; i < w.length(); i++) {
          groupDeletes.putIfAbsent(w.substring(0, i) + w.substring(i + 1), w);
        }
      }
    }
    // Longest term first, so that the longest match of a class at a position is found first.
    byFirst.replaceAll((k, v) -> sortLongestFirst(v));
    byStem.replaceAll((k, v) -> sortLongestFirst(v));
    this.size = terms.size();
  }

  private static List<HarmTerm> sortLongestFirst(List<HarmTerm> v) {
    List<HarmTerm> s = new ArrayList<>(v);
    s.sort((a, b) -> Integer.compare(b.words().length, a.words().length));
    return List.copyOf(s);
  }

  private static boolean isAct(HarmClass c) {
    return c == HarmClass.VIOLENT || c == HarmClass.EXTERMINATE || c == HarmClass.EXPEL;
  }

  private static boolean isContent(HarmClass c) {
    return switch (c) {
      case GROUP, VIOLENT, EXTERMINATE, EXPEL, VIOLENT_PP, EXTERMINATE_PP, EXPEL_PP, DEHUM, DEROG ->
          true;
      default -> false;
    };
  }

  private static boolean isVerb(HarmClass c) {
    return switch (c) {
      case VIOLENT, EXTERMINATE, EXPEL, DIE -> true;
      default -> false;
    };
  }

  /**
   * Whether a folded word is, by itself, a term of an act or of dying in its base form ("tuer",
   * "crever"): what an inflected form may be read as ({@link FrenchVerbs}).
   */
  boolean isVerb(String w) {
    return verbs.contains(w);
  }

  /**
   * Whether a folded word is, by itself, a derogatory, dehumanising or good quality ("dreckig",
   * "ehrlich"): what an inflected adjective may be read as ({@link GermanWords}).
   */
  boolean isQuality(String w) {
    return qualities.contains(w);
  }

  /** Whether a folded word is a term of one word by itself (of any class). */
  boolean isTerm(String w) {
    return single.contains(w);
  }

  /** The language, an ISO 639-1 code. */
  public String language() {
    return language;
  }

  /** The vocabulary's name and version ({@code harm-en-v1}). */
  public String name() {
    return name;
  }

  /** How many terms it has, the lexicon's included. */
  public int size() {
    return size;
  }

  /** Whether a folded word is a word of some term. */
  boolean isWord(String w) {
    return words.contains(w) || stemOf(w) != null;
  }

  /** Whether a folded word opens a term of an act (violent, exterminate, expel). */
  boolean isAct(String w) {
    return acts.contains(w);
  }

  /** The longest word of any term, in chars. */
  int maxWordLength() {
    return maxWord;
  }

  /**
   * The group name or act of 4 or 5 letters, not a slur ("jews", "women", "kill"), a word is one
   * deletion of (not the first letter), or null; never a dehumanising or derogatory plural, whose
   * singular is an ordinary word ("dog").
   */
  String groupWithOneMore(String w) {
    return groupDeletes.get(w);
  }

  /** Whether a folded word is a word of a slur (a strong one of the lexicon, or tagged slur). */
  boolean isSlurWord(String w) {
    return slurWords.contains(w);
  }

  /** The content word ({@code >= 5} letters) a word is one deletion of, or null. */
  String contentWithOneMore(String w) {
    return contentDeletes.get(w);
  }

  /**
   * Whether a word is an ordinary word of the language ({@code harm-known-<lang>-v1.txt}), which
   * the reader never takes for a misspelled vocabulary word.
   */
  boolean isKnown(String w) {
    return known.contains(w);
  }

  /** Whether a folded word is a one-word group name of exactly 4 letters ("jews", "roma"). */
  boolean isShortGroup(String w) {
    return shortGroups.contains(w);
  }

  /** Whether a folded word of at least 5 letters is a content word (group, act, insult ...). */
  boolean isContent(String w) {
    return content.contains(w);
  }

  /**
   * Whether a folded word of any length is a word of a group, act, dehumanising or derogatory term.
   */
  boolean isAnyContent(String w) {
    return anyContent.contains(w);
  }

  private String stemOf(String w) {
    if (byStem.isEmpty()) {
      return null;
    }
    for (int n = Math.min(maxStem, w.length()); n >= minStem; n--) {
      if (byStem.containsKey(w.substring(0, n))) {
        return w.substring(0, n);
      }
    }
    return null;
  }

  /**
   * Every term found in the tokens, the longest of each class at each start first.
   *
   * @param tokens folded tokens
   * @param clause the clause index of each token (a gap never crosses a clause)
   */
  List<Match> match(String[] tokens, int[] clause) {
    List<Match> out = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      String tok = tokens[i];
      List<HarmTerm> exact = byFirst.get(tok);
      if (exact != null) {
        matchAll(exact, tokens, clause, i, out);
      }
      if (!byStem.isEmpty()) {
        for (int n = Math.min(maxStem, tok.length()); n >= minStem; n--) {
          List<HarmTerm> s = byStem.get(tok.substring(0, n));
          if (s != null) {
            matchAll(s, tokens, clause, i, out);
          }
        }
      }
    }
    return out;
  }

  private static void matchAll(
      List<HarmTerm> terms, String[] tokens, int[] clause, int i, List<Match> out) {
    long seen = 0; // classes already matched at i (longest first)
    for (HarmTerm t : terms) {
      long bit = 1L << t.harmClass().ordinal();
      if ((seen & bit) != 0) {
        continue;
      }
      int end = matchFrom(t, tokens, clause, i);
      if (end > 0) {
        out.add(new Match(t, i, end));
        seen |= bit;
      }
    }
  }

  /** The end of {@code t} matched from {@code i}, or -1. */
  private static int matchFrom(HarmTerm t, String[] tokens, int[] clause, int i) {
    int p = i + 1;
    for (int w = 1; w < t.words().length; w++) {
      if (t.gapBefore()[w]) {
        int limit = Math.min(tokens.length, p + MAX_GAP);
        int found = -1;
        for (int q = p; q < limit && clause[q] == clause[i]; q++) {
          if (t.matches(w, tokens[q])) {
            found = q;
            break;
          }
        }
        if (found < 0) {
          return -1;
        }
        p = found + 1;
      } else {
        if (p >= tokens.length || !t.matches(w, tokens[p])) {
          return -1;
        }
        p++;
      }
    }
    return p;
  }

  /**
   * Loads the bundled vocabulary of a language together with its lexicon's groups, slurs and
   * dehumanising terms.
   *
   * @throws IllegalArgumentException for a language without a bundled vocabulary
   * @throws UncheckedIOException if the resource cannot be read or is malformed (a broken build)
   */
  public static HarmVocabulary bundled(String language, Lexicon lexicon) {
    if (!BUNDLED_LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("no harm vocabulary for language [got " + language + "]");
    }
    String resource = "harm-" + language + "-v1.tsv";
    try (InputStream in = HarmVocabulary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource missing [got no " + resource + "]");
      }
      BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
      HarmVocabulary v = read(r, resource, lexicon);
      v.known = knownWords(language);
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the harm vocabulary " + resource, e);
    }
  }

  /** The bundled list of ordinary words of a language, or an empty set if it has none. */
  private static Set<String> knownWords(String language) throws IOException {
    String resource = "harm-known-" + language + "-v1.txt";
    try (InputStream in = HarmVocabulary.class.getResourceAsStream(resource)) {
      if (in == null) {
        return Set.of();
      }
      BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
      Set<String> out = new HashSet<>();
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(Folding.fold(language, line.strip()));
        }
      }
      return Set.copyOf(out);
    }
  }

  /**
   * Reads a vocabulary file (format in {@code harm-en-v1.tsv}'s header) and adds the lexicon's
   * terms.
   *
   * @param lexicon the same language's baseline lexicon, or null for none
   * @throws IOException if reading fails or a line is malformed (the message names the line)
   */
  static HarmVocabulary read(BufferedReader in, String resource, Lexicon lexicon)
      throws IOException {
    String header = in.readLine();
    if (header == null) {
      throw new IOException(resource + ": empty file");
    }
    String[] h = header.split("\t");
    if (h.length < 4
        || !h[0].equals("tocsin-harm")
        || !h[1].equals("format=1")
        || !h[2].startsWith("language=")
        || !h[3].startsWith("name=")) {
      throw new IOException(
          resource + ": line 1: expected 'tocsin-harm<TAB>format=1<TAB>language=..<TAB>name=..'");
    }
    String language = h[2].substring("language=".length());
    String name = h[3].substring("name=".length());
    List<HarmTerm> terms = new ArrayList<>();
    String line;
    int n = 1;
    while ((line = in.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length < 2 || f.length > 3) {
        throw new IOException(resource + ": line " + n + ": expected class<TAB>term[<TAB>tags]");
      }
      HarmClass c;
      try {
        c = HarmClass.parse(f[0].strip());
      } catch (IllegalArgumentException e) {
        throw new IOException(resource + ": line " + n + ": unknown class [got " + f[0] + "]");
      }
      boolean imp = false;
      boolean human = false;
      boolean wish = false;
      boolean tight = false;
      boolean slur = false;
      String group = null;
      Ground ground = null;
      if (f.length == 3) {
        for (String tag : f[2].strip().split(" +")) {
          if (tag.equals("imp")) {
            imp = true;
          } else if (tag.equals("human")) {
            human = true;
          } else if (tag.equals("wish")) {
            wish = true;
          } else if (tag.equals("tight")) {
            tight = true;
          } else if (tag.equals("slur")) {
            slur = true;
          } else if (tag.startsWith("group=")) {
            group = tag.substring(6);
          } else if (tag.startsWith("ground=")) {
            try {
              ground = Ground.fromJson(tag.substring(7));
            } catch (IllegalArgumentException e) {
              throw new IOException(
                  resource + ": line " + n + ": unknown ground [got " + tag + "]");
            }
          } else {
            throw new IOException(resource + ": line " + n + ": unknown tag [got " + tag + "]");
          }
        }
      }
      if (c == HarmClass.GROUP && (group == null || ground == null)) {
        throw new IOException(resource + ": line " + n + ": a group needs group= and ground=");
      }
      terms.add(term(language, c, f[1], imp, human, wish, slur, tight, group, ground, resource, n));
    }
    if (lexicon != null) {
      for (LexiconEntry e : lexicon.entries()) {
        HarmClass c = fromLexicon(e);
        if (c != null) {
          boolean slur = e.category() == LexiconCategory.SLUR && e.weight() >= 0.8;
          terms.add(
              term(
                  language,
                  c,
                  e.term(),
                  false,
                  false,
                  false,
                  slur,
                  false,
                  e.group(),
                  e.ground(),
                  resource,
                  0));
        }
      }
    }
    return new HarmVocabulary(language, name, terms);
  }

  private static HarmClass fromLexicon(LexiconEntry e) {
    if ((e.category() == LexiconCategory.GROUP || e.category() == LexiconCategory.SLUR)
        && e.ground() != Ground.POLITICAL
        && e.group() != null
        && e.weight() >= (e.category() == LexiconCategory.GROUP ? 0.3 : 0.5)) {
      return HarmClass.GROUP;
    }
    if (e.category() == LexiconCategory.DEHUMANIZATION && e.weight() >= 0.5) {
      return HarmClass.DEHUM;
    }
    return null;
  }

  private static HarmTerm term(
      String language,
      HarmClass c,
      String text,
      boolean imp,
      boolean human,
      boolean wish,
      boolean slur,
      boolean tight,
      String group,
      Ground ground,
      String resource,
      int line)
      throws IOException {
    String[] raw = text.strip().split(" +");
    List<String> words = new ArrayList<>(raw.length);
    List<Boolean> gaps = new ArrayList<>(raw.length);
    boolean gap = false;
    for (String w : raw) {
      if (w.equals("...")) {
        if (words.isEmpty()) {
          throw new IOException(resource + ": line " + line + ": a term cannot open with '...'");
        }
        gap = true;
        continue;
      }
      if (w.endsWith("*") && w.length() < 5) {
        throw new IOException(
            resource + ": line " + line + ": a stem needs 4 letters before '*' [got " + w + "]");
      }
      String f = Folding.fold(language, w);
      int a = f.indexOf('\'');
      if (language.equals("fr") && a > 0 && a <= 6 && a + 1 < f.length()) {
        // French elision is read as two words ("qu'ils" as "qu'" "ils"), as the reader cuts posts
        words.add(f.substring(0, a + 1));
        gaps.add(gap);
        f = f.substring(a + 1);
        gap = false;
      }
      words.add(f);
      gaps.add(gap);
      gap = false;
    }
    if (words.isEmpty() || gap) {
      throw new IOException(resource + ": line " + line + ": malformed term [got " + text + "]");
    }
    boolean[] g = new boolean[gaps.size()];
    for (int i = 0; i < g.length; i++) {
      g[i] = gaps.get(i);
    }
    return new HarmTerm(
        c,
        words.toArray(new String[0]),
        g,
        imp,
        human,
        wish,
        slur,
        tight,
        group,
        ground,
        Objects.toString(text));
  }
}
