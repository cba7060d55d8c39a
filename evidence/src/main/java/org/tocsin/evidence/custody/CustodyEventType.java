package org.tocsin.evidence.custody;

import java.util.Locale;

/** What happened to the evidence; the JSON name is the lower-case, hyphenated constant name. */
public enum CustodyEventType {
  /** The original was captured (the CAPTURE record itself is the primary proof of this). */
  CAPTURED,
  /** The capture was parsed into posts. */
  PARSED,
  /** Posts were scored; {@code details} names the model and its version. */
  SCORED,
  /** Posts were indexed for search. */
  INDEXED,
  /** A person or a program read the evidence; the actor, reason and query say who and why. */
  ACCESSED,
  /** The evidence was exported in a bundle. */
  EXPORTED,
  /** The evidence was verified (chain, proofs, signatures). */
  VERIFIED,
  /** The post was found deleted at its source. */
  DELETED_UPSTREAM,
  /** The post was found edited at its source; the new version is a new capture. */
  EDITED_UPSTREAM;

  /** The name used in JSON, such as {@code deleted-upstream}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The type with a JSON name.
   *
   * @throws IllegalArgumentException if no type has that name
   */
  public static CustodyEventType fromJsonName(String name) {
    for (CustodyEventType t : values()) {
      if (t.jsonName().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown custody event type [got " + name + "]");
  }
}
