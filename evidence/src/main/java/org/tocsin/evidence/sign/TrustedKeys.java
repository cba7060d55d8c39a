package org.tocsin.evidence.sign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tocsin.evidence.format.v1.Sha256;

/**
 * The tree-head keys a verifier's user trusts, each given as a public key file
 * (SubjectPublicKeyInfo PEM) or as a key id (64 hex digits: the SHA-256 of the key's
 * SubjectPublicKeyInfo DER, as {@code tocsin keys show} prints and a bundle's {@code VERIFY.md}
 * states). A key id alone cannot check a signature; it makes a key found elsewhere (the ledger's
 * key directory, a bundle, a head file) trusted when that key hashes to it. Because the id is a
 * hash of the key, that is as strong as being handed the key itself.
 */
public final class TrustedKeys {

  private final Map<String, PublicKey> keys = new LinkedHashMap<>();
  private final Set<String> ids = new LinkedHashSet<>();

  private TrustedKeys() {}

  /** No trusted key: a verifier must say that signatures prove only who holds the bundled key. */
  public static TrustedKeys none() {
    return new TrustedKeys();
  }

  /**
   * Parses the user's keys: each a 64-digit hex key id or the path of a public key file.
   *
   * @throws IllegalArgumentException naming a value that is neither, or a file that holds no
   *     Ed25519 public key
   * @throws IOException if a key file cannot be read
   */
  public static TrustedKeys parse(Collection<String> specs) throws IOException {
    TrustedKeys t = new TrustedKeys();
    for (String s : specs) {
      String v = s.strip();
      if (v.matches("[0-9a-fA-F]{64}")) {
        t.ids.add(v.toLowerCase(Locale.ROOT));
        continue;
      }
      Path p = Path.of(v);
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException(
            "trusted key " + v + ": neither a 64-hex-digit key id nor a public key file");
      }
      PublicKey k;
      try {
        k = TreeHeadKeys.readPublicKey(p);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("trusted key file " + p + ": " + e.getMessage(), e);
      }
      String id = idOf(k);
      t.ids.add(id);
      t.keys.put(id, k);
    }
    return t;
  }

  /** Lower-case hex key id of a public key. */
  public static String idOf(PublicKey key) {
    return Sha256.hex(TreeHeadKeys.keyId(key));
  }

  /** Whether the user named no key at all. */
  public boolean isEmpty() {
    return ids.isEmpty();
  }

  /** The trusted key ids, lower-case hex. */
  public Set<String> ids() {
    return Set.copyOf(ids);
  }

  /** Whether a key id (hex, any case) is trusted. */
  public boolean trusts(String keyIdHex) {
    return ids.contains(keyIdHex.toLowerCase(Locale.ROOT));
  }

  /**
   * The trusted public keys: those given as files, and each candidate whose key id is trusted.
   * Candidates that are not trusted are left out.
   */
  public List<PublicKey> resolve(Collection<PublicKey> candidates) {
    Map<String, PublicKey> out = new LinkedHashMap<>(keys);
    for (PublicKey c : candidates) {
      if (c != null && trusts(idOf(c))) {
        out.putIfAbsent(idOf(c), c);
      }
    }
    return new ArrayList<>(out.values());
  }

  /** The trusted key ids for which neither a file nor a candidate gave the key. */
  public Set<String> unresolved(Collection<PublicKey> candidates) {
    Set<String> out = new LinkedHashSet<>(ids);
    for (PublicKey k : resolve(candidates)) {
      out.remove(idOf(k));
    }
    return out;
  }
}
