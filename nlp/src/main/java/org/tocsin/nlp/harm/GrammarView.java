package org.tocsin.nlp.harm;

import org.tocsin.nlp.harm.HarmVocabulary.Match;

/**
 * What one analysis of {@link HarmGrammar} shows a language's own constructions ({@link
 * LanguageClauses}): the post's words with their clauses and sentences, the vocabulary's matches,
 * the group mentions, and a way to record a finding (the shared blockers apply to it).
 */
interface GrammarView {

  /** How many words the post has. */
  int size();

  /** The folded, de-obfuscated word at {@code k}. */
  String word(int k);

  /** The word at {@code k} as written, folded the language's way (before de-obfuscation). */
  String written(int k);

  /** The clause of the word at {@code k} (increasing through the post). */
  int clause(int k);

  /** The sentence of the word at {@code k} (increasing through the post). */
  int sentence(int k);

  /** Whether a term of class {@code c} covers the word at {@code k}. */
  boolean has(int k, HarmClass c);

  /** The longest term of class {@code c} starting at {@code k}, or null. */
  Match first(int k, HarmClass c);

  /** The group mention (a group, or a pronoun resolved to one) starting at {@code k}, or null. */
  GroupMention mentionAt(int k);

  /**
   * The strongest act in its base form (violence, extermination, expulsion) at {@code k}, or null.
   */
  Match act(int k);

  /** A participle of an act, or a word of dying, at {@code k}, or null. */
  Match predicate(int k);

  /**
   * Records a construction aimed at a mention over words {@code from} to {@code core} (the act or
   * predicate, before which a negation blocks unless {@code negated}: the negation is the
   * construction's own, "kann X nicht ausstehen"), with {@code key} its act or predicate term.
   */
  void add(Construction c, Act a, GroupMention m, int from, int core, Match key, boolean negated);

  /** A group mention: words {@code [start, end)}; a pronoun names the group it resolved to. */
  interface GroupMention {
    /** The first word. */
    int start();

    /** After the last word. */
    int end();

    /** Whether it is a pronoun (or clitic) resolved to a group named elsewhere. */
    boolean pronoun();
  }
}
