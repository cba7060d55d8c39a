package org.tocsin.models.myanmar;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.nlp.text.Token;
import org.tocsin.nlp.text.WordTokenizer;

/**
 * Builds the Burmese lexicon ({@code lexicon-my-v1.tsv} of the nlp module) from its hand-written
 * part ({@code lexicon-my-hand.tsv}, next to this class) and the words the myHateSpeech 1.0
 * annotators tagged in the <b>training</b> split ({@link MyHateSpeechData}'s seeded split; val and
 * test are never read here).
 *
 * <p>A tagged word is kept if it is tagged at least {@value #MIN_TAGGED} times in training, at
 * least {@value #MIN_SHARE_PERCENT} % of its occurrences there are tagged (so "ခံ", "to receive",
 * tagged 8 times but mostly used plainly, is left out), and it is Myanmar script of two or more
 * characters. Its most frequent tag sets the category: religious {@code re} → slur of an unnamed
 * religious group ({@code religion_unnamed}), racist {@code ra} → slur of an unnamed ethnic group
 * ({@code ethnicity_unnamed}), sexist {@code se} → slur of {@code lgbtq} (the corpus's top {@code
 * se} words are homophobic), lethal {@code le} → violence (wishes of death or harm), abusive,
 * body-shaming, political and educational → insult. Weights are fixed per category ({@link
 * #WEIGHTS}); a hand-written entry wins over a derived one.
 *
 * <p>Run: {@code java -cp ... org.tocsin.models.myanmar.BurmeseLexiconBuilder CORPUS OUT}.
 */
@SuppressForbidden(reason = "a command-line build step prints what it kept")
public final class BurmeseLexiconBuilder {
  private static final PrintStream OUT = System.out;

  /** The fewest tagged occurrences in training. */
  static final int MIN_TAGGED = 3;

  /** The least share of a word's occurrences that are tagged. */
  static final int MIN_SHARE_PERCENT = 50;

  /** The weight of each derived category. */
  static final Map<String, Double> WEIGHTS = Map.of("slur", 0.7, "violence", 0.4, "insult", 0.5);

  /** The hand-written part, a resource next to this class. */
  static final String HAND = "lexicon-my-hand.tsv";

  private static final Pattern TAGGED =
      Pattern.compile("(\\S+?)/([a-z]{1,4})(?:\\|[a-z]{1,4})*(?![A-Za-z])");

  private BurmeseLexiconBuilder() {}

  /** A derived entry. */
  record Derived(String term, String tag, int tagged, int occurrences) {}

  /** Builds the lexicon; arguments: the corpus file or folder, the output file. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: BurmeseLexiconBuilder CORPUS OUT");
    }
    List<Derived> derived = derive(Path.of(args[0]));
    String text = build(derived);
    Files.writeString(Path.of(args[1]), text, StandardCharsets.UTF_8);
    Map<String, Integer> byTag = new TreeMap<>();
    derived.forEach(d -> byTag.merge(d.tag(), 1, Integer::sum));
    OUT.printf(
        Locale.ROOT,
        "%d derived entries by tag %s, written to %s%n",
        derived.size(),
        byTag,
        args[1]);
  }

  /** The tagged words of the training split that pass the filters, sorted by term. */
  static List<Derived> derive(Path corpus) throws IOException {
    Path f = MyHateSpeechData.resolve(corpus);
    String s = Files.readString(f, StandardCharsets.UTF_8);
    List<MyHateSpeechData.Record> records = MyHateSpeechData.records(s, f);
    String[] splits = MyHateSpeechData.splits(records);
    String[] lines = (s.startsWith("\uFEFF") ? s.substring(1) : s).split("\n");
    Map<String, Map<String, Integer>> tags = new HashMap<>();
    Map<String, Integer> occurrences = new HashMap<>();
    for (MyHateSpeechData.Record r : records) {
      if (!"train".equals(splits[r.index()])) {
        continue;
      }
      String raw = lines[r.line() - 1];
      raw = raw.substring(0, raw.lastIndexOf('\t'));
      Matcher m = TAGGED.matcher(raw);
      while (m.find()) {
        tags.computeIfAbsent(m.group(1), k -> new HashMap<>()).merge(m.group(2), 1, Integer::sum);
      }
      for (String w : MyHateSpeechData.clean(raw).split("\\s+")) {
        occurrences.merge(w, 1, Integer::sum);
      }
    }
    List<Derived> out = new ArrayList<>();
    for (var e : tags.entrySet()) {
      String term = e.getKey();
      int tagged = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
      int all = Math.max(tagged, occurrences.getOrDefault(term, 0));
      if (tagged < MIN_TAGGED || tagged * 100 < all * MIN_SHARE_PERCENT || !myanmar(term)) {
        continue;
      }
      String tag =
          e.getValue().entrySet().stream()
              .max(
                  Map.Entry.<String, Integer>comparingByValue()
                      .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
              .orElseThrow()
              .getKey();
      out.add(new Derived(term, tag, tagged, all));
    }
    out.sort((a, b) -> a.term().compareTo(b.term()));
    return out;
  }

  private static boolean myanmar(String term) {
    if (term.codePointCount(0, term.length()) < 2) {
      return false;
    }
    return term.codePoints()
        .allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.MYANMAR);
  }

  /** The lexicon text: the hand-written part, then the derived entries it does not already have. */
  static String build(List<Derived> derived) throws IOException {
    String hand;
    try (InputStream in = BurmeseLexiconBuilder.class.getResourceAsStream(HAND)) {
      if (in == null) {
        throw new IOException("missing resource " + HAND);
      }
      hand = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Set<String> seen = new HashSet<>();
    StringBuilder b = new StringBuilder();
    for (String line : hand.split("\n")) {
      if (!line.startsWith("#") && line.contains("\t") && !line.startsWith("tocsin-lexicon")) {
        // a hand-written term is written as it reads; the built file holds it as the tokenizer
        // cuts it
        int tab = line.indexOf('\t');
        String term = normalised(line.substring(0, tab));
        seen.add(term);
        line = term + line.substring(tab);
      }
      b.append(line).append('\n');
    }
    b.append(
        "# ---- derived from the myHateSpeech 1.0 training split (BurmeseLexiconBuilder) ----\n");
    b.append(
        "# words tagged 3+ times in training and in at least half their uses; the most frequent"
            + " tag sets the category\n");
    for (Derived d : derived) {
      String term = normalised(d.term());
      if (term.isEmpty() || !seen.add(term)) {
        continue;
      }
      String[] cat = category(d.tag());
      b.append(
          String.format(
              Locale.ROOT,
              "%s\t%s\t%.1f\t%s\t%s\tmyhatespeech\n",
              term,
              cat[0],
              WEIGHTS.get(cat[0]),
              cat[1],
              cat[2]));
    }
    return b.toString();
  }

  /** Category, group and ground of a corpus tag. */
  static String[] category(String tag) {
    return switch (tag) {
      case "re" -> new String[] {"slur", "religion_unnamed", "religious"};
      case "ra" -> new String[] {"slur", "ethnicity_unnamed", "ethnic"};
      case "se" -> new String[] {"slur", "lgbtq", "sexual_orientation"};
      case "le" -> new String[] {"violence", "-", "-"};
      default -> new String[] {"insult", "-", "-"};
    };
  }

  /** The term as the tokenizer cuts it, words joined by one space (lower case). */
  static String normalised(String term) {
    StringBuilder b = new StringBuilder();
    for (Token t : WordTokenizer.tokenize(term).tokens()) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(t.text());
    }
    return b.toString();
  }
}
