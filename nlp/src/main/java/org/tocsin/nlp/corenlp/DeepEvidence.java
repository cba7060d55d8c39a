package org.tocsin.nlp.corenlp;

import java.util.List;

/**
 * What the deep stage found in one post.
 *
 * @param persons PERSON mentions, in text order, without repeats
 * @param organizations ORGANIZATION mentions
 * @param locations LOCATION mentions (places: an imminence cue)
 * @param imperatives violent verbs in the imperative at a clause start ({@code burn}, {@code kill})
 * @param modalViolence modal + violent verb constructions as written ({@code must be exterminated})
 * @param targetedCalls the calls (imperative or modal) whose violent verb has a target close by: a
 *     group, slur or dehumanisation term of the screen's lexicon or a pronoun such as {@code them}
 *     within 4 tokens after the verb (or, for a passive "must be exterminated", within 6 tokens
 *     before it), and that are neither negated ({@code won't kill}) nor in a relative clause
 *     ({@code savages that would kill them}); written as verb and target ({@code kill -> them}), at
 *     most {@link DeepAnalyzer#MAX_MENTIONS}
 * @param violenceUses the screen's violence lexicon terms as CoreNLP tagged them, {@code word/TAG}
 *     ({@code shooting/NN}, {@code kill/VB})
 * @param eventNouns the violence terms used as nouns that name an event or a crime: a violent verb
 *     used as a noun ({@code the shooting}, {@code murder rate}, {@code rape gangs}); the nouns
 *     that name the genocidal act itself ({@code gas}, {@code genocide}, {@code war}) are never
 *     event nouns
 * @param reporting reporting verbs ({@code said}, {@code claims}, {@code according}, {@code called
 *     for}): signs of reported speech or a news report
 * @param sentences how many sentences CoreNLP split the post into
 * @param namedEntities whether NER ran (it runs where a call to violence was found); if not, the
 *     mention lists are empty because nobody looked
 */
public record DeepEvidence(
    List<String> persons,
    List<String> organizations,
    List<String> locations,
    List<String> imperatives,
    List<String> modalViolence,
    List<String> targetedCalls,
    List<String> violenceUses,
    List<String> eventNouns,
    List<String> reporting,
    int sentences,
    boolean namedEntities) {

  /** Freezes the lists. */
  public DeepEvidence {
    persons = List.copyOf(persons);
    organizations = List.copyOf(organizations);
    locations = List.copyOf(locations);
    imperatives = List.copyOf(imperatives);
    modalViolence = List.copyOf(modalViolence);
    targetedCalls = List.copyOf(targetedCalls);
    violenceUses = List.copyOf(violenceUses);
    eventNouns = List.copyOf(eventNouns);
    reporting = List.copyOf(reporting);
  }

  /** Whether the post calls for violence: a violent imperative or a modal + violent verb. */
  public boolean callToAction() {
    return !imperatives.isEmpty() || !modalViolence.isEmpty();
  }

  /**
   * Whether the post's violence terms are all event nouns (and there is at least one) and it makes
   * no call to violence: "the shooting in X", "rape gangs", not "shoot them".
   */
  public boolean eventNounsOnly() {
    return !callToAction() && !eventNouns.isEmpty() && eventNouns.size() == violenceUses.size();
  }
}
