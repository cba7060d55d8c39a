package org.tocsin.campaigns;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tocsin.campaigns.signal.Signal;

/**
 * Every parameter of campaign detection. {@code campaigns-default.json} lists each key with its
 * default and a comment; {@link #fromJson(JsonNode)} overlays a user's keys on it and refuses
 * unknown keys, so that a typo never silently falls back to a default.
 *
 * @param window longest time between two posts that share an object for them to be a co-share
 * @param minRepeat fewest co-shares for an edge between two accounts
 * @param edgeWeightQuantile quantile of edge weights below which edges are dropped, in [0, 1]
 * @param signals the signals used
 * @param shingleSize words per text shingle
 * @param minTextTokens fewest words for a text to take part in the text signal
 * @param permutations MinHash permutations (= bands x rows)
 * @param bands LSH bands
 * @param textSimilarity least estimated Jaccard similarity of two near-duplicate texts
 * @param minHashtags fewest hashtags in a shared hashtag sequence
 * @param maxComparisonsPerPost most earlier posts of an object each post is compared with
 * @param minAccounts fewest accounts in a campaign
 * @param maxComponentSize largest connected component kept whole; larger ones are split
 * @param timelineBucket width of timeline buckets
 * @param maxEvidencePerSignal co-shares kept verbatim per edge and signal
 * @param seed seed of the community algorithm
 * @param burst the parameters of the synchronised-burst signal ({@link Signal#BURST})
 * @param charShingleSize characters per shingle inside words for the text signal, 0 for none
 * @param textWindow longest time between two near-duplicate texts for a co-share, at least {@code
 *     window} (slow drip: the same text posted across hours)
 * @param minAssociation least share of the two accounts' shared objects that they co-shared
 *     (Jaccard), in [0, 1]; an edge below it is dropped
 */
public record CampaignConfig(
    Duration window,
    int minRepeat,
    double edgeWeightQuantile,
    Set<Signal> signals,
    int shingleSize,
    int minTextTokens,
    int permutations,
    int bands,
    double textSimilarity,
    int minHashtags,
    int maxComparisonsPerPost,
    int minAccounts,
    int maxComponentSize,
    Duration timelineBucket,
    int maxEvidencePerSignal,
    long seed,
    BurstConfig burst,
    int charShingleSize,
    Duration textWindow,
    double minAssociation) {

  /**
   * Parameters of the synchronised-burst signal: posts fall into time bins of width {@code bin}; a
   * bin is a burst when it holds at least {@code minFactor} times the mean posts per bin of the
   * {@code baseline} around it, and posts by at least {@code minAccounts} accounts.
   *
   * @param bin width of a time bin
   * @param minFactor how many times the local mean a burst bin holds at least
   * @param baseline the span around a bin whose mean is the baseline
   */
  public record BurstConfig(Duration bin, double minFactor, Duration baseline) {
    /** Checks the values. */
    public BurstConfig {
      Objects.requireNonNull(bin, "bin");
      Objects.requireNonNull(baseline, "baseline");
      if (bin.toMillis() < 1) {
        throw new IllegalArgumentException("burst.bin must be at least 1ms [got " + bin + "]");
      }
      if (!(minFactor >= 1)) {
        throw new IllegalArgumentException("burst.minFactor must be >= 1 [got " + minFactor + "]");
      }
      if (baseline.compareTo(bin) < 0) {
        throw new IllegalArgumentException(
            "burst.baseline must be at least burst.bin [got " + baseline + "]");
      }
    }
  }

  /** The resource holding the defaults, with a comment on every key. */
  public static final String DEFAULT_RESOURCE = "/org/tocsin/campaigns/campaigns-default.json";

  /** Default co-share window. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  /** Default minimum repetitions. */
  public static final int DEFAULT_MIN_REPEAT = 2;

  /** Default edge-weight quantile. */
  public static final double DEFAULT_EDGE_WEIGHT_QUANTILE = 0.0;

  /** Default window for near-duplicate text (slow drip). */
  public static final Duration DEFAULT_TEXT_WINDOW = Duration.ofHours(24);

  /** Default least association of an edge. */
  public static final double DEFAULT_MIN_ASSOCIATION = 0.3;

  private static final ObjectMapper COMMENTED_JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.ALLOW_COMMENTS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** Checks every value. */
  public CampaignConfig {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(timelineBucket, "timelineBucket");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive [got " + window + "]");
    }
    if (timelineBucket.toMillis() < 1000) {
      throw new IllegalArgumentException(
          "timelineBucket must be at least 1s [got " + timelineBucket + "]");
    }
    atLeast("minRepeat", minRepeat, 1);
    if (!(edgeWeightQuantile >= 0 && edgeWeightQuantile <= 1)) {
      throw new IllegalArgumentException(
          "edgeWeightQuantile must be in [0, 1] [got " + edgeWeightQuantile + "]");
    }
    signals = signals.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(signals));
    atLeast("text.shingleSize", shingleSize, 1);
    atLeast("text.minTokens", minTextTokens, shingleSize);
    atLeast("text.bands", bands, 1);
    if (permutations < bands || permutations % bands != 0 || permutations > 1024) {
      throw new IllegalArgumentException(
          "text.permutations must be a multiple of text.bands, at most 1024 [got "
              + permutations
              + " with "
              + bands
              + " bands]");
    }
    if (!(textSimilarity > 0 && textSimilarity <= 1)) {
      throw new IllegalArgumentException(
          "text.similarity must be in (0, 1] [got " + textSimilarity + "]");
    }
    atLeast("minHashtags", minHashtags, 1);
    atLeast("maxComparisonsPerPost", maxComparisonsPerPost, 1);
    atLeast("minAccounts", minAccounts, 2);
    atLeast("maxComponentSize", maxComponentSize, minAccounts);
    atLeast("maxEvidencePerSignal", maxEvidencePerSignal, 0);
    Objects.requireNonNull(burst, "burst");
    Objects.requireNonNull(textWindow, "textWindow");
    if (charShingleSize < 0) {
      throw new IllegalArgumentException(
          "text.charShingleSize must be >= 0 [got " + charShingleSize + "]");
    }
    if (textWindow.compareTo(window) < 0) {
      textWindow = window;
    }
    if (!(minAssociation >= 0 && minAssociation <= 1)) {
      throw new IllegalArgumentException(
          "minAssociation must be in [0, 1] [got " + minAssociation + "]");
    }
  }

  /** The checked-in defaults. */
  public static CampaignConfig defaults() {
    return read(defaultTree());
  }

  /**
   * The defaults overlaid with the keys of {@code user}.
   *
   * @throws IllegalArgumentException if a key is unknown or a value is bad; the message names it
   */
  public static CampaignConfig fromJson(JsonNode user) {
    ObjectNode tree = defaultTree();
    if (user != null && !user.isNull()) {
      if (!user.isObject()) {
        throw new IllegalArgumentException("campaign configuration must be a JSON object");
      }
      overlay(tree, (ObjectNode) user, "");
    }
    return read(tree);
  }

  /** Rows per LSH band: {@code permutations / bands}. */
  public int rows() {
    return permutations / bands;
  }

  /** This configuration with another window ({@code --window}). */
  public CampaignConfig withWindow(Duration w) {
    Copy c = new Copy(this);
    c.window = w;
    return c.build();
  }

  /** This configuration with another minimum repetition count ({@code --min-repeat}). */
  public CampaignConfig withMinRepeat(int n) {
    Copy c = new Copy(this);
    c.minRepeat = n;
    return c.build();
  }

  /** This configuration with another window for near-duplicate text ({@code --text-window}). */
  public CampaignConfig withTextWindow(Duration w) {
    Copy c = new Copy(this);
    c.textWindow = w;
    return c.build();
  }

  /** This configuration with another least association of an edge. */
  public CampaignConfig withMinAssociation(double a) {
    Copy c = new Copy(this);
    c.minAssociation = a;
    return c.build();
  }

  /** This configuration with another set of signals. */
  public CampaignConfig withSignals(Set<Signal> s) {
    Copy c = new Copy(this);
    c.signals = s;
    return c.build();
  }

  /** This configuration with another edge-weight quantile. */
  public CampaignConfig withEdgeWeightQuantile(double q) {
    Copy c = new Copy(this);
    c.edgeWeightQuantile = q;
    return c.build();
  }

  /** A mutable copy of a configuration, so that each {@code with...} names only what it changes. */
  private static final class Copy {
    private Duration window;
    private int minRepeat;
    private double edgeWeightQuantile;
    private Set<Signal> signals;
    private int shingleSize;
    private int minTextTokens;
    private int permutations;
    private int bands;
    private double textSimilarity;
    private int minHashtags;
    private int maxComparisonsPerPost;
    private int minAccounts;
    private int maxComponentSize;
    private Duration timelineBucket;
    private int maxEvidencePerSignal;
    private long seed;
    private BurstConfig burst;
    private int charShingleSize;
    private Duration textWindow;
    private double minAssociation;

    Copy(CampaignConfig c) {
      window = c.window;
      minRepeat = c.minRepeat;
      edgeWeightQuantile = c.edgeWeightQuantile;
      signals = c.signals;
      shingleSize = c.shingleSize;
      minTextTokens = c.minTextTokens;
      permutations = c.permutations;
      bands = c.bands;
      textSimilarity = c.textSimilarity;
      minHashtags = c.minHashtags;
      maxComparisonsPerPost = c.maxComparisonsPerPost;
      minAccounts = c.minAccounts;
      maxComponentSize = c.maxComponentSize;
      timelineBucket = c.timelineBucket;
      maxEvidencePerSignal = c.maxEvidencePerSignal;
      seed = c.seed;
      burst = c.burst;
      charShingleSize = c.charShingleSize;
      textWindow = c.textWindow;
      minAssociation = c.minAssociation;
    }

    CampaignConfig build() {
      return new CampaignConfig(
          window,
          minRepeat,
          edgeWeightQuantile,
          signals,
          shingleSize,
          minTextTokens,
          permutations,
          bands,
          textSimilarity,
          minHashtags,
          maxComparisonsPerPost,
          minAccounts,
          maxComponentSize,
          timelineBucket,
          maxEvidencePerSignal,
          seed,
          burst,
          charShingleSize,
          textWindow,
          minAssociation);
    }
  }

  /**
   * Parses a duration: a whole number with unit {@code ms}, {@code s}, {@code m} or {@code h}
   * ({@code 60s}), or ISO-8601 ({@code PT60S}).
   *
   * @throws IllegalArgumentException if the text is neither
   */
  public static Duration parseDuration(String text) {
    String t = text.trim();
    try {
      if (t.startsWith("P") || t.startsWith("p")) {
        return Duration.parse(t);
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      switch (t.charAt(t.length() - 1)) {
        case 's':
          return Duration.ofSeconds(n);
        case 'm':
          return Duration.ofMinutes(n);
        case 'h':
          return Duration.ofHours(n);
        default:
          break;
      }
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("not a duration like 60s or PT60S [got " + text + "]", e);
    }
    throw new IllegalArgumentException("not a duration like 60s or PT60S [got " + text + "]");
  }

  private static CampaignConfig read(ObjectNode t) {
    EnumSet<Signal> signals = EnumSet.noneOf(Signal.class);
    JsonNode s = t.get("signals");
    if (!s.isArray()) {
      throw new IllegalArgumentException("signals must be an array of names [got " + s + "]");
    }
    s.forEach(n -> signals.add(Signal.fromJson(n.asText())));
    JsonNode text = t.get("text");
    return new CampaignConfig(
        parseDuration(string(t, "window")),
        integer(t, "minRepeat"),
        number(t, "edgeWeightQuantile"),
        signals,
        integer(text, "shingleSize"),
        integer(text, "minTokens"),
        integer(text, "permutations"),
        integer(text, "bands"),
        number(text, "similarity"),
        integer(t, "minHashtags"),
        integer(t, "maxComparisonsPerPost"),
        integer(t, "minAccounts"),
        integer(t, "maxComponentSize"),
        parseDuration(string(t, "timelineBucket")),
        integer(t, "maxEvidencePerSignal"),
        t.get("seed").asLong(),
        new BurstConfig(
            parseDuration(string(t.get("burst"), "bin")),
            number(t.get("burst"), "minFactor"),
            parseDuration(string(t.get("burst"), "baseline"))),
        integer(text, "charShingleSize"),
        parseDuration(string(text, "window")),
        number(t, "minAssociation"));
  }

  private static ObjectNode defaultTree() {
    try (InputStream in = CampaignConfig.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return (ObjectNode) COMMENTED_JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  private static void overlay(ObjectNode base, ObjectNode user, String path) {
    for (Iterator<Map.Entry<String, JsonNode>> it = user.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = path + e.getKey();
      JsonNode known = base.get(e.getKey());
      if (known == null) {
        throw new IllegalArgumentException("unknown campaigns configuration key [got " + key + "]");
      }
      if (known.isObject()) {
        if (!e.getValue().isObject()) {
          throw new IllegalArgumentException(key + " must be an object");
        }
        overlay((ObjectNode) known, (ObjectNode) e.getValue(), key + ".");
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
  }

  private static String string(JsonNode t, String key) {
    JsonNode n = t.get(key);
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException(key + " must be a string [got " + n + "]");
    }
    return n.textValue();
  }

  private static int integer(JsonNode t, String key) {
    JsonNode n = t.get(key);
    if (n == null || !n.isInt()) {
      throw new IllegalArgumentException(key + " must be a whole number [got " + n + "]");
    }
    return n.intValue();
  }

  private static double number(JsonNode t, String key) {
    JsonNode n = t.get(key);
    if (n == null || !n.isNumber()) {
      throw new IllegalArgumentException(key + " must be a number [got " + n + "]");
    }
    return n.doubleValue();
  }

  private static void atLeast(String key, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(key + " must be >= " + min + " [got " + value + "]");
    }
  }
}
