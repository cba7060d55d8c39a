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
    int sentences,
    boolean namedEntities) {

  /** Freezes the lists. */
  public DeepEvidence {
    persons = List.copyOf(persons);
    organizations = List.copyOf(organizations);
    locations = List.copyOf(locations);
    imperatives = List.copyOf(imperatives);
    modalViolence = List.copyOf(modalViolence);
  }

  /** Whether the post calls for violence: a violent imperative or a modal + violent verb. */
  public boolean callToAction() {
    return !imperatives.isEmpty() || !modalViolence.isEmpty();
  }
}
