package org.tocsin.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.CnnEnsembleClassifier;
import org.tocsin.nlp.classifier.CnnEnsembleClassifierTest;
import org.tocsin.nlp.classifier.Explained;
import org.tocsin.nlp.classifier.TokenCnn;

/** {@link ModelScorer} over the CNN ensemble: every post explained by the CNNs' gradients. */
class ModelScorerEnsembleTest {
  @TempDir static Path tmp;
  static CnnEnsembleClassifier classifier;
  static LexiconScorer lexicon;

  @BeforeAll
  static void load() throws IOException {
    classifier = CnnEnsembleClassifier.load(CnnEnsembleClassifierTest.writeEnsemble(tmp));
    lexicon = LexiconScorer.loadDefault();
  }

  @Test
  void hateFromTheEnsembleEverythingElseFromTheLexicon() {
    // the threshold is for expensive explanations only: the ensemble explains every post
    ModelScorer scorer = new ModelScorer(classifier, null, lexicon, 2.0);
    String text = "honestly they are Vermin, kill them tonight";
    Score s = scorer.score(ModelScorerTest.post(text));
    Score lex = lexicon.score(ModelScorerTest.post(text));
    Explained e = classifier.explain(text, ModelScorer.TOP_TOKENS);
    assertThat(s.model()).isEqualTo(ModelScorer.MODEL);
    assertThat(s.version()).isEqualTo("3");
    assertThat(s.hate())
        .isCloseTo(e.prediction().hate(), org.assertj.core.data.Offset.offset(1e-4));
    assertThat(s.offensive())
        .isCloseTo(e.prediction().offensive(), org.assertj.core.data.Offset.offset(1e-4));
    assertThat(s.incitement()).isEqualTo(lex.incitement());
    assertThat(s.dehumanization()).isEqualTo(lex.dehumanization());
    assertThat(s.targets()).isEqualTo(lex.targets());
    assertThat(s.explanation().tokens()).isEqualTo(e.tokens());
    assertThat(s.explanation().lexicon()).isEqualTo(lex.explanation().lexicon());
    assertThat(s.explanation().notes().get(0)).contains("hate-3way v9").contains("word CNNs");
    assertThat(s.explanation().notes().get(1))
        .isEqualTo(
            "explanation tokens: each word's share of the CNNs' "
                + (e.prediction().hate() >= e.prediction().offensive() ? "hate" : "offensive")
                + "-versus-normal logit margin (gradient x input, "
                + e.occludedTokens()
                + " words read)");
    // the notes are made once and shared; a text past the CNNs' window still reads its count
    String longText = "they are vermin ".repeat(TokenCnn.MAX_TOKENS);
    Explained far = classifier.explain(longText, ModelScorer.TOP_TOKENS);
    assertThat(classifier.explanationNote(far))
        .endsWith("(gradient x input, " + TokenCnn.MAX_TOKENS + " words read)");
  }
}
