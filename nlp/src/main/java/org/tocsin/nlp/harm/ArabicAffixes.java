package org.tocsin.nlp.harm;

/**
 * Splits the affixes an Arabic word carries, against the Arabic harm vocabulary, so that the
 * grammar reads the bare forms it lists: the conjunctions و and ف (وقاتلوا, فلنقتل), the article
 * after the prepositions ل ب ك (لليهود, باليهود), the article before a word listed bare, the
 * prepositions ل and ب, the object suffixes هم هن ها ه (اقتلوهم → اقتلوا + هم: the suffix then
 * stands for the group named before it), and the future prefixes of a first-person act: Standard س
 * (سنضرب), Egyptian ه and ح (هنضرب, حنضرب) and Levantine ب (بنضرب), read as the lead سوف followed
 * by the act (سوف نضرب), so that the grammar's threat lead finds it.
 *
 * <p>Every split only ever ends on a vocabulary word, so an ordinary word is never cut. Stateless
 * apart from the vocabulary; thread-safe.
 */
final class ArabicAffixes {

  /** The word the future prefixes are read as: the threat lead سوف. */
  static final String FUTURE = "\u0633\u0648\u0641";

  private final HarmVocabulary vocabulary;

  ArabicAffixes(HarmVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /**
   * The word's pieces, or null when no affix of it can be split.
   *
   * @param w the folded word
   * @param taMarbuta whether it was written with a final ة, which folds to ه but is no suffix
   *     (قتلة, killers, is not قتل + ه)
   */
  String[] split(String w, boolean taMarbuta) {
    String[] r = forms(w, taMarbuta);
    if (r == null && w.length() > 3 && (w.charAt(0) == '\u0648' || w.charAt(0) == '\u0641')) {
      String rest = w.substring(1); // و ف (and, so)
      r = vocabulary.isWord(rest) ? new String[] {rest} : forms(rest, taMarbuta);
    }
    return r;
  }

  /** The word without one proclitic, split from its object suffix, or after its future prefix. */
  private String[] forms(String s, boolean taMarbuta) {
    String[] future = future(s, taMarbuta);
    if (future != null) {
      return future;
    }
    if (s.length() > 3 && s.startsWith("\u0644\u0644")) { // لل → ال
      String a = "\u0627\u0644" + s.substring(2);
      if (vocabulary.isWord(a)) {
        return new String[] {a};
      }
    }
    if (s.length() > 4
        && s.charAt(1) == '\u0627'
        && s.charAt(2) == '\u0644'
        && "\u0628\u0643\u0641\u0648".indexOf(s.charAt(0)) >= 0) { // بال كال فال وال → ال
      if (vocabulary.isWord(s.substring(1))) {
        return new String[] {s.substring(1)};
      }
    }
    if (s.length() > 4 && s.startsWith("\u0627\u0644") && vocabulary.isWord(s.substring(2))) {
      return new String[] {s.substring(2)}; // the article before a word listed bare
    }
    if (s.length() > 3
        && "\u0644\u0628".indexOf(s.charAt(0)) >= 0
        && vocabulary.isWord(s.substring(1))) { // ل ب
      return new String[] {s.substring(1)};
    }
    return suffix(s, taMarbuta);
  }

  /**
   * A verb split from its object suffix (اقتلوهم → اقتلوا هم), or null. The singular suffixes ه and
   * ها only after an act (اقتله, not عليه or ضربة): a pronoun of one person does not stand for a
   * group, except as the object of a violent act.
   */
  private String[] suffix(String s, boolean taMarbuta) {
    if (s.startsWith("\u0627\u0644")) {
      return null; // a noun with the article takes no object suffix: البشرة is not البشر + ه
    }
    for (String suffix :
        new String[] {"\u0647\u0645", "\u0647\u0646", "\u0643\u0645", "\u0647\u0627", "\u0647"}) {
      boolean singular = suffix.equals("\u0647") || suffix.equals("\u0647\u0627");
      if (singular && suffix.length() == 1 && taMarbuta) {
        continue;
      }
      if (s.length() > suffix.length() + 2 && s.endsWith(suffix)) {
        String stem = s.substring(0, s.length() - suffix.length());
        if (singular && !vocabulary.isAct(stem) && !vocabulary.isAct(stem + "\u0627")) {
          continue;
        }
        if (vocabulary.isWord(stem)) {
          return new String[] {stem, "\u0647\u0645"};
        }
        if (stem.endsWith("\u0648") && vocabulary.isWord(stem + "\u0627")) { // اقتلوهم → اقتلوا
          return new String[] {stem + "\u0627", "\u0647\u0645"};
        }
        if (stem.endsWith("\u062a")
            && vocabulary.isWord(stem.substring(0, stem.length() - 1) + "\u0647")) {
          return new String[] {
            stem.substring(0, stem.length() - 1) + "\u0647", "\u0647\u0645"
          }; // ابادتهم
        }
      }
    }
    return null;
  }

  /**
   * A first-person act after a future prefix (س ه ح ب, then ن "we" or ا "I"): سوف and the act, the
   * act's object suffix split too (سنذبحهم → سوف نذبح هم); null when the rest is not an act of the
   * vocabulary (سنه, هنا and بنات stay whole).
   */
  private String[] future(String s, boolean taMarbuta) {
    if (s.length() < 4
        || "\u0633\u0647\u062d\u0628".indexOf(s.charAt(0)) < 0 // س ه ح ب
        || "\u0646\u0627".indexOf(s.charAt(1)) < 0) { // ن ا
      return null;
    }
    String rest = s.substring(1);
    String[] act = vocabulary.isAct(rest) ? new String[] {rest} : suffix(rest, taMarbuta);
    if (act == null || !vocabulary.isAct(act[0])) {
      return null;
    }
    String[] out = new String[act.length + 1];
    out[0] = FUTURE;
    System.arraycopy(act, 0, out, 1, act.length);
    return out;
  }
}
