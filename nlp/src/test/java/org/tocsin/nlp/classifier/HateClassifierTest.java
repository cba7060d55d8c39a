package org.tocsin.nlp.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.score.TokenWeight;

class HateClassifierTest {
  @TempDir static Path tmp;
  static Path artifact;

  @BeforeAll
  static void writeArtifact() throws IOException {
    artifact = tmp.resolve("tiny");
    TinyArtifacts.write(artifact);
  }

  @Test
  void loadsAndClassifiesWhatItLearnt() throws IOException {
    HateClassifier c = HateClassifier.load(artifact);
    assertThat(c.manifest().name()).isEqualTo("tiny");
    assertThat(c.predict("They are VERMIN!").label()).isEqualTo("hate");
    assertThat(c.predict("you are stupid").label()).isEqualTo("offensive");
    Prediction p = c.predict("nice weather");
    assertThat(p.label()).isEqualTo("normal");
    assertThat(p.hate() + p.offensive() + p.normal()).isCloseTo(1.0, offset(1e-5));
  }

  @Test
  void batchEqualsSingleAndIsThreadSafe() throws Exception {
    HateClassifier c = HateClassifier.load(artifact);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      texts.add(i % 2 == 0 ? "they are vermin " + i : "nice weather " + i);
    }
    List<Prediction> batch = c.predictBatch(texts);
    assertThat(batch.get(3)).isEqualTo(c.predict(texts.get(3)));
    ExecutorService pool = Executors.newFixedThreadPool(4, r -> new Thread(r, "classifier-test"));
    try {
      List<Future<List<Prediction>>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> c.predictBatch(texts)));
      }
      for (Future<List<Prediction>> f : futures) {
        assertThat(f.get()).isEqualTo(batch);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sparseForwardPassEqualsDl4j() throws IOException {
    HateClassifier c = HateClassifier.load(artifact);
    List<String> texts = List.of("they are vermin", "you are stupid", "nice weather", "", "x y z");
    List<SparseVector> rows =
        texts.stream().map(t -> c.vectorizer().vectorize(TfidfVectorizer.tokens(t))).toList();
    List<Prediction> sparse = c.predictBatch(texts);
    List<Prediction> dense = c.predictDense(rows);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(sparse.get(i).hate()).isCloseTo(dense.get(i).hate(), offset(1e-5));
      assertThat(sparse.get(i).offensive()).isCloseTo(dense.get(i).offensive(), offset(1e-5));
      assertThat(sparse.get(i).normal()).isCloseTo(dense.get(i).normal(), offset(1e-5));
    }
  }

  @Test
  void weightedEnsembleWithALinearMemberAndOffsetsRunsSparseAsDl4jDoes() throws IOException {
    Path dir = tmp.resolve("mixed");
    TinyArtifacts.writeMixed(dir);
    HateClassifier c = HateClassifier.load(dir);
    assertThat(c.manifest().modelWeights()).containsExactly(0.7, 0.3);
    assertThat(c.manifest().classLogOffsets()).containsExactly(0.2, -0.1, 0.0);
    List<String> texts = List.of("they are vermin", "you are stupid", "nice weather", "", "x y z");
    List<SparseVector> rows =
        texts.stream().map(t -> c.vectorizer().vectorize(TfidfVectorizer.tokens(t))).toList();
    List<Prediction> sparse = c.predictBatch(texts);
    List<Prediction> dense = c.predictDense(rows);
    HateClassifier mlpAlone = HateClassifier.load(artifact);
    for (int i = 0; i < texts.size(); i++) {
      Prediction p = sparse.get(i);
      assertThat(p.hate()).isCloseTo(dense.get(i).hate(), offset(1e-5));
      assertThat(p.offensive()).isCloseTo(dense.get(i).offensive(), offset(1e-5));
      assertThat(p.normal()).isCloseTo(dense.get(i).normal(), offset(1e-5));
      assertThat(p.hate() + p.offensive() + p.normal()).isCloseTo(1.0, offset(1e-9));
    }
    assertThat(c.predict("they are vermin").label()).isEqualTo("hate");
    assertThat(c.predict("nice weather").hate())
        .isNotCloseTo(mlpAlone.predict("nice weather").hate(), offset(1e-6));
  }

  @Test
  void occlusionNamesTheDecisiveWord() throws IOException {
    HateClassifier c = HateClassifier.load(artifact);
    Explained e = c.explain("honestly they are Vermin", 3);
    assertThat(e.tokens()).isNotEmpty();
    assertThat(e.tokens().get(0).token()).isEqualTo("Vermin");
    assertThat(e.tokens()).extracting(TokenWeight::weight).allMatch(w -> w > 0);
    assertThat(c.explain("", 3).tokens()).isEmpty();
  }

  @Test
  void missingClasspathArtifactNamesTheResource() {
    assertThatThrownBy(
            () ->
                HateClassifier.loadResource(
                    HateClassifierTest.class.getClassLoader(), "no/such/artifact"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("classpath:no/such/artifact/manifest.json");
  }
}
