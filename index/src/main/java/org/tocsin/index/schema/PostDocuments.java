package org.tocsin.index.schema;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.json.Json;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.json.ScoreJson;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.core.score.Score;
import org.tocsin.core.score.TargetScore;
import org.tocsin.index.analysis.LanguageAnalyzers;
import org.tocsin.index.analysis.PostAnalyzers;

/**
 * Maps a {@link ScoredPost} to the Lucene document of {@link PostFields} and back.
 *
 * <p>The document stores the post, score and evidence reference as JSON, so that reading a hit
 * gives back exactly the scored post that was indexed; the other fields exist to be searched and
 * sorted. The text is indexed twice: in the language-neutral {@link PostFields#TEXT} field of every
 * post, and in the language field of the post's language if it has one ({@link
 * LanguageAnalyzers#fieldFor}). Keyword values longer than {@link #MAX_KEYWORD_BYTES} UTF-8 bytes
 * (a hostile 8 KB link, say) are stored but not indexed, since Lucene refuses terms above 32 KB.
 */
public final class PostDocuments {

  /** The longest keyword value that is indexed, in UTF-8 bytes. */
  public static final int MAX_KEYWORD_BYTES = 8 * 1024;

  /** The stored fields that {@link #read} needs. */
  public static final Set<String> STORED_FIELDS =
      Set.of(PostFields.POST_JSON, PostFields.SCORE_JSON, PostFields.EVIDENCE_JSON);

  /** The stored fields that {@link #read} and {@link #readCampaigns} need. */
  public static final Set<String> STORED_FIELDS_WITH_CAMPAIGNS =
      Set.of(
          PostFields.POST_JSON,
          PostFields.SCORE_JSON,
          PostFields.EVIDENCE_JSON,
          PostFields.CAMPAIGNS);

  /** The most campaign ids one post may carry. */
  public static final int MAX_CAMPAIGNS = 256;

  /** Normalises keyword values for doc values exactly as the index analyses their terms. */
  private static final Analyzer NORMALIZER = PostAnalyzers.create();

  private static final FieldType TEXT_TYPE = textType();
  private static final FieldType LANGUAGE_TEXT_TYPE = languageTextType();
  private static final FieldType LOWER_KEYWORD_TYPE = lowerKeywordType();

  private PostDocuments() {}

  /**
   * Builds the document of the latest version of a scored post, in no campaign.
   *
   * @throws IllegalArgumentException if the post breaks the bounds of Post JSON, so that it could
   *     not be read back from the index
   */
  public static Document toDocument(ScoredPost sp) {
    return toDocument(sp, List.of(), true);
  }

  /**
   * Builds the document of one version of a scored post.
   *
   * @param campaigns ids of the campaigns the post was found in (exact; duplicates dropped)
   * @param latest whether this is the latest version of the post
   * @throws IllegalArgumentException if the post breaks the bounds of Post JSON, so that it could
   *     not be read back from the index, or carries more than {@link #MAX_CAMPAIGNS} campaigns
   */
  public static Document toDocument(ScoredPost sp, Collection<String> campaigns, boolean latest) {
    Post p = sp.post();
    String postJson = PostJson.write(p);
    checkReadable(postJson, p);
    Set<String> campaignIds = new TreeSet<>(campaigns);
    if (campaignIds.size() > MAX_CAMPAIGNS) {
      throw new IllegalArgumentException(
          "a post may be in at most "
              + MAX_CAMPAIGNS
              + " campaigns [got "
              + campaignIds.size()
              + " for "
              + p.key()
              + "]");
    }
    Document d = new Document();
    String key = p.key().toString();
    d.add(new StringField(PostFields.KEY, key, Field.Store.YES));
    d.add(new SortedDocValuesField(PostFields.KEY, new BytesRef(key)));
    String vid = versionId(key, sp.evidence().seq());
    d.add(new StringField(PostFields.VERSION_ID, vid, Field.Store.NO));
    d.add(new SortedDocValuesField(PostFields.VERSION_ID, new BytesRef(vid)));
    if (latest) {
      markLatest(d);
    }
    facet(d, PostFields.PLATFORM, p.platform());
    exact(d, PostFields.ID, p.id());
    exact(d, PostFields.AUTHOR_ID, p.author().id());
    facet(d, PostFields.AUTHOR_HANDLE, p.author().handle());
    facet(d, PostFields.LANG, p.lang());
    for (String c : campaignIds) {
      facet(d, PostFields.CAMPAIGNS, c);
      d.add(new StoredField(PostFields.CAMPAIGNS, c));
    }
    p.hashtags().forEach(h -> lower(d, PostFields.HASHTAGS, h));
    p.mentions().forEach(m -> lower(d, PostFields.MENTIONS, m));
    p.links().forEach(l -> exact(d, PostFields.LINKS, l));
    exact(d, PostFields.URL, p.url());
    d.add(new Field(PostFields.TEXT, p.text(), TEXT_TYPE));
    String languageField = LanguageAnalyzers.fieldFor(p.lang(), p.text());
    if (languageField != null) {
      d.add(new Field(languageField, p.text(), LANGUAGE_TEXT_TYPE));
    }
    long created = epochMillis(p.createdAt());
    d.add(new LongPoint(PostFields.CREATED_AT, created));
    d.add(new NumericDocValuesField(PostFields.CREATED_AT, created));
    d.add(new StoredField(PostFields.CREATED_AT, created));
    addScores(d, sp.score());
    EvidenceRef ev = sp.evidence();
    d.add(new LongPoint(PostFields.EVIDENCE_SEQ, ev.seq()));
    d.add(new NumericDocValuesField(PostFields.EVIDENCE_SEQ, ev.seq()));
    d.add(new StoredField(PostFields.EVIDENCE_SEQ, ev.seq()));
    d.add(new StringField(PostFields.EVIDENCE_SHA256, ev.sha256(), Field.Store.YES));
    d.add(new StoredField(PostFields.POST_JSON, postJson));
    d.add(new StoredField(PostFields.SCORE_JSON, ScoreJson.write(sp.score())));
    d.add(new StoredField(PostFields.EVIDENCE_JSON, ScoreJson.toNode(ev).toString()));
    return d;
  }

  /**
   * Reads a scored post back from the stored fields of a document.
   *
   * @param doc the document's stored fields, at least {@link #STORED_FIELDS}
   * @param where a description of the document for error messages
   * @throws CorruptIndexException if the stored JSON cannot be read
   */
  public static ScoredPost read(Document doc, String where) throws CorruptIndexException {
    String post = doc.get(PostFields.POST_JSON);
    String score = doc.get(PostFields.SCORE_JSON);
    String evidence = doc.get(PostFields.EVIDENCE_JSON);
    if (post == null || score == null || evidence == null) {
      throw new CorruptIndexException("document lacks its stored post, score or evidence", where);
    }
    try {
      Post p = readPost(post);
      Score s = ScoreJson.fromNode(Json.mapper().readTree(score));
      EvidenceRef e = Json.mapper().readValue(evidence, EvidenceRef.class);
      return new ScoredPost(p, s, e);
    } catch (PostFormatException | IllegalArgumentException e) {
      throw new CorruptIndexException("stored post cannot be read: " + e.getMessage(), where, e);
    } catch (JacksonException e) {
      throw new CorruptIndexException(
          "stored JSON cannot be read: " + e.getOriginalMessage(), where, e);
    } catch (IOException e) {
      throw new CorruptIndexException("stored JSON cannot be read: " + e.getMessage(), where, e);
    }
  }

  /** Marks a document built as an older version as the latest one. */
  public static void markLatest(Document d) {
    d.add(new StringField(PostFields.LATEST, PostFields.LATEST_VALUE, Field.Store.NO));
  }

  /** The campaign ids stored in a document, sorted; empty if none. */
  public static List<String> readCampaigns(Document doc) {
    return List.of(doc.getValues(PostFields.CAMPAIGNS));
  }

  /** The identity of one version of a post: {@code platform/id@seq}. */
  public static String versionId(String key, long seq) {
    return key + "@" + seq;
  }

  /**
   * The term a keyword field indexes for a value (lower-cased, sigil dropped, as the field's
   * analyzer does), or {@code null} if the value is not indexed (empty or too long).
   */
  public static BytesRef keywordTerm(String field, String value) {
    if (!indexable(value)) {
      return null;
    }
    BytesRef term = NORMALIZER.normalize(field, value);
    return term.length == 0 ? null : term;
  }

  /** Epoch milliseconds of an instant, clamped to the range of a {@code long}. */
  public static long epochMillis(Instant t) {
    try {
      return t.toEpochMilli();
    } catch (ArithmeticException e) {
      return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  private static void addScores(Document d, Score s) {
    score(d, PostFields.HATE, s.hate());
    score(d, PostFields.OFFENSIVE, s.offensive());
    score(d, PostFields.INCITEMENT, s.incitement());
    score(d, PostFields.DEHUMANIZATION, s.dehumanization());
    facet(d, PostFields.LABEL, s.label());
    lower(d, PostFields.MODEL, s.model());
    Set<String> groups = new LinkedHashSet<>();
    Set<String> grounds = new LinkedHashSet<>();
    for (TargetScore t : s.targets()) {
      groups.add(t.group());
      grounds.add(t.ground().jsonName());
    }
    groups.forEach(g -> facet(d, PostFields.TARGETS, g));
    grounds.forEach(g -> facet(d, PostFields.GROUNDS, g));
  }

  private static void score(Document d, String field, double value) {
    d.add(new DoublePoint(field, value));
    d.add(new DoubleDocValuesField(field, value));
  }

  private static void exact(Document d, String field, String value) {
    if (indexable(value)) {
      d.add(new StringField(field, value, Field.Store.NO));
    }
  }

  /** A keyword that is also counted in facets: its indexed term, repeated as doc values. */
  private static void facet(Document d, String field, String value) {
    BytesRef term = keywordTerm(field, value);
    if (term != null) {
      d.add(new Field(field, value, LOWER_KEYWORD_TYPE));
      d.add(new SortedSetDocValuesField(field, term));
    }
  }

  private static void lower(Document d, String field, String value) {
    if (indexable(value)) {
      d.add(new Field(field, value, LOWER_KEYWORD_TYPE));
    }
  }

  private static boolean indexable(String value) {
    // UTF-8 takes at most 3 bytes per UTF-16 char; count exactly only when that could exceed.
    return value != null
        && !value.isEmpty()
        && (value.length() * 3L <= MAX_KEYWORD_BYTES
            || value.getBytes(StandardCharsets.UTF_8).length <= MAX_KEYWORD_BYTES);
  }

  private static Post readPost(String json) throws IOException, PostFormatException {
    JsonNode node = Json.mapper().readTree(json);
    if (!(node instanceof ObjectNode o)) {
      throw new PostFormatException("a post must be a JSON object");
    }
    return PostJson.fromNode(o);
  }

  /** Fails now, with the reason, if the post could not be read back from the index later. */
  private static void checkReadable(String json, Post p) {
    try {
      readPost(json);
    } catch (PostFormatException e) {
      throw new IllegalArgumentException(
          "post cannot be indexed: " + e.getMessage() + " [got " + p.key() + "]", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "post cannot be indexed: its JSON cannot be read back: "
              + e.getMessage()
              + " [got "
              + p.key()
              + "]",
          e);
    }
  }

  private static FieldType textType() {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(true);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  /** The language field: analysed like the text, with offsets for highlighting, not stored. */
  private static FieldType languageTextType() {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(false);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  private static FieldType lowerKeywordType() {
    // Tokenised so that the index runs the same keyword analyzer the query parser runs.
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setOmitNorms(true);
    t.setIndexOptions(IndexOptions.DOCS);
    t.freeze();
    return t;
  }
}
