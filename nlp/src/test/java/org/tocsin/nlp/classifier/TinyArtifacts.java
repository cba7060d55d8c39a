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
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .seed(1)
            .dataType(DataType.FLOAT)
            .updater(new Adam(0.05))
            .list()
            .layer(
                new DenseLayer.Builder()
                    .nIn(FEATURES.dimension())
                    .nOut(8)
                    .activation(Activation.RELU)
                    .build())
            .layer(
                new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nIn(8)
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
    return ArtifactWriter.write(dir, "tiny", "0", LABELS, List.of(net), vectorizer, null, null);
  }
}
