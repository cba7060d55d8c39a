package org.tocsin.nlp.lang;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A language read from the function words of a Latin-script text, for posts the platform did not
 * tag: English, German, French, Spanish, Italian, Portuguese, Dutch or Polish. Cheap — one pass
 * over the text and a hash look-up per word, no model, nothing allocated beyond the words — so it
 * can run on every untagged post of the default scorer, where Lingua (about as costly as the whole
 * screen) cannot.
 *
 * <p>Each language has a profile of its most frequent function words (articles, pronouns,
 * prepositions, conjunctions, auxiliaries; written out in {@code PROFILES} below, with the ASCII
 * spellings that informal posts use, such as Portuguese {@code nao} and French {@code etait}). A
 * word found in k profiles adds 1/k to each of them, so {@code der} speaks for German alone and
 * {@code de} is split between six. A few letters all but name a language and add one each (German
 * ß; Polish ł ą ę ś ź ż ć ń; Spanish ñ; Portuguese ã õ). The guess is the language with the highest
 * total when that total is at least {@value #MIN_EVIDENCE} and at least {@value #MIN_RATIO} times
 * the second's; otherwise the text is ambiguous and there is no guess. Handles, hashtags and URLs
 * are skipped.
 *
 * <p>Measured on labelled real text in {@code bench/results/language-routing-2026-12-07.md}.
 *
 * @param language the ISO 639-1 code
 * @param reason why, for the Score's notes ("German function words 4.5 against 0.5 for English")
 */
public record WordGuess(String language, String reason) {

  /** The languages this guesser knows, in the order their profiles are listed. */
  public static final List<String> LANGUAGES =
      List.of("en", "de", "fr", "es", "it", "pt", "nl", "pl");

  /** The least evidence a guess is made on (about two words of the language alone). */
  public static final double MIN_EVIDENCE = 1.5;

  /** Only the first this many chars are read: the function words of a long text are in them. */
  public static final int MAX_CHARS = 2_000;

  /** How far ahead of the second language the first must be. */
  public static final double MIN_RATIO = 2.0;

  private static final String[] PROFILES = {
    // en
    "the a i and is are was were of to in that this it you he she they we not with for on have has"
        + " be been will would what but them their my your me all just so if or at by from an do"
        + " does did don can there who when how why our his her him its than then because"
        + " about should could these those which over up out after new more now get like one into"
        + " says said go as man no us",
    // de
    "der die das und ist nicht ich du sie es wir ihr ein eine einen einem einer dem den des zu"
        + " mit auf für fuer von auch sich sind war wird werden hat haben noch nur aber wie wenn"
        + " dass daß man mal doch schon jetzt kein keine diese dieser dieses im bei aus nach oder"
        + " mehr alle was wer hier uns mir mich dich euch sein seine gibt immer über ueber vom zum"
        + " zur",
    // fr
    "le la les des du un une et est sont pas ne je tu il elle nous vous ils elles on que qui"
        + " dans pour sur avec ce cette ces se sa son ses au aux mais ou où plus tout tous toute"
        + " comme être etre fait été ete était etait c' j' qu' n' l' d' leur leurs très tres ça ca moi toi"
        + " lui",
    // es
    "el la los las de del y en que es un una no por para con se lo le su sus al como más mas"
        + " pero muy ya yo tu te mi me esta este eso esto son hay todo todos nos sin porque cuando"
        + " también tambien fue ser está estan están ni les ellos nosotros usted",
    // it
    "il lo la i gli le di del della che e è un una non per con su sono ma come anche più piu ci"
        + " si mi ti questo questa quello nel nella alla al da dei delle degli ha hanno io tu lui"
        + " noi voi loro ho essere tutti perché perche cosa sempre sia l' dell' un' all' nell'"
        + " c' d'",
    // pt
    "o os a as de do da dos das e é que um uma não nao em no na nos nas para com por se mais"
        + " mas como eu você voce ele ela eles isso isto este esta foi ser tem são sao muito"
        + " também tambem já ja pelo pela ao aos meu minha seu sua",
    // nl
    "de het een en is van in dat die niet ik je jij we wij zij ze hij met op voor zijn er te"
        + " maar ook als aan om dan nog wat bij door naar heeft hebben was worden wordt geen deze"
        + " dit al kan moet meer uit over hoe waar",
    // pl
    "i w z na się sie nie to jest że ze do o a jak ale co tak po od dla ten ta te jego jej są sa"
        + " być byc był byl była już juz tylko przez tym tego czy mnie mi ja ty on ona my wy oni"
        + " go bo też tez może jeszcze kiedy",
  };

  private static final String[] NAMES = {
    "English", "German", "French", "Spanish", "Italian", "Portuguese", "Dutch", "Polish"
  };

  /** Each word's weight per language (1/k for a word in k profiles). */
  private static final Map<String, float[]> WEIGHTS = weights();

  private static Map<String, float[]> weights() {
    Map<String, boolean[]> in = new HashMap<>();
    for (int l = 0; l < PROFILES.length; l++) {
      for (String w : PROFILES[l].split(" ")) {
        in.computeIfAbsent(w, k -> new boolean[PROFILES.length])[l] = true;
      }
    }
    Map<String, float[]> out = new HashMap<>();
    for (Map.Entry<String, boolean[]> e : in.entrySet()) {
      int k = 0;
      for (boolean b : e.getValue()) {
        k += b ? 1 : 0;
      }
      float[] w = new float[PROFILES.length];
      for (int l = 0; l < w.length; l++) {
        w[l] = e.getValue()[l] ? 1f / k : 0f;
      }
      out.put(e.getKey(), w);
    }
    return Map.copyOf(out);
  }

  /** The guess for a text; {@code null} if the function words do not decide it. */
  public static WordGuess of(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    double[] sum = new double[PROFILES.length];
    int n = Math.min(text.length(), MAX_CHARS);
    int i = 0;
    StringBuilder word = new StringBuilder(16);
    while (i < n) {
      char c = text.charAt(i);
      if (c == '@' || c == '#' || ((c == 'h' || c == 'w') && startsUrl(text, i))) {
        while (i < n && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        continue;
      }
      if (!Character.isLetter(c)) {
        i++;
        continue;
      }
      word.setLength(0);
      while (i < n && Character.isLetter(text.charAt(i))) {
        char l = Character.toLowerCase(text.charAt(i));
        letter(l, sum);
        if (word.length() < 10) {
          word.append(l);
        }
        i++;
      }
      float[] w = null;
      if (i < n && (text.charAt(i) == '\'' || text.charAt(i) == '\u2019') && word.length() <= 4) {
        w = WEIGHTS.get(word + "'"); // elision: French c' j' l' qu', Italian l' dell' un'
      }
      if (w == null && word.length() <= 9) {
        w = WEIGHTS.get(word.toString());
      }
      if (w != null) {
        for (int l = 0; l < w.length; l++) {
          sum[l] += w[l];
        }
      }
    }
    int best = 0;
    int second = -1;
    for (int l = 1; l < sum.length; l++) {
      if (sum[l] > sum[best]) {
        second = best;
        best = l;
      } else if (second < 0 || sum[l] > sum[second]) {
        second = l;
      }
    }
    if (sum[best] < MIN_EVIDENCE || sum[best] < MIN_RATIO * sum[second]) {
      return null;
    }
    return new WordGuess(
        LANGUAGES.get(best),
        String.format(
            Locale.ROOT,
            "%s function words %.1f against %.1f for %s",
            NAMES[best],
            sum[best],
            sum[second],
            NAMES[second]));
  }

  /** Adds the weight of a letter that all but names a language. */
  private static void letter(char l, double[] sum) {
    switch (l) {
      case 'ß' -> sum[1] += 1;
      case 'ñ' -> sum[3] += 1;
      case 'ã', 'õ' -> sum[5] += 1;
      case 'ł', 'ą', 'ę', 'ś', 'ź', 'ż', 'ć', 'ń' -> sum[7] += 1;
      default -> {
        // most letters say nothing
      }
    }
  }

  private static boolean startsUrl(String s, int i) {
    return s.startsWith("http://", i) || s.startsWith("https://", i) || s.startsWith("www.", i);
  }
}
