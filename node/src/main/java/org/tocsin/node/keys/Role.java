package org.tocsin.node.keys;

import java.util.Locale;

/** What a key may do; the permission matrix maps each route to the roles it admits. */
public enum Role {
  /** Early-warning analysts: search, stats, campaigns, alerts, watchlists. */
  ANALYST,
  /** Trust and safety teams: as analysts, and alert delivery. */
  TRUST,
  /** Prosecutors and investigators: search and evidence (original bytes, custody, exports). */
  PROSECUTOR,
  /** Administrators: everything, including keys and sources. */
  ADMIN;

  /** The role's name in JSON and on the command line. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a role name.
   *
   * @throws IllegalArgumentException naming the allowed roles if the name is not one
   */
  public static Role parse(String name) {
    for (Role r : values()) {
      if (r.jsonName().equals(name == null ? null : name.trim().toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown role [got " + name + "]; use analyst, trust, prosecutor or admin");
  }
}
