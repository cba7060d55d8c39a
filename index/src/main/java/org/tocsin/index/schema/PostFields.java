package org.tocsin.index.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The names of the fields of a post document, and the names users may type in a query.
 *
 * <p>Every indexed field has a {@link FieldKind}. Users may type a field's own name or one of its
 * aliases, in any case: {@code author:}, {@code handle:} and {@code author.handle:} all search the
 * author's handle; {@code hashtag:} and {@code tag:} search hashtags. The stored-only fields that
 * hold the JSON of a post ({@link #POST_JSON}, {@link #SCORE_JSON}, {@link #EVIDENCE_JSON}) are not
 * searchable.
 */
public final class PostFields {

  /**
   * {@code platform/id}: the key of a post, exact; shared by every version of an edited post (see
   * {@link #VERSION_ID}).
   */
  public static final String KEY = "key";

  /**
   * {@code platform/id@seq}: the unique identity of a document, one per version of a post, exact;
   * sorted doc values break ties between hits. Not searchable by users.
   */
  public static final String VERSION_ID = "vid";

  /**
   * {@code true} on the latest version of a post (the one with the highest ledger seq) and absent
   * on older versions. Not searchable by users; searches see only latest versions unless asked.
   */
  public static final String LATEST = "latest";

  /** The value of {@link #LATEST} on the latest version. */
  public static final String LATEST_VALUE = "true";

  /** Ids of the campaigns a post was found in, exact; multi-valued, stored. */
  public static final String CAMPAIGNS = "campaigns";

  /** The platform name, lower-cased. */
  public static final String PLATFORM = "platform";

  /** The platform's id of the post, exact. */
  public static final String ID = "id";

  /** The platform's id of the author, exact. */
  public static final String AUTHOR_ID = "author.id";

  /** The author's handle, lower-cased, without a leading {@code @}. */
  public static final String AUTHOR_HANDLE = "author.handle";

  /** The post's language tag, lower-cased. */
  public static final String LANG = "lang";

  /** Hashtags, lower-cased, without the leading {@code #}; multi-valued. */
  public static final String HASHTAGS = "hashtags";

  /** Mentioned handles, lower-cased, without the leading {@code @}; multi-valued. */
  public static final String MENTIONS = "mentions";

  /** Links in the post, exact; multi-valued. */
  public static final String LINKS = "links";

  /** The post's own URL on its platform, exact. */
  public static final String URL = "url";

  /** The post's text: analysed, stored, with offsets for highlighting. */
  public static final String TEXT = "text";

  /** When the post was written, in epoch milliseconds: points, doc values and stored. */
  public static final String CREATED_AT = "createdAt";

  /** The hate probability: points and doc values. */
  public static final String HATE = "hate";

  /** The offensive probability: points and doc values. */
  public static final String OFFENSIVE = "offensive";

  /** The incitement score: points and doc values. */
  public static final String INCITEMENT = "incitement";

  /** The dehumanisation score: points and doc values. */
  public static final String DEHUMANIZATION = "dehumanization";

  /** The most likely label: {@code hate}, {@code offensive} or {@code normal}. */
  public static final String LABEL = "label";

  /** The target groups of the score, lower-cased; multi-valued. */
  public static final String TARGETS = "targets";

  /** The legal grounds of the target groups ({@code religious}, {@code ethnic} ...). */
  public static final String GROUNDS = "grounds";

  /** The name of the model that scored the post, lower-cased. */
  public static final String MODEL = "model";

  /** The ledger sequence number of the captured original: points, doc values and stored. */
  public static final String EVIDENCE_SEQ = "evidence.seq";

  /** The SHA-256 of the captured original, lower-case hex, stored. */
  public static final String EVIDENCE_SHA256 = "evidence.sha256";

  /** Stored only: the post as Post JSON. */
  public static final String POST_JSON = "_post";

  /** Stored only: the score as Score JSON. */
  public static final String SCORE_JSON = "_score";

  /** Stored only: the evidence reference as JSON. */
  public static final String EVIDENCE_JSON = "_evidence";

  private static final Map<String, FieldKind> KINDS = kinds();
  private static final Map<String, String> ALIASES = aliases();
  private static final Map<String, String> LOOKUP = lookup(ALIASES);

  private PostFields() {}

  /** The kind of an indexed field, or empty if the name is not an indexed field. */
  public static Optional<FieldKind> kind(String field) {
    return Optional.ofNullable(KINDS.get(field));
  }

  /**
   * Resolves a field name a user typed (a field's name or an alias, any case) to the indexed field.
   *
   * @return the indexed field, or empty if the name is unknown
   */
  public static Optional<String> resolve(String userField) {
    if (userField == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(LOOKUP.get(userField.toLowerCase(Locale.ROOT)));
  }

  /** The names users can type before a colon in a query, canonical names first. */
  public static List<String> queryableNames() {
    return List.copyOf(ALIASES.keySet());
  }

  /** One name per searchable field, the one users are shown in help and error messages. */
  public static List<String> displayNames() {
    Map<String, String> firstByField = new LinkedHashMap<>();
    ALIASES.forEach((alias, field) -> firstByField.putIfAbsent(field, alias));
    return List.copyOf(firstByField.values());
  }

  /** The indexed fields and their kinds, in schema order. */
  public static Map<String, FieldKind> indexedFields() {
    return KINDS;
  }

  private static Map<String, FieldKind> kinds() {
    Map<String, FieldKind> m = new LinkedHashMap<>();
    m.put(TEXT, FieldKind.TEXT);
    m.put(PLATFORM, FieldKind.LOWERCASE);
    m.put(ID, FieldKind.EXACT);
    m.put(KEY, FieldKind.EXACT);
    m.put(AUTHOR_HANDLE, FieldKind.HANDLE);
    m.put(AUTHOR_ID, FieldKind.EXACT);
    m.put(LANG, FieldKind.LOWERCASE);
    m.put(HASHTAGS, FieldKind.HASHTAG);
    m.put(MENTIONS, FieldKind.HANDLE);
    m.put(LINKS, FieldKind.EXACT);
    m.put(URL, FieldKind.EXACT);
    m.put(LABEL, FieldKind.LOWERCASE);
    m.put(TARGETS, FieldKind.LOWERCASE);
    m.put(GROUNDS, FieldKind.LOWERCASE);
    m.put(MODEL, FieldKind.LOWERCASE);
    m.put(CREATED_AT, FieldKind.DATE);
    m.put(HATE, FieldKind.DOUBLE);
    m.put(OFFENSIVE, FieldKind.DOUBLE);
    m.put(INCITEMENT, FieldKind.DOUBLE);
    m.put(DEHUMANIZATION, FieldKind.DOUBLE);
    m.put(EVIDENCE_SEQ, FieldKind.LONG);
    m.put(EVIDENCE_SHA256, FieldKind.LOWERCASE);
    m.put(CAMPAIGNS, FieldKind.EXACT);
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, String> lookup(Map<String, String> aliases) {
    Map<String, String> m = new LinkedHashMap<>();
    aliases.forEach((alias, field) -> m.put(alias.toLowerCase(Locale.ROOT), field));
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, String> aliases() {
    Map<String, String> m = new LinkedHashMap<>();
    // Friendly names first: these are what the error messages list.
    m.put("text", TEXT);
    m.put("platform", PLATFORM);
    m.put("id", ID);
    m.put("key", KEY);
    m.put("author", AUTHOR_HANDLE);
    m.put("author.id", AUTHOR_ID);
    m.put("lang", LANG);
    m.put("hashtag", HASHTAGS);
    m.put("mention", MENTIONS);
    m.put("link", LINKS);
    m.put("url", URL);
    m.put("label", LABEL);
    m.put("target", TARGETS);
    m.put("ground", GROUNDS);
    m.put("model", MODEL);
    m.put("createdAt", CREATED_AT);
    m.put("hate", HATE);
    m.put("offensive", OFFENSIVE);
    m.put("incitement", INCITEMENT);
    m.put("dehumanization", DEHUMANIZATION);
    m.put("seq", EVIDENCE_SEQ);
    m.put("sha256", EVIDENCE_SHA256);
    m.put("campaign", CAMPAIGNS);
    // Other spellings people reach for.
    m.put("author.handle", AUTHOR_HANDLE);
    m.put("handle", AUTHOR_HANDLE);
    m.put("hashtags", HASHTAGS);
    m.put("tag", HASHTAGS);
    m.put("mentions", MENTIONS);
    m.put("links", LINKS);
    m.put("targets", TARGETS);
    m.put("grounds", GROUNDS);
    m.put("language", LANG);
    m.put("date", CREATED_AT);
    m.put("created", CREATED_AT);
    m.put("dehumanisation", DEHUMANIZATION);
    m.put("evidence.seq", EVIDENCE_SEQ);
    m.put("evidence.sha256", EVIDENCE_SHA256);
    m.put("campaigns", CAMPAIGNS);
    return Collections.unmodifiableMap(m);
  }
}
