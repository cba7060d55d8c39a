package org.tocsin.nlp.classifier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Writes a text-classifier artifact directory in the current format ({@link
 * ArtifactManifest#FORMAT_VERSION}): one {@code model-<i>.zip} per network of the ensemble (DL4J
 * {@code ModelSerializer}, without updater state), {@value #IDF_FILE} and {@value
 * ArtifactManifest#FILE_NAME}.
 */
public final class ArtifactWriter {

  /** The first network's file name; the i-th is {@code model-<i>.zip}. */
  public static final String MODEL_FILE = "model-0.zip";

  /** The IDF weights' file name: little-endian float32, one per bucket. */
  public static final String IDF_FILE = "idf.f32";

  private ArtifactWriter() {}

  /**
   * Writes an artifact, creating the directory if needed and replacing the three files.
   *
   * @param dir the artifact directory
   * @param name the model name
   * @param version the model version
   * @param labels the label of each network output, in order
   * @param networks the trained networks (their outputs are averaged), whose input width is the
   *     feature dimension
   * @param vectorizer the features the network was trained on
   * @param training free-form training record (data hash, seeds, hyper-parameters)
   * @param metrics free-form metrics
   * @return the manifest written
   * @throws IOException if a file cannot be written
   */
  public static ArtifactManifest write(
      Path dir,
      String name,
      String version,
      List<String> labels,
      List<MultiLayerNetwork> networks,
      TfidfVectorizer vectorizer,
      ObjectNode training,
      ObjectNode metrics)
      throws IOException {
    return write(dir, name, version, labels, networks, null, null, vectorizer, training, metrics);
  }

  /**
   * Writes an artifact whose networks are averaged with the given weights.
   *
   * @param weights the weight of each network (summing to 1), or null for equal weights
   * @param classLogOffsets the decision rule's offset per label, or null for none
   * @see #write(Path, String, String, List, List, TfidfVectorizer, ObjectNode, ObjectNode)
   * @return the manifest written
   * @throws IOException if a file cannot be written
   */
  public static ArtifactManifest write(
      Path dir,
      String name,
      String version,
      List<String> labels,
      List<MultiLayerNetwork> networks,
      List<Double> weights,
      List<Double> classLogOffsets,
      TfidfVectorizer vectorizer,
      ObjectNode training,
      ObjectNode metrics)
      throws IOException {
    Files.createDirectories(dir);
    List<ArtifactManifest.FileRef> refs = new ArrayList<>();
    List<byte[]> zips = new ArrayList<>();
    for (MultiLayerNetwork network : networks) {
      ByteArrayOutputStream zip = new ByteArrayOutputStream();
      ModelSerializer.writeModel(Objects.requireNonNull(network, "network"), zip, false);
      zips.add(zip.toByteArray());
      refs.add(
          new ArtifactManifest.FileRef(
              "model-" + refs.size() + ".zip", ArtifactFiles.sha256(zips.get(zips.size() - 1))));
    }
    byte[] idf = encodeIdf(vectorizer.idf());
    ArtifactManifest manifest =
        new ArtifactManifest(
            name,
            version,
            labels,
            vectorizer.config(),
            refs,
            weights,
            classLogOffsets,
            new ArtifactManifest.FileRef(IDF_FILE, ArtifactFiles.sha256(idf)),
            training,
            metrics);
    for (int i = 0; i < refs.size(); i++) {
      Files.write(dir.resolve(refs.get(i).name()), zips.get(i));
    }
    Files.write(dir.resolve(IDF_FILE), idf);
    Files.write(dir.resolve(ArtifactManifest.FILE_NAME), manifest.toJson());
    return manifest;
  }

  static byte[] encodeIdf(float[] idf) {
    ByteBuffer b = ByteBuffer.allocate(idf.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(idf);
    return b.array();
  }

  static float[] decodeIdf(byte[] bytes) {
    float[] idf = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(idf);
    return idf;
  }
}
