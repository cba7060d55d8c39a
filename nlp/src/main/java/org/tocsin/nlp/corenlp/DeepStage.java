package org.tocsin.nlp.corenlp;

import java.util.List;
import org.tocsin.core.score.LexiconHit;

/**
 * The deep stage for one language: a CoreNLP pipeline and the patterns read from its output. The
 * implementations load lazily (nothing until the first {@link #analyze}) and are thread-safe.
 */
public interface DeepStage {

  /** The ISO 639-1 code of the language the pipeline is for ({@code en}, {@code de}). */
  String language();

  /**
   * Annotates a text and collects its evidence; the first call on a thread loads.
   *
   * @param hits the screen's lexicon hits on the text ({@code null}: none)
   * @throws RuntimeException if CoreNLP cannot load (then every later call fails at once) or fails
   *     on the text
   */
  DeepEvidence analyze(String text, List<LexiconHit> hits);

  /** The annotators that ran, for the notes, with or without NER. */
  String pipeline(boolean ner);
}
