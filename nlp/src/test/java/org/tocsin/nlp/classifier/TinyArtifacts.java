package org.tocsin.nlp.classifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Builds small real artifacts for tests: a tiny network trained on a handful of sentences. */
public final class TinyArtifacts {
  static final FeatureConfig FEATURES = new FeatureConfig(10, 2, 3, 4, 1, 7);
  static final List<String> LABELS = List.of("hate", "offensive", "normal");

  private TinyArtifacts() {}

  /** Writes a tiny artifact that learnt "vermin" = hate, "stupid" = offensive, else normal. */
  public static ArtifactManifest write(Path dir) throws IOException {
    Trained t = train(true);
    return ArtifactWriter.write(dir, "tiny", "0", LABELS, List.of(t.net), t.vectorizer, null, null);
  }

  /**
   * Writes a weighted ensemble of the tiny MLP (weight 0.7) and a tiny softmax regression (0.3),
   * with class log offsets 0.2 (hate), -0.1 (offensive), 0 (normal).
   */
  public static ArtifactManifest writeMixed(Path dir) throws IOException {
    Trained mlp = train(true);
    Trained linear = train(false);
    return ArtifactWriter.write(
        dir,
        "tiny-mixed",
        "0",
        LABELS,
        List.of(mlp.net, linear.net),
        List.of(0.7, 0.3),
        List.of(0.2, -0.1, 0.0),
        mlp.vectorizer,
        null,
        null);
  }

  /**
   * Writes a tiny target artifact (one sigmoid layer): "muslims" names muslim/religious, "women"
   * names women/gender.
   */
  public static ArtifactManifest writeTargets(Path dir, List<String> labels) throws IOException {
    return writeTargets(dir, labels, null);
  }

  /** As {@link #writeTargets(Path, List)}, with the given free-form metrics in the manifest. */
  public static ArtifactManifest writeTargets(
      Path dir, List<String> labels, com.fasterxml.jackson.databind.node.ObjectNode metrics)
      throws IOException {
    List<String> texts =
        List.of(
            "muslims are here", "the muslims again", "women are here", "women again", "nice day");
    boolean[][] y = {{true, false}, {true, false}, {false, true}, {false, true}, {false, false}};
    List<List<String>> tokens = texts.stream().map(TfidfVectorizer::tokens).toList();
    TfidfVectorizer vectorizer = TfidfVectorizer.fit(FEATURES, tokens);
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .seed(1)
            .dataType(DataType.FLOAT)
            .updater(new Adam(0.05))
            .list()
            .layer(
                new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                    .nIn(FEATURES.dimension())
                    .nOut(2)
                    .activation(Activation.SIGMOID)
                    .build())
            .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    INDArray x =
        HateClassifier.toMatrix(
            tokens.stream().map(vectorizer::vectorize).toList(), FEATURES.dimension());
    INDArray labelsArray = Nd4j.zeros(DataType.FLOAT, y.length, 2);
    for (int i = 0; i < y.length; i++) {
      for (int k = 0; k < 2; k++) {
        labelsArray.putScalar(i, k, y[i][k] ? 1f : 0f);
      }
    }
    for (int i = 0; i < 200; i++) {
      net.fit(x, labelsArray);
    }
    return ArtifactWriter.write(
        dir, "tiny-targets", "0", labels, List.of(net), vectorizer, null, metrics);
  }

  private record Trained(MultiLayerNetwork net, TfidfVectorizer vectorizer) {}

  private static Trained train(boolean hiddenLayer) {
    List<String> texts =
        List.of(
            "they are vermin",
            "vermin all of them",
            "you are stupid",
            "so stupid today",
            "nice weather today",
            "they are friends");
    int[] labels = {0, 0, 1, 1, 2, 2};
    List<List<String>> tokens = texts.stream().map(TfidfVectorizer::tokens).toList();
    TfidfVectorizer vectorizer = TfidfVectorizer.fit(FEATURES, tokens);
    var list =
        new NeuralNetConfiguration.Builder()
            .seed(1)
            .dataType(DataType.FLOAT)
            .updater(new Adam(0.05))
            .list();
    if (hiddenLayer) {
      list.layer(
          new DenseLayer.Builder()
              .nIn(FEATURES.dimension())
              .nOut(8)
              .activation(Activation.RELU)
              .build());
    }
    MultiLayerConfiguration conf =
        list.layer(
                new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nIn(hiddenLayer ? 8 : FEATURES.dimension())
                    .nOut(3)
                    .activation(Activation.SOFTMAX)
                    .build())
            .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    INDArray x =
        HateClassifier.toMatrix(
            tokens.stream().map(vectorizer::vectorize).toList(), FEATURES.dimension());
    INDArray y = Nd4j.zeros(DataType.FLOAT, labels.length, 3);
    for (int i = 0; i < labels.length; i++) {
      y.putScalar(i, labels[i], 1f);
    }
    for (int i = 0; i < 100; i++) {
      net.fit(x, y);
    }
    return new Trained(net, vectorizer);
  }
}
