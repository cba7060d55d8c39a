package org.tocsin.models.hatexplain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.tocsin.nlp.classifier.ArtifactManifest;
import org.tocsin.nlp.classifier.CnnEnsembleClassifier;
import org.tocsin.nlp.classifier.TokenCnn;

/**
 * Writes a {@link CnnEnsembleClassifier} artifact: the CNN files and a manifest that names the
 * sibling n-gram artifact (pinned by the SHA-256 of its manifest), the mix weight, the training
 * record and the metrics.
 */
final class HateCnnArtifact {
  private HateCnnArtifact() {}

  static void write(
      Path dir,
      String version,
      List<TokenCnn> cnns,
      double cnnWeight,
      double[] offsets,
      String ngramDir,
      String dataSha256,
      String command,
      long w2vSeconds,
      long cnnSeconds,
      Evaluation val,
      Evaluation test,
      Evaluation cnnAloneVal,
      Evaluation cnnAloneTest,
      Evaluation ngramAloneTest)
      throws IOException {
    if (ngramDir == null) {
      throw new IOException("--out needs --mlp-from: the ensemble names its n-gram artifact");
    }
    Path ngram = Path.of(ngramDir).toAbsolutePath().normalize();
    if (!ngram.getParent().equals(dir.toAbsolutePath().normalize().getParent())) {
      throw new IOException(
          "the n-gram artifact must sit next to the output directory [got " + ngram + "]");
    }
    Files.createDirectories(dir);
    ObjectNode m = ArtifactManifest.newObject();
    m.put("format", CnnEnsembleClassifier.FORMAT);
    m.put("formatVersion", CnnEnsembleClassifier.FORMAT_VERSION);
    m.put("name", "hate-3way");
    m.put("version", version);
    ArrayNode labels = m.putArray("labels");
    HateXplainData.LABELS.forEach(labels::add);
    ObjectNode ng = m.putObject("ngram");
    ng.put("artifact", ngram.getFileName().toString());
    ng.put("manifestSha256", sha256(Files.readAllBytes(ngram.resolve("manifest.json"))));
    ng.put("weight", 1 - cnnWeight);
    ObjectNode cnn = m.putObject("cnn");
    cnn.put("weight", cnnWeight);
    cnn.put(
        "architecture",
        "word embeddings (skip-gram pretrained here, fine-tuned) -> conv widths/filters "
            + cnns.get(0)
            + " -> max-pool -> ReLU -> dropout -> softmax");
    ArrayNode files = cnn.putArray("files");
    for (int i = 0; i < cnns.size(); i++) {
      byte[] bytes = cnns.get(i).toBytes();
      String name = "cnn-" + i + ".bin";
      Files.write(dir.resolve(name), bytes);
      files.addObject().put("name", name).put("sha256", sha256(bytes));
    }
    ArrayNode off = m.putArray("classLogOffsets");
    for (double o : offsets) {
      off.add(o);
    }
    ObjectNode training = m.putObject("training");
    training.put("data", "HateXplain official split (hatexplain_official_split.jsonl)");
    training.put("dataSha256", dataSha256);
    training.put(
        "wordVectors",
        "skip-gram on HateXplain train + Davidson + Stormfront + MLMA-en + IRA English tweets");
    training.put("wordVectorSeconds", w2vSeconds);
    training.put("cnnSeconds", cnnSeconds);
    training.put("command", "TrainHateCnn " + command);
    ObjectNode metrics = m.putObject("metrics");
    metrics.set("validation", val.toJson(HateXplainData.LABELS));
    metrics.set("test", test.toJson(HateXplainData.LABELS));
    metrics.set("cnnAloneValidation", cnnAloneVal.toJson(HateXplainData.LABELS));
    metrics.set("cnnAloneTest", cnnAloneTest.toJson(HateXplainData.LABELS));
    if (ngramAloneTest != null) {
      metrics.set("ngramAloneTest", ngramAloneTest.toJson(HateXplainData.LABELS));
    }
    Files.write(
        dir.resolve("manifest.json"),
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(m));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
