package org.tocsin.node.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tocsin.core.json.Json;
import org.tocsin.node.files.AtomicFiles;

/**
 * API keys in {@code DATA/api-keys.json}. A key reads {@code tk_<id>_<secret>}: the id finds the
 * entry, the secret (32 random bytes) is checked against its stored SHA-256 in constant time. The
 * secret is shown once, at creation, and never stored. The file is replaced atomically (temp file,
 * fsync, rename), so a crash leaves the old or the new set, never half of one.
 */
public final class ApiKeyStore {
  private static final String PREFIX = "tk_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final Map<String, ApiKey> keys = new LinkedHashMap<>();

  /** A new key with its secret, which is shown once. */
  public record CreatedKey(ApiKey key, String token) {}

  private ApiKeyStore(Path file) {
    this.file = file;
  }

  /**
   * Opens the key store of a data directory (empty if it has no keys yet).
   *
   * @throws IOException if the file cannot be read or is not a key store
   */
  public static ApiKeyStore open(Path dataDir) throws IOException {
    ApiKeyStore s = new ApiKeyStore(dataDir.resolve("api-keys.json"));
    if (Files.exists(s.file)) {
      JsonNode root = Json.mapper().readTree(s.file.toFile());
      if (root == null || !root.path("keys").isArray()) {
        throw new IOException("not a key store: " + s.file);
      }
      for (JsonNode k : root.get("keys")) {
        ApiKey key =
            new ApiKey(
                k.path("id").asText(),
                k.path("name").asText(),
                Role.parse(k.path("role").asText()),
                k.path("secretSha256").asText(),
                Instant.parse(k.path("createdAt").asText()),
                k.hasNonNull("revokedAt") ? Instant.parse(k.get("revokedAt").asText()) : null);
        s.keys.put(key.id(), key);
      }
    }
    return s;
  }

  /**
   * Creates a key and stores its hash.
   *
   * @throws IOException if the store cannot be written
   * @throws IllegalArgumentException if the name is blank or longer than 200 characters
   */
  public synchronized CreatedKey create(Role role, String name) throws IOException {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException(
          "a key needs a name of 1..200 characters [got " + name + "]");
    }
    byte[] idBytes = new byte[6];
    byte[] secret = new byte[32];
    RANDOM.nextBytes(idBytes);
    RANDOM.nextBytes(secret);
    String id = HexFormat.of().formatHex(idBytes);
    String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    ApiKey key = new ApiKey(id, name.strip(), role, sha256(secretText), Instant.now(), null);
    keys.put(id, key);
    save();
    return new CreatedKey(key, PREFIX + id + "_" + secretText);
  }

  /**
   * Revokes a key; it stops working at once.
   *
   * @return whether an active key with that id existed
   * @throws IOException if the store cannot be written
   */
  public synchronized boolean revoke(String id) throws IOException {
    ApiKey k = keys.get(id);
    if (k == null || !k.active()) {
      return false;
    }
    keys.put(
        id, new ApiKey(k.id(), k.name(), k.role(), k.secretSha256(), k.createdAt(), Instant.now()));
    save();
    return true;
  }

  /**
   * The key a bearer token stands for, if it is well formed, known, active and its secret matches.
   */
  public synchronized Optional<ApiKey> authenticate(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
      return Optional.empty();
    }
    int sep = token.indexOf('_', PREFIX.length());
    if (sep < 0) {
      return Optional.empty();
    }
    ApiKey k = keys.get(token.substring(PREFIX.length(), sep));
    if (k == null || !k.active()) {
      return Optional.empty();
    }
    byte[] given = sha256(token.substring(sep + 1)).getBytes(StandardCharsets.US_ASCII);
    byte[] stored = k.secretSha256().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(given, stored) ? Optional.of(k) : Optional.empty();
  }

  /** Every key, active or revoked, in creation order. */
  public synchronized List<ApiKey> list() {
    return new ArrayList<>(keys.values());
  }

  private void save() throws IOException {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("format", 1);
    ArrayNode arr = root.putArray("keys");
    for (ApiKey k : keys.values()) {
      ObjectNode o = arr.addObject();
      o.put("id", k.id());
      o.put("name", k.name());
      o.put("role", k.role().jsonName());
      o.put("secretSha256", k.secretSha256());
      o.put("createdAt", k.createdAt().toString());
      if (k.revokedAt() != null) {
        o.put("revokedAt", k.revokedAt().toString());
      }
    }
    AtomicFiles.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
