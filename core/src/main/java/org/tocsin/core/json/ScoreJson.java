package org.tocsin.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.core.score.Score;

/** Writes and reads scores, evidence references and scored posts as JSON. */
public final class ScoreJson {
  private ScoreJson() {}

  /**
   * A score as a JSON tree (the Score contract of DESIGN.md, plus {@code label} and {@code
   * normal}).
   */
  public static JsonNode toNode(Score s) {
    com.fasterxml.jackson.databind.node.ObjectNode o = Json.mapper().valueToTree(s);
    o.put("normal", s.normal());
    o.put("label", s.label());
    return o;
  }

  /**
   * Reads a score written by {@link #toNode}.
   *
   * @throws IllegalArgumentException if the JSON is not a valid score
   */
  public static Score fromNode(JsonNode node) {
    try {
      com.fasterxml.jackson.databind.node.ObjectNode copy =
          (com.fasterxml.jackson.databind.node.ObjectNode) node.deepCopy();
      copy.remove("normal");
      copy.remove("label");
      return Json.mapper().treeToValue(copy, Score.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a valid score: " + e.getOriginalMessage(), e);
    }
  }

  /** An evidence reference as JSON. */
  public static JsonNode toNode(EvidenceRef ref) {
    return Json.mapper().valueToTree(ref);
  }

  /** A scored post as JSON: {@code {post, score, evidence}}. */
  public static JsonNode toNode(ScoredPost sp) {
    com.fasterxml.jackson.databind.node.ObjectNode o = Json.mapper().createObjectNode();
    o.set("post", PostJson.toNode(sp.post()));
    o.set("score", toNode(sp.score()));
    o.set("evidence", toNode(sp.evidence()));
    return o;
  }

  /** A score as one line of JSON. */
  public static String write(Score s) {
    try {
      return Json.mapper().writeValueAsString(toNode(s));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
