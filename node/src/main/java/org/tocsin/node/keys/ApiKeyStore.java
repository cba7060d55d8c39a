package org.tocsin.node.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tocsin.core.json.Json;
import org.tocsin.node.files.AtomicFiles;

/**
 * API keys in {@code DATA/api-keys.json}, shared safely by every process that opens the same data
 * directory (a running node and {@code tocsin keys} beside it). A key reads {@code
 * tk_<id>_<secret>}: the id finds the entry, the secret (32 random bytes) is checked against its
 * stored SHA-256 in constant time. The secret is shown once, at creation, and never stored.
 *
 * <p>Sharing rules, which together mean no creation or revocation is ever lost or undone:
 *
 * <ul>
 *   <li>Every change is a read-modify-write under an exclusive lock: a lock within this JVM (two
 *       stores on one file in one process) and then {@link FileChannel#lock()} on the sibling
 *       {@code api-keys.json.lock} (other processes). The change is applied to the file as read
 *       under the lock, never to the in-memory copy.
 *   <li>The file is replaced atomically (unique temp file, fsync, atomic rename, fsync of the
 *       directory), so a reader without the lock sees the old or the new set, never half of one.
 *   <li>Readers ({@link #authenticate}, {@link #list}) look at the file's identity (inode, size,
 *       modification time) before answering and re-read it when it changed, so a key revoked or
 *       made by another process counts at once. Each change makes a new file (new inode) that is
 *       larger than the one before (keys are only added, and revoking adds a field), so a change is
 *       never mistaken for the old file.
 *   <li>A file that cannot be read is treated as holding no key (fail closed) until it can.
 *   <li>The file and its lock are readable by their owner only (mode 0600 where POSIX permissions
 *       exist); an older, wider file is narrowed when the store opens it.
 * </ul>
 */
public final class ApiKeyStore {
  private static final Logger LOG = Logger.getLogger(ApiKeyStore.class.getName());
  private static final String PREFIX = "tk_";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One lock per key file within this JVM: {@link FileLock} is held per process, not thread. */
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path file;
  private final Path lockFile;
  private final ReentrantLock jvmLock;
  private volatile Snapshot snapshot;

  /** A new key with its secret, which is shown once. */
  public record CreatedKey(ApiKey key, String token) {}

  /** The keys as read from one version of the file, and that version's identity. */
  private record Snapshot(FileStamp stamp, Map<String, ApiKey> keys) {}

  /** What tells one version of the file from another without reading it. */
  private record FileStamp(Object fileKey, long size, long modifiedNanos) {
    static final FileStamp ABSENT = new FileStamp(null, -1, -1);
  }

  private ApiKeyStore(Path file) {
    this.file = file;
    this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
    this.jvmLock = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
  }

  /**
   * Opens the key store of a data directory (empty if it has no keys yet).
   *
   * @throws IOException if the file cannot be read or is not a key store
   */
  public static ApiKeyStore open(Path dataDir) throws IOException {
    Objects.requireNonNull(dataDir, "dataDir");
    // one spelling per file (links resolved), so that every store on it shares one JVM lock
    Path dir =
        Files.isDirectory(dataDir) ? dataDir.toRealPath() : dataDir.toAbsolutePath().normalize();
    ApiKeyStore s = new ApiKeyStore(dir.resolve("api-keys.json"));
    if (Files.exists(s.file)) {
      AtomicFiles.restrictToOwner(s.file);
    }
    s.snapshot = s.read();
    return s;
  }

  /**
   * Creates a key and stores its hash.
   *
   * @throws IOException if the store cannot be written
   * @throws IllegalArgumentException if the name is blank or longer than 200 characters
   */
  public CreatedKey create(Role role, String name) throws IOException {
    Objects.requireNonNull(role, "role");
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
    change(
        keys -> {
          if (keys.containsKey(id)) {
            throw new IllegalStateException("key id collision, try again [got " + id + "]");
          }
          keys.put(id, key);
          return keys;
        });
    return new CreatedKey(key, PREFIX + id + "_" + secretText);
  }

  /**
   * Revokes a key; it stops working at once, in this process and in every other one that reads the
   * same file.
   *
   * @return whether an active key with that id existed
   * @throws IOException if the store cannot be written
   */
  public boolean revoke(String id) throws IOException {
    boolean[] found = {false};
    change(
        keys -> {
          ApiKey k = keys.get(id);
          if (k == null || !k.active()) {
            return null;
          }
          found[0] = true;
          keys.put(
              id,
              new ApiKey(
                  k.id(), k.name(), k.role(), k.secretSha256(), k.createdAt(), Instant.now()));
          return keys;
        });
    return found[0];
  }

  /**
   * The key a bearer token stands for, if it is well formed, known, active and its secret matches.
   * Looks at the file first (one {@code stat}; a read only when it changed).
   */
  public Optional<ApiKey> authenticate(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
      return Optional.empty();
    }
    int sep = token.indexOf('_', PREFIX.length());
    if (sep < 0) {
      return Optional.empty();
    }
    ApiKey k = current().get(token.substring(PREFIX.length(), sep));
    if (k == null || !k.active()) {
      return Optional.empty();
    }
    byte[] given = sha256(token.substring(sep + 1)).getBytes(StandardCharsets.US_ASCII);
    byte[] stored = k.secretSha256().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(given, stored) ? Optional.of(k) : Optional.empty();
  }

  /** Every key, active or revoked, in creation order, as the file holds them now. */
  public List<ApiKey> list() {
    return new ArrayList<>(current().values());
  }

  /** The keys of the file as it is now: the cached copy if the file did not change. */
  private Map<String, ApiKey> current() {
    Snapshot s = snapshot;
    try {
      if (s != null && s.stamp().equals(stamp())) {
        return s.keys();
      }
      Snapshot fresh = read();
      snapshot = fresh;
      return fresh.keys();
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING, "cannot read the key store " + file + "; no key is valid until it can", e);
      snapshot = null;
      return Map.of();
    }
  }

  /**
   * Applies a change to the file as it is under the lock. {@code edit} gets a mutable copy and
   * returns it changed, or null to change nothing.
   */
  private void change(UnaryOperator<Map<String, ApiKey>> edit) throws IOException {
    jvmLock.lock();
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel ch =
              FileChannel.open(
                  lockFile,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.READ);
          FileLock lock = ch.lock()) {
        AtomicFiles.restrictToOwner(lockFile);
        Snapshot onDisk = read();
        Map<String, ApiKey> next = edit.apply(new LinkedHashMap<>(onDisk.keys()));
        if (next == null) {
          snapshot = onDisk;
          return;
        }
        AtomicFiles.writePrivate(file, encode(next));
        snapshot = new Snapshot(stamp(), ordered(next));
      }
    } finally {
      jvmLock.unlock();
    }
  }

  private static Map<String, ApiKey> ordered(Map<String, ApiKey> keys) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(keys));
  }

  private FileStamp stamp() throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new FileStamp(a.fileKey(), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    } catch (NoSuchFileException e) {
      return FileStamp.ABSENT;
    }
  }

  /** Reads the file; the stamp is taken before the read, so a later change is always seen. */
  private Snapshot read() throws IOException {
    FileStamp stamp = stamp();
    if (stamp == FileStamp.ABSENT) {
      return new Snapshot(stamp, Map.of());
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Snapshot(FileStamp.ABSENT, Map.of());
    }
    JsonNode root = Json.mapper().readTree(bytes);
    if (root == null || !root.path("keys").isArray()) {
      throw new IOException("not a key store: " + file);
    }
    Map<String, ApiKey> keys = new LinkedHashMap<>();
    for (JsonNode k : root.get("keys")) {
      ApiKey key =
          new ApiKey(
              k.path("id").asText(),
              k.path("name").asText(),
              Role.parse(k.path("role").asText()),
              k.path("secretSha256").asText(),
              Instant.parse(k.path("createdAt").asText()),
              k.hasNonNull("revokedAt") ? Instant.parse(k.get("revokedAt").asText()) : null);
      keys.put(key.id(), key);
    }
    return new Snapshot(stamp, ordered(keys));
  }

  private static byte[] encode(Map<String, ApiKey> keys) throws IOException {
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
    return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
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
