package org.tocsin.nlp.harm;

import java.util.Locale;

/**
 * The word classes of a harm vocabulary ({@code harm-<lang>-v1.tsv}): the roles the grammar's
 * constructions and blockers are made of.
 */
public enum HarmClass {
  /** A protected group, by name or slur (also read from the baseline lexicon). */
  GROUP,
  /** A noun that belongs to a group mention after a group adjective ("gay <em>men</em>"). */
  HEAD,
  /** A pronoun resolved to the group named last before it ("they", "these people"). */
  PRONOUN,
  /** An object pronoun attached to a verb in French or Spanish ("les tuer", "matar-los"). */
  CLITIC,
  /** The speaker in the first person ("I", "we"). */
  SUBJECT1,
  /** The speaker's own future or intended act ("I will", "we are going to"). */
  THREAT_LEAD,
  /** One word that is both a threat's lead and its act (Arabic "سنقتل", Spanish "mataremos"). */
  THREAT_ACT,
  /** A lead that asks for an act ("let's", "time to", "someone should", "il faut"). */
  CALL_LEAD,
  /** A norm about what should happen to a group ("should", "must", "deserve to"). */
  MODAL,
  /** A passive auxiliary between a modal and a participle ("be", "get", "werden"). */
  BE,
  /** A violent act, base form ("kill", "hang"); tagged imp when it opens a call. */
  VIOLENT,
  /** An act of extermination ("exterminate", "wipe out", "gas"). */
  EXTERMINATE,
  /** An act of expulsion ("deport", "throw out", "send back"). */
  EXPEL,
  /** A violent act done to someone ("killed", "shot"). */
  VIOLENT_PP,
  /** Extermination done to someone ("exterminated", "wiped out"). */
  EXTERMINATE_PP,
  /** Expulsion done to someone ("deported", "sent back"), or told to go ("go back"). */
  EXPEL_PP,
  /** Dying as what should happen ("die", "rot", "death"). */
  DIE,
  /** A slogan calling for a group's death ("death to", "mort aux"). */
  DEATH,
  /** "The only good ..." (is a dead one). */
  ONLY_GOOD,
  /** A copula or a verb of likeness between a group and what it is said to be. */
  COPULA,
  /** A word that may stand between a group and a predicate ("all", "just", "a"). */
  FILLER,
  /** A dehumanising term (vermin, disease, subhuman); also read from the lexicon. */
  DEHUM,
  /** A derogatory attribute or predicate ("disgusting", "make me sick"). */
  DEROG,
  /** A verb of hatred with the speaker as subject ("I hate"). */
  HATE_VERB,
  /** Life or humanity: denied to a group it is a threat or dehumanisation. */
  LIFE,
  /** A good quality or act ("trust", "contribute", "honest"): denied to a group it derogates. */
  POSITIVE,
  /** Negation. */
  NEG,
  /**
   * A quantifier over a whole group after an act ("kill <em>all</em> X", "deport <em>every</em>
   * X"): the act is a call wherever it stands in its clause, unless someone else is its doer.
   */
  QUANTIFIER,
  /**
   * Someone other than the speaker who may be the doer of an act ("he", "she", "they", "who"): an
   * act after it in its clause is not the speaker's call.
   */
  AGENT,
  /**
   * A word that opens what a group mention carries after it, a relative clause or an attribute
   * ("who", "guilty", "in"): a norm's modal may stand a few words behind it ("X who run the banks
   * must be ...", "all X guilty of genocide must be ...").
   */
  POSTMOD,
  /**
   * A dismissal of what others say ("I don't care what", "no matter what"): a report after it is
   * the speaker's own statement, not a report.
   */
  DISMISS,
  /** Reported speech: the post tells what someone else says. */
  REPORT,
  /** Counter-speech: the post speaks against hate. */
  COUNTER,
  /** News: the post reports violence done to a group. */
  NEWS,
  /** A question that asks rather than asserts. */
  INQUIRY,
  /**
   * A phrase that holds an act's word and means something else ("echar de menos", to miss; "kill
   * time"): an act inside it is not an act.
   */
  IDIOM,
  /**
   * Right before a slur, a word that makes it the speaker's own or one single thing or person
   * ("we", "my", "as a", "a", "this"): the slur is then not read as derogation of its group by
   * itself (a reclaimed use, a homonym, an insult to one person).
   */
  SLUR_GUARD;

  /** The class named in a vocabulary file ({@code call_lead}). */
  static HarmClass parse(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** The name used in vocabulary files. */
  String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
