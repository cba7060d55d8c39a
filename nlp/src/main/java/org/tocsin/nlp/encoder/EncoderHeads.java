package org.tocsin.nlp.encoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.tocsin.nlp.classifier.ModelFormatException;

/**
 * The artifact of the encoder stage: a hate head and an incitement head over {@link
 * SentenceEncoder}'s vectors, with the thresholds chosen on development data, as one small JSON
 * file ({@value #FORMAT}): {@code format}, {@code name}, {@code version}, {@code encoder}, {@code
 * training} (free-form: data, seed, dev metrics), {@code hateThreshold}, {@code
 * incitementThreshold}, and {@code heads.hate} / {@code heads.incitement}, each {@code {hidden, w1,
 * b1, w2, b2}}. Written by {@code models} ({@code org.tocsin.models.encoder.TrainEncoderHeads}).
 *
 * @param name the artifact's name ({@code encoder-heads-en})
 * @param version its version
 * @param training what it was trained on, as recorded
 * @param hate the hate-versus-not head
 * @param incitement the incitement-versus-not head
 * @param hateThreshold the head probability at which the stage lifts hate, in [0, 1]
 * @param incitementThreshold the head probability at which the stage lifts incitement, in [0, 1]
 */
public record EncoderHeads(
    String name,
    String version,
    JsonNode training,
    EncoderHead hate,
    EncoderHead incitement,
    double hateThreshold,
    double incitementThreshold) {

  /** The format tag of the file. */
  public static final String FORMAT = "tocsin-encoder-heads-v1";

  /** The classpath resource of the shipped heads. */
  public static final String RESOURCE = "org/tocsin/nlp/encoder/encoder-heads-en-v1.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks the parts. */
  public EncoderHeads {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(hate, "hate");
    Objects.requireNonNull(incitement, "incitement");
    training = training == null ? JSON.createObjectNode() : training;
    if (!(hateThreshold >= 0 && hateThreshold <= 1)
        || !(incitementThreshold >= 0 && incitementThreshold <= 1)) {
      throw new IllegalArgumentException(
          "thresholds must be in [0, 1] [got " + hateThreshold + ", " + incitementThreshold + "]");
    }
  }

  /** The shipped heads. */
  public static EncoderHeads loadDefault() throws IOException {
    try (InputStream in = EncoderHeads.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ModelFormatException("missing from the class path", "classpath:" + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + RESOURCE);
    }
  }

  /** Reads heads from a file. */
  public static EncoderHeads read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Parses the JSON form.
   *
   * @throws ModelFormatException if the text is not this format or a head is malformed
   */
  public static EncoderHeads parse(String json, String where) throws ModelFormatException {
    try {
      JsonNode n = JSON.readTree(json);
      String format = n.path("format").asText("");
      if (!FORMAT.equals(format)) {
        throw new ModelFormatException("not " + FORMAT + " [got '" + format + "']", where);
      }
      return new EncoderHeads(
          n.path("name").asText(),
          n.path("version").asText(),
          n.path("training"),
          head("hate", n.path("heads").path("hate")),
          head("incitement", n.path("heads").path("incitement")),
          n.path("hateThreshold").asDouble(Double.NaN),
          n.path("incitementThreshold").asDouble(Double.NaN));
    } catch (IOException | IllegalArgumentException e) {
      if (e instanceof ModelFormatException m) {
        throw m;
      }
      throw new ModelFormatException("malformed encoder heads: " + e.getMessage(), where, e);
    }
  }

  private static EncoderHead head(String name, JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("no head " + name);
    }
    return new EncoderHead(
        name,
        n.path("hidden").asInt(-1),
        floats(n.path("w1")),
        floats(n.path("b1")),
        floats(n.path("w2")),
        n.path("b2").asDouble(Double.NaN));
  }

  private static float[] floats(JsonNode a) {
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) a.get(i).asDouble();
    }
    return out;
  }

  /** The JSON form (what {@link #parse} reads). */
  public String toJson() {
    ObjectNode n = JSON.createObjectNode();
    n.put("format", FORMAT);
    n.put("name", name);
    n.put("version", version);
    n.put("encoder", SentenceEncoder.MODEL);
    n.set("training", training);
    n.put("hateThreshold", hateThreshold);
    n.put("incitementThreshold", incitementThreshold);
    ObjectNode heads = n.putObject("heads");
    heads.set("hate", node(hate));
    heads.set("incitement", node(incitement));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode node(EncoderHead h) {
    ObjectNode o = JSON.createObjectNode();
    o.put("hidden", h.hidden());
    o.set("w1", array(h.w1()));
    o.set("b1", array(h.b1()));
    o.set("w2", array(h.w2()));
    o.put("b2", h.b2());
    return o;
  }

  private static ArrayNode array(float[] v) {
    ArrayNode a = JSON.createArrayNode();
    for (float f : v) {
      a.add(Float.parseFloat(String.format(java.util.Locale.ROOT, "%.4g", f)));
    }
    return a;
  }
}
