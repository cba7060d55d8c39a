package org.tocsin.campaigns.signal;

import java.util.Locale;

/** A kind of object two accounts can share, whose repeated sharing within a window is a signal. */
public enum Signal {
  /** Near-duplicate text: MinHash/LSH over normalised word shingles ({@link NearDuplicates}). */
  TEXT,
  /** The same URL after {@link UrlNormalizer} (tracking parameters stripped). */
  URL,
  /** The same sequence of at least two hashtags, normalised, in order. */
  HASHTAGS,
  /** The same media file, by its SHA-256. */
  MEDIA,
  /** Reposting, boosting or quoting the same post. */
  REPOST,
  /**
   * Posting in the same burst time bin ({@link SyncBursts}): content-free, batch only, and off
   * unless listed in {@code signals}.
   */
  BURST;

  /** The name used in JSON and configuration: lower case. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a signal from its JSON name.
   *
   * @throws IllegalArgumentException if the name is not a signal
   */
  public static Signal fromJson(String name) {
    for (Signal s : values()) {
      if (s.jsonName().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown signal [got " + name + "]");
  }
}
