package org.tocsin.index.stats;

import java.util.Locale;
import java.util.Optional;
import org.tocsin.index.schema.PostFields;

/** A dimension posts are counted by: each holds keyword doc values of one index field. */
public enum Facet {
  /** Target groups ({@code refugee}, {@code muslim} ...); a post may have several. */
  TARGET(PostFields.TARGETS, true),
  /** Legal grounds of the target groups ({@code religious}, {@code ethnic} ...). */
  GROUND(PostFields.GROUNDS, true),
  /** Language tags. */
  LANGUAGE(PostFields.LANG, true),
  /** Platforms. */
  PLATFORM(PostFields.PLATFORM, true),
  /** The most likely label: {@code hate}, {@code offensive} or {@code normal}. */
  LABEL(PostFields.LABEL, true),
  /** Campaign ids. */
  CAMPAIGN(PostFields.CAMPAIGNS, false),
  /** Author handles. */
  AUTHOR(PostFields.AUTHOR_HANDLE, false);

  private final String field;
  private final boolean splittable;

  Facet(String field, boolean splittable) {
    this.field = field;
    this.splittable = splittable;
  }

  /** The index field whose doc values are counted. */
  public String field() {
    return field;
  }

  /**
   * Whether a histogram may be split by this facet: only dimensions with few values are, since a
   * split keeps one series of buckets per value.
   */
  public boolean splittable() {
    return splittable;
  }

  /** The name used in APIs: the lower-case enum name ({@code target}, {@code language} ...). */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The facet of an API name, in any case; also accepts the plural and {@code lang}.
   *
   * @return the facet, or empty if the name is unknown
   */
  public static Optional<Facet> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.strip().toLowerCase(Locale.ROOT);
    if (n.equals("lang") || n.equals("languages")) {
      return Optional.of(LANGUAGE);
    }
    for (Facet f : values()) {
      if (f.jsonName().equals(n) || (f.jsonName() + "s").equals(n)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
