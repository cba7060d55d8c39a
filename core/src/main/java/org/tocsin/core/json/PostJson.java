package org.tocsin.core.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Media;
import org.tocsin.core.post.Metrics;
import org.tocsin.core.post.Post;

/**
 * Reads and writes Post JSON (DESIGN.md), one object per line in JSONL.
 *
 * <p>Reading is defensive: the input is attacker-controlled. Every field is type-checked and
 * bounded, and a violation is reported as a {@link PostFormatException} naming the field. Fields
 * the contract does not name are kept in {@link Post#extra()} and written back unchanged.
 */
public final class PostJson {

  /** The longest Post JSON line accepted, in bytes. */
  public static final int MAX_LINE_BYTES = 1024 * 1024;

  /** The longest post text accepted, in characters. */
  public static final int MAX_TEXT_CHARS = 100_000;

  /** The most entries accepted in any list field. */
  public static final int MAX_LIST_ENTRIES = 1_000;

  private static final int MAX_ID_CHARS = 512;
  private static final int MAX_URL_CHARS = 8_192;

  private static final Set<String> KNOWN =
      Set.of(
          "platform",
          "id",
          "url",
          "author",
          "createdAt",
          "text",
          "lang",
          "replyTo",
          "repostOf",
          "quoteOf",
          "links",
          "hashtags",
          "mentions",
          "media",
          "metrics",
          "edited");

  private PostJson() {}

  /**
   * Parses one Post JSON document.
   *
   * @throws PostFormatException if the bytes are not JSON, not an object, too large, or break the
   *     contract; the message names the field
   */
  public static Post read(byte[] json) throws PostFormatException {
    if (json.length > MAX_LINE_BYTES) {
      throw new PostFormatException(
          "post is too large: " + json.length + " bytes [max " + MAX_LINE_BYTES + "]");
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(json);
    } catch (JacksonException e) {
      throw new PostFormatException("not valid JSON: " + e.getOriginalMessage(), e);
    } catch (java.io.IOException e) {
      throw new PostFormatException("not readable: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new PostFormatException("a post must be a JSON object");
    }
    return fromNode((ObjectNode) node);
  }

  /**
   * Parses one Post JSON document from text.
   *
   * @throws PostFormatException as {@link #read(byte[])}
   */
  public static Post read(String json) throws PostFormatException {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Converts a parsed JSON object into a post.
   *
   * @throws PostFormatException if the object breaks the contract
   */
  public static Post fromNode(ObjectNode o) throws PostFormatException {
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!KNOWN.contains(e.getKey())) {
        extra.put(e.getKey(), e.getValue().deepCopy());
      }
    }
    String text = requiredString(o, "text", MAX_TEXT_CHARS, true);
    String platform = requiredString(o, "platform", 64, false);
    return new Post(
        platform,
        requiredString(o, "id", MAX_ID_CHARS, false),
        optionalString(o, "url", MAX_URL_CHARS),
        author(o),
        requiredTime(o, "createdAt"),
        text,
        optionalString(o, "lang", 35),
        optionalPostId(o, "replyTo", platform),
        optionalPostId(o, "repostOf", platform),
        optionalPostId(o, "quoteOf", platform),
        stringList(o, "links", MAX_URL_CHARS),
        stringList(o, "hashtags", 1024),
        stringList(o, "mentions", 1024),
        media(o),
        metrics(o),
        optionalTime(o, "edited"),
        extra);
  }

  /** Writes a post as a JSON object, unknown fields last. */
  public static ObjectNode toNode(Post p) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("platform", p.platform());
    o.put("id", p.id());
    putIfPresent(o, "url", p.url());
    ObjectNode a = o.putObject("author");
    a.put("id", p.author().id());
    putIfPresent(a, "handle", p.author().handle());
    putIfPresent(a, "displayName", p.author().displayName());
    if (p.author().followers() != null) {
      a.put("followers", p.author().followers());
    }
    if (p.author().createdAt() != null) {
      a.put("createdAt", p.author().createdAt().toString());
    }
    o.put("createdAt", p.createdAt().toString());
    o.put("text", p.text());
    putIfPresent(o, "lang", p.lang());
    putIfPresent(o, "replyTo", p.replyTo());
    putIfPresent(o, "repostOf", p.repostOf());
    putIfPresent(o, "quoteOf", p.quoteOf());
    putList(o.putArray("links"), p.links());
    putList(o.putArray("hashtags"), p.hashtags());
    putList(o.putArray("mentions"), p.mentions());
    ArrayNode media = o.putArray("media");
    for (Media m : p.media()) {
      ObjectNode mo = media.addObject();
      mo.put("url", m.url());
      putIfPresent(mo, "sha256", m.sha256());
    }
    ObjectNode metrics = o.putObject("metrics");
    putIfPresent(metrics, "likes", p.metrics().likes());
    putIfPresent(metrics, "reposts", p.metrics().reposts());
    putIfPresent(metrics, "replies", p.metrics().replies());
    putIfPresent(metrics, "views", p.metrics().views());
    if (p.edited() != null) {
      o.put("edited", p.edited().toString());
    }
    p.extra().forEach((k, v) -> o.set(k, v.deepCopy()));
    return o;
  }

  /** Writes a post as one line of JSONL (no line break). */
  public static String write(Post p) {
    return toNode(p).toString();
  }

  private static Author author(ObjectNode o) throws PostFormatException {
    JsonNode n = o.get("author");
    if (n == null || !n.isObject()) {
      throw new PostFormatException("author: required object is missing");
    }
    ObjectNode a = (ObjectNode) n;
    return new Author(
        requiredString(a, "id", MAX_ID_CHARS, false, "author.id"),
        optionalString(a, "handle", 1024, "author.handle"),
        optionalString(a, "displayName", 1024, "author.displayName"),
        optionalCount(a, "followers", "author.followers"),
        optionalTime(a, "createdAt", "author.createdAt"));
  }

  private static List<Media> media(ObjectNode o) throws PostFormatException {
    JsonNode n = o.get("media");
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw new PostFormatException("media: must be an array");
    }
    if (n.size() > MAX_LIST_ENTRIES) {
      throw new PostFormatException("media: too many entries [" + n.size() + "]");
    }
    List<Media> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      JsonNode m = n.get(i);
      String at = "media[" + i + "]";
      if (!m.isObject()) {
        throw new PostFormatException(at + ": must be an object");
      }
      String sha = optionalString((ObjectNode) m, "sha256", 64, at + ".sha256");
      if (sha != null && !sha.matches("[0-9a-f]{64}")) {
        throw new PostFormatException(at + ".sha256: must be 64 lower-case hex digits");
      }
      out.add(
          new Media(requiredString((ObjectNode) m, "url", MAX_URL_CHARS, false, at + ".url"), sha));
    }
    return out;
  }

  private static Metrics metrics(ObjectNode o) throws PostFormatException {
    JsonNode n = o.get("metrics");
    if (n == null || n.isNull()) {
      return Metrics.UNKNOWN;
    }
    if (!n.isObject()) {
      throw new PostFormatException("metrics: must be an object");
    }
    ObjectNode m = (ObjectNode) n;
    return new Metrics(
        optionalCount(m, "likes", "metrics.likes"),
        optionalCount(m, "reposts", "metrics.reposts"),
        optionalCount(m, "replies", "metrics.replies"),
        optionalCount(m, "views", "metrics.views"));
  }

  private static String requiredString(ObjectNode o, String field, int max, boolean mayBeEmpty)
      throws PostFormatException {
    return requiredString(o, field, max, mayBeEmpty, field);
  }

  private static String requiredString(
      ObjectNode o, String field, int max, boolean mayBeEmpty, String path)
      throws PostFormatException {
    String s = optionalString(o, field, max, path);
    if (s == null) {
      throw new PostFormatException(path + ": required string is missing");
    }
    if (!mayBeEmpty && s.isBlank()) {
      throw new PostFormatException(path + ": must not be blank");
    }
    return s;
  }

  /**
   * A reference to another post of the same platform: its platform id as a string, or an object
   * {@code {"platform", "id"}} whose platform, if given, is the post's own. Other platforms are
   * refused, since a post can only reply to, repost or quote posts of its own platform.
   */
  private static String optionalPostId(ObjectNode o, String field, String platform)
      throws PostFormatException {
    JsonNode n = o.get(field);
    if (n == null || n.isNull() || n.isTextual()) {
      return optionalString(o, field, MAX_ID_CHARS);
    }
    if (!n.isObject()) {
      throw new PostFormatException(
          field
              + ": must be a post id string or an object {\"platform\", \"id\"} [got "
              + n.getNodeType()
              + "]");
    }
    ObjectNode ref = (ObjectNode) n;
    for (Iterator<String> it = ref.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!k.equals("platform") && !k.equals("id")) {
        throw new PostFormatException(
            field + ": an object reference has only platform and id [got " + k + "]");
      }
    }
    String other = optionalString(ref, "platform", 64, field + ".platform");
    if (other != null && !other.equals(platform)) {
      throw new PostFormatException(
          field
              + ".platform: must be the post's own platform "
              + platform
              + " [got "
              + other
              + "]");
    }
    return requiredString(ref, "id", MAX_ID_CHARS, false, field + ".id");
  }

  private static String optionalString(ObjectNode o, String field, int max)
      throws PostFormatException {
    return optionalString(o, field, max, field);
  }

  private static String optionalString(ObjectNode o, String field, int max, String path)
      throws PostFormatException {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new PostFormatException(path + ": must be a string [got " + n.getNodeType() + "]");
    }
    String s = n.textValue();
    if (s.length() > max) {
      throw new PostFormatException(
          path + ": too long, " + s.length() + " characters [max " + max + "]");
    }
    return s;
  }

  private static List<String> stringList(ObjectNode o, String field, int maxEach)
      throws PostFormatException {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw new PostFormatException(field + ": must be an array of strings");
    }
    if (n.size() > MAX_LIST_ENTRIES) {
      throw new PostFormatException(
          field + ": too many entries, " + n.size() + " [max " + MAX_LIST_ENTRIES + "]");
    }
    List<String> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      if (!e.isTextual()) {
        throw new PostFormatException(field + "[" + i + "]: must be a string");
      }
      if (e.textValue().length() > maxEach) {
        throw new PostFormatException(field + "[" + i + "]: too long [max " + maxEach + "]");
      }
      out.add(e.textValue());
    }
    return out;
  }

  private static Long optionalCount(ObjectNode o, String field, String path)
      throws PostFormatException {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
      throw new PostFormatException(path + ": must be a non-negative whole number [got " + n + "]");
    }
    return n.longValue();
  }

  private static Instant requiredTime(ObjectNode o, String field) throws PostFormatException {
    Instant t = optionalTime(o, field, field);
    if (t == null) {
      throw new PostFormatException(field + ": required ISO-8601 time is missing");
    }
    return t;
  }

  private static Instant optionalTime(ObjectNode o, String field) throws PostFormatException {
    return optionalTime(o, field, field);
  }

  private static Instant optionalTime(ObjectNode o, String field, String path)
      throws PostFormatException {
    String s = optionalString(o, field, 64, path);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new PostFormatException(
          path + ": not an ISO-8601 time with offset, e.g. 2016-11-08T14:03:00Z [got " + s + "]",
          e);
    }
  }

  private static void putIfPresent(ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  private static void putIfPresent(ObjectNode o, String field, Long value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  private static void putList(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }
}
