package org.tocsin.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A CPU sample goes to the stage of its innermost frame that names one. */
class StageCostsTest {

  @Test
  void theInnermostStageTakesTheSample() {
    // the target classifier, called by the model scorer: targets, not the scorer around it
    assertThat(
            StageCosts.stageOf(
                List.of(
                    "java.util.HashMap.getNode",
                    "org.tocsin.nlp.classifier.TargetClassifier.probabilities",
                    "org.tocsin.nlp.ModelScorer.targets",
                    "org.tocsin.nlp.ModelScorer.score",
                    "org.tocsin.node.LedgerIndexer$Batch.index")))
        .isEqualTo("targets classifier");
    // JDK code under the CNN's pooling
    assertThat(
            StageCosts.stageOf(
                List.of(
                    "java.lang.Math.max",
                    "org.tocsin.nlp.classifier.TokenCnn.pool",
                    "org.tocsin.nlp.classifier.TokenCnn.explain",
                    "org.tocsin.nlp.classifier.CnnEnsembleClassifier.explain")))
        .isEqualTo("classifier: CNN forward (pool)");
    // Lucene's analysis under the writer
    assertThat(
            StageCosts.stageOf(
                List.of(
                    "org.apache.lucene.analysis.standard.StandardTokenizerImpl.getNextToken",
                    "org.apache.lucene.index.IndexingChain.processDocument",
                    "org.apache.lucene.index.IndexWriter.updateDocument",
                    "org.tocsin.index.Versions.add")))
        .isEqualTo("index: Lucene indexing");
    assertThat(StageCosts.stageOf(List.of("java.lang.Thread.run"))).isEqualTo(StageCosts.OTHER);
  }

  @Test
  void everythingUnderTheNodesOpeningIsOpeningIt() {
    assertThat(
            StageCosts.stageOf(
                List.of(
                    "org.tocsin.nlp.classifier.SparseMlp.<init>",
                    "org.tocsin.nlp.classifier.HateClassifier.load",
                    "org.tocsin.nlp.assembly.ShippedScorer.router",
                    "org.tocsin.node.TocsinNode.open")))
        .isEqualTo(StageCosts.NODE_OPEN);
  }
}
