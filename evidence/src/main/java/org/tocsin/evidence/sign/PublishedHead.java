package org.tocsin.evidence.sign;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.tocsin.core.json.Json;

/**
 * A signed tree head held outside the ledger (given to a court, a witness, a journalist), read from
 * a file: the JSON that {@code GET /api/v1/evidence/tree-head} returns, its {@code treeHead} object
 * alone, an export bundle's {@code tree-head.json}, or the raw 163-byte {@code tree-head.bin}. Only
 * the signed bytes count: every other field in the file must agree with them.
 *
 * @param head the signed tree head
 * @param publishedKey the public key the file carries ({@code publicKeyPem} of the API response),
 *     or null; it is trusted only if its key id is one the user trusts ({@link TrustedKeys})
 * @param source the file, for messages
 */
public record PublishedHead(SignedTreeHead head, PublicKey publishedKey, Path source) {

  /** The largest head file read: the API response with a few time-stamp tokens fits easily. */
  static final int MAX_BYTES = 4 << 20;

  private static final byte[] CONTEXT = "TOCSIN-STH-V1".getBytes(StandardCharsets.US_ASCII);

  /** Checks the head and source are given. */
  public PublishedHead {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(source, "source");
  }

  /**
   * Reads a head file.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   * @throws IOException if it cannot be read
   */
  public static PublishedHead read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("head file " + file + ": no such file");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IllegalArgumentException(
          "head file " + file + ": over " + MAX_BYTES + " bytes, not a tree head");
    }
    byte[] bytes = Files.readAllBytes(file);
    try {
      if (bytes.length == SignedTreeHead.BYTES && bytes[0] == SignedTreeHead.VERSION) {
        return new PublishedHead(SignedTreeHead.decode(bytes), null, file);
      }
      return fromJson(Json.mapper().readTree(bytes), file);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("head file " + file + ": " + e.getMessage(), e);
    }
  }

  private static PublishedHead fromJson(JsonNode root, Path file) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode h = root;
    if (root.has("lastSeq") || root.has("publicKeyPem")) { // the API response
      h = root.get("treeHead");
      if (h == null || !h.isObject()) {
        throw new IllegalArgumentException("the response holds no tree head (none signed yet)");
      }
    }
    SignedTreeHead head;
    if (h.hasNonNull("signedMessage")) { // the API's form: base64 signed bytes and signature
      byte[] msg = Base64.getDecoder().decode(text(h, "signedMessage"));
      byte[] sig = Base64.getDecoder().decode(text(h, "signature"));
      if (msg.length != CONTEXT.length + SignedTreeHead.SIGNED_BYTES
          || !Arrays.equals(Arrays.copyOf(msg, CONTEXT.length), CONTEXT)) {
        throw new IllegalArgumentException("signedMessage is not TOCSIN-STH-V1 and 97 head bytes");
      }
      if (sig.length != 64) {
        throw new IllegalArgumentException("signature is not 64 bytes [got " + sig.length + "]");
      }
      head =
          SignedTreeHead.decode(
              ByteBuffer.allocate(SignedTreeHead.BYTES)
                  .put(msg, CONTEXT.length, SignedTreeHead.SIGNED_BYTES)
                  .putShort((short) 64)
                  .put(sig)
                  .array());
    } else if (h.hasNonNull("timeMicros")) { // a bundle's tree-head.json
      HexFormat hex = HexFormat.of();
      head =
          new SignedTreeHead(
              hex.parseHex(text(h, "ledgerId")),
              h.path("treeSize").asLong(-1),
              hex.parseHex(text(h, "rootHash")),
              h.path("timeMicros").asLong(),
              hex.parseHex(text(h, "keyId")),
              hex.parseHex(text(h, "signature")));
    } else {
      throw new IllegalArgumentException(
          "not a tree head: expected the JSON of GET /api/v1/evidence/tree-head, a bundle's"
              + " tree-head.json or tree-head.bin");
    }
    agree(h, "treeSize", Long.toString(head.treeSize()));
    agree(h, "rootHash", head.rootHashHex());
    agree(h, "keyId", head.keyIdHex());
    agree(root, "ledgerId", HexFormat.of().formatHex(head.ledgerId()));
    PublicKey key = null;
    if (root.hasNonNull("publicKeyPem")) {
      key = TreeHeadKeys.publicKeyFromPem(text(root, "publicKeyPem"));
    }
    return new PublishedHead(head, key, file);
  }

  private static void agree(JsonNode n, String field, String signed) {
    if (n.hasNonNull(field) && !n.get(field).asText().equalsIgnoreCase(signed)) {
      throw new IllegalArgumentException(
          field + " says " + n.get(field).asText() + " but the signed bytes say " + signed);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("no text field " + field);
    }
    return v.asText();
  }
}
