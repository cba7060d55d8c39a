package org.tocsin.node.keys;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored API key: never the secret itself, only its SHA-256.
 *
 * @param id the public part of the key, used to find it and to name it in the custody log
 * @param name what the key is for, e.g. a person or a system
 * @param role what it may do
 * @param secretSha256 lower-case hex SHA-256 of the secret part
 * @param createdAt when it was made
 * @param revokedAt when it was revoked, or null while it is valid
 */
public record ApiKey(
    String id, String name, Role role, String secretSha256, Instant createdAt, Instant revokedAt) {

  /** Checks the fields. */
  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(secretSha256, "secretSha256");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Whether the key may still be used. */
  public boolean active() {
    return revokedAt == null;
  }
}
