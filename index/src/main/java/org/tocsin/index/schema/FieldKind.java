package org.tocsin.index.schema;

/** How an indexed field is analysed and queried. */
public enum FieldKind {
  /** Free text: tokenised, lower-cased and ASCII-folded; phrases, proximity, fuzzy, wildcards. */
  TEXT,
  /** One exact, case-sensitive term per value (ids, keys, links). */
  EXACT,
  /** One term per value, lower-cased (platform, language, label, target group ...). */
  LOWERCASE,
  /** A handle: lower-cased, a leading {@code @} ignored. */
  HANDLE,
  /** A hashtag: lower-cased, a leading {@code #} ignored. */
  HASHTAG,
  /** A whole number, searched with exact values and ranges. */
  LONG,
  /** A score in [0, 1], searched with ranges such as {@code [0.8 TO 1]}. */
  DOUBLE,
  /** A point in time, searched with ISO-8601 dates or instants, exact or in ranges. */
  DATE;

  /** Whether the field holds numbers or times rather than terms. */
  public boolean isNumeric() {
    return this == LONG || this == DOUBLE || this == DATE;
  }
}
