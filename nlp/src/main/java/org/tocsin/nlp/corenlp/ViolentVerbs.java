package org.tocsin.nlp.corenlp;

import java.util.Set;

/**
 * Verb lemmas that name a violent act against people, for the deep stage's call-to-action patterns.
 * The lexicon's VIOLENCE entries match surface forms; this list is matched against CoreNLP lemmas,
 * so "burned", "burning" and "burn" are one verb.
 */
final class ViolentVerbs {

  private static final Set<String> LEMMAS =
      Set.of(
          "kill",
          "murder",
          "slaughter",
          "massacre",
          "exterminate",
          "eradicate",
          "annihilate",
          "eliminate",
          "execute",
          "hang",
          "lynch",
          "shoot",
          "stab",
          "behead",
          "butcher",
          "burn",
          "bomb",
          "gas",
          "torch",
          "beat",
          "attack",
          "destroy",
          "purge",
          "cleanse",
          "wipe",
          "crush",
          "drown",
          "rape",
          "deport",
          "expel",
          "hunt",
          "strangle",
          "torture",
          "maim",
          "bury",
          "punish",
          "genocide",
          "cull");

  private ViolentVerbs() {}

  /** Whether a lemma (lower case) names a violent act. */
  static boolean contains(String lemma) {
    return LEMMAS.contains(lemma);
  }
}
