package org.tocsin.nlp.corenlp;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a deep stage collects while it reads a post, in the order found, each set holding at most
 * {@link DeepAnalyzer#MAX_MENTIONS} mentions; {@link #evidence} freezes it into a {@link
 * DeepEvidence}. Shared by the English and the profile-driven analyzers.
 */
final class EvidenceSets {
  final Set<String> imperatives = new LinkedHashSet<>();
  final Set<String> modal = new LinkedHashSet<>();
  final Set<String> targeted = new LinkedHashSet<>();
  final Set<String> uses = new LinkedHashSet<>();
  final Set<String> eventNouns = new LinkedHashSet<>();
  final Set<String> reporting = new LinkedHashSet<>();
  private final Set<String> persons = new LinkedHashSet<>();
  private final Set<String> orgs = new LinkedHashSet<>();
  private final Set<String> places = new LinkedHashSet<>();

  /** Adds a mention unless the set already holds {@link DeepAnalyzer#MAX_MENTIONS}. */
  static void add(Set<String> set, String mention) {
    if (set.size() < DeepAnalyzer.MAX_MENTIONS) {
      set.add(mention);
    }
  }

  /** Whether a call to violence was found (then NER runs). */
  boolean calls() {
    return !imperatives.isEmpty() || !modal.isEmpty();
  }

  /**
   * The persons, organisations and places of a document NER has annotated (CoreNLP's English and
   * Spanish names, and the CoNLL ones of the German and French models).
   */
  void entities(CoreDocument doc) {
    if (doc.entityMentions() == null) {
      return;
    }
    for (CoreEntityMention m : doc.entityMentions()) {
      switch (m.entityType()) {
        case "PERSON", "PER", "I-PER" -> add(persons, m.text());
        case "ORGANIZATION", "ORG", "I-ORG" -> add(orgs, m.text());
        case "LOCATION", "LOC", "I-LOC" -> add(places, m.text());
        default -> {}
      }
    }
  }

  /** The evidence collected, over {@code sentences} sentences, NER run or not. */
  DeepEvidence evidence(int sentences, boolean ner) {
    return new DeepEvidence(
        List.copyOf(persons),
        List.copyOf(orgs),
        List.copyOf(places),
        List.copyOf(imperatives),
        List.copyOf(modal),
        List.copyOf(targeted),
        List.copyOf(uses),
        List.copyOf(eventNouns),
        List.copyOf(reporting),
        sentences,
        ner);
  }
}
