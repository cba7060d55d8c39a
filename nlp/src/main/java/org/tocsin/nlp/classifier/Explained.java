package org.tocsin.nlp.classifier;

import java.util.List;
import java.util.Objects;
import org.tocsin.core.score.TokenWeight;

/**
 * A prediction with the tokens that drove it.
 *
 * @param prediction the prediction on the whole text
 * @param tokens words whose removal lowers {@code p(hate) + p(offensive)} the most, strongest
 *     first, each with that drop as its weight
 * @param occludedTokens how many words were tried (a long text is explained on its first words)
 */
public record Explained(Prediction prediction, List<TokenWeight> tokens, int occludedTokens) {

  /** Checks and freezes the fields. */
  public Explained {
    Objects.requireNonNull(prediction, "prediction");
    tokens = List.copyOf(tokens);
  }
}
