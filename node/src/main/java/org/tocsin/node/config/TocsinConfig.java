package org.tocsin.node.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.crawler.outbound.OutboundGuard;

/**
 * The node's configuration, read from {@code tocsin-default.json} (checked in, every key with its
 * default and a comment) overlaid with the user's file. Unknown keys are refused, so that a typo
 * never silently falls back to a default.
 *
 * @param http the API server
 * @param ingest the ingest path
 * @param search search limits
 * @param auth access control
 * @param alerts alert delivery
 * @param evidence the ledger's signed tree heads
 * @param nlp which scorer scores posts
 * @param crawler the crawler's sources, as {@code {"defaults": {...}, "sources": [...]}}: checked
 *     by the crawler's SourcesConfig, every key documented in its crawler-default.json
 * @param security what the node may reach outside itself: hosts and directories
 * @param campaigns campaign detection, read by both the batch view and the live detector: the keys
 *     of the campaigns module's campaigns-default.json, checked by {@link CampaignConfig#fromJson}
 */
public record TocsinConfig(
    HttpConfig http,
    IngestConfig ingest,
    SearchConfig search,
    AuthConfig auth,
    AlertsConfig alerts,
    EvidenceConfig evidence,
    NlpConfig nlp,
    JsonNode crawler,
    SecurityConfig security,
    CampaignConfig campaigns) {

  /** The resource holding the defaults. */
  public static final String DEFAULT_RESOURCE = "/org/tocsin/node/config/tocsin-default.json";

  private static final ObjectMapper COMMENTED_JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.ALLOW_COMMENTS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /**
   * The API server: whether the node serves HTTP at all, where it listens, and how long a client
   * may hold a connection without sending: a connection silent for {@code idleTimeoutSeconds} is
   * closed, request headers must be complete within {@code headerTimeoutMillis} of the connection
   * opening (or of the previous response on a kept-alive connection), and a request body within
   * {@code bodyTimeoutMillis} of its headers. A node without HTTP still runs its pipeline (indexing
   * from the ledger, tree heads, time-stamps, alerts, webhooks).
   */
  public record HttpConfig(
      boolean enabled,
      String host,
      int port,
      int idleTimeoutSeconds,
      int headerTimeoutMillis,
      int bodyTimeoutMillis) {
    /** Default idle timeout: 60 s. */
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 60;

    /** Default time to send complete request headers: 10 s. */
    public static final int DEFAULT_HEADER_TIMEOUT_MILLIS = 10_000;

    /** Default time to send a complete request body: 120 s. */
    public static final int DEFAULT_BODY_TIMEOUT_MILLIS = 120_000;

    /** Checks the port and the timeouts. */
    public HttpConfig {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("http.port must be in 0..65535 [got " + port + "]");
      }
      if (idleTimeoutSeconds < 1 || idleTimeoutSeconds > 3600) {
        throw new IllegalArgumentException(
            "http.idleTimeoutSeconds must be in 1..3600 [got " + idleTimeoutSeconds + "]");
      }
      if (headerTimeoutMillis < 1 || headerTimeoutMillis > 600_000) {
        throw new IllegalArgumentException(
            "http.headerTimeoutMillis must be in 1..600000 [got " + headerTimeoutMillis + "]");
      }
      if (bodyTimeoutMillis < 1 || bodyTimeoutMillis > 3_600_000) {
        throw new IllegalArgumentException(
            "http.bodyTimeoutMillis must be in 1..3600000 [got " + bodyTimeoutMillis + "]");
      }
    }

    /** A server on {@code host:port} with the default timeouts. */
    public HttpConfig(boolean enabled, String host, int port) {
      this(
          enabled,
          host,
          port,
          DEFAULT_IDLE_TIMEOUT_SECONDS,
          DEFAULT_HEADER_TIMEOUT_MILLIS,
          DEFAULT_BODY_TIMEOUT_MILLIS);
    }

    /** An enabled server on {@code host:port} with the default timeouts. */
    public HttpConfig(String host, int port) {
      this(true, host, port);
    }

    /** This server on another port. */
    public HttpConfig withPort(int newPort) {
      return new HttpConfig(
          enabled, host, newPort, idleTimeoutSeconds, headerTimeoutMillis, bodyTimeoutMillis);
    }

    /** This server switched on or off. */
    public HttpConfig withEnabled(boolean on) {
      return new HttpConfig(
          on, host, port, idleTimeoutSeconds, headerTimeoutMillis, bodyTimeoutMillis);
    }
  }

  /**
   * The ingest path: records per ledger group commit during imports, and indexed records between
   * index commits.
   */
  public record IngestConfig(int batchSize, int commitEveryRecords) {
    /** Checks the sizes. */
    public IngestConfig {
      if (batchSize < 1 || batchSize > 100_000) {
        throw new IllegalArgumentException(
            "ingest.batchSize must be in 1..100000 [got " + batchSize + "]");
      }
      if (commitEveryRecords < 1) {
        throw new IllegalArgumentException(
            "ingest.commitEveryRecords must be >= 1 [got " + commitEveryRecords + "]");
      }
    }
  }

  /** Search limits that protect the server from expensive requests. */
  public record SearchConfig(int maxQueryChars, int maxLimit, int maxOffset) {
    /** Checks the limits. */
    public SearchConfig {
      if (maxQueryChars < 1 || maxLimit < 1 || maxOffset < 0) {
        throw new IllegalArgumentException("search limits must be positive");
      }
    }
  }

  /** Access control: per-key request rate. */
  public record AuthConfig(int requestsPerMinute) {
    /** Checks the rate. */
    public AuthConfig {
      if (requestsPerMinute < 1) {
        throw new IllegalArgumentException(
            "auth.requestsPerMinute must be >= 1 [got " + requestsPerMinute + "]");
      }
    }
  }

  /** Alert delivery: the first webhook retry delay (it doubles per failure, up to a minute). */
  public record AlertsConfig(int webhookBackoffMillis, int webhookTimeoutMillis) {
    /** Checks the delays. */
    public AlertsConfig {
      if (webhookTimeoutMillis < 1 || webhookTimeoutMillis > 120_000) {
        throw new IllegalArgumentException(
            "alerts.webhookTimeoutMillis must be in 1..120000 [got " + webhookTimeoutMillis + "]");
      }
      if (webhookBackoffMillis < 1 || webhookBackoffMillis > 60_000) {
        throw new IllegalArgumentException(
            "alerts.webhookBackoffMillis must be in 1..60000 [got " + webhookBackoffMillis + "]");
      }
    }
  }

  /**
   * What the node may reach outside itself. Webhooks, network sources and time-stamp authorities
   * may contact public addresses only, unless {@code outboundAllow} names the host (a host name, an
   * address or a CIDR); {@code files} sources may read only inside {@code fileRoots}.
   *
   * @param outboundAllow CIDRs, addresses and host names that webhooks, sources and time-stamp
   *     authorities may contact although they are loopback, private, link-local or otherwise
   *     internal
   * @param fileRoots directories inside which {@code files} sources may read (none: no files source
   *     may run)
   */
  public record SecurityConfig(List<String> outboundAllow, List<String> fileRoots) {
    /** Checks the allow-list. */
    public SecurityConfig {
      outboundAllow = List.copyOf(outboundAllow);
      fileRoots = List.copyOf(fileRoots);
      OutboundGuard.allowing(outboundAllow); // names a bad entry
      for (String r : fileRoots) {
        if (r.isBlank()) {
          throw new IllegalArgumentException("security.fileRoots holds a blank path");
        }
      }
    }

    /** The guard every outbound request of the node goes through. */
    public OutboundGuard outboundGuard() {
      return OutboundGuard.allowing(outboundAllow);
    }
  }

  /** Evidence: how often a signed tree head is appended while new records arrive. */
  public record EvidenceConfig(
      int treeHeadIntervalSeconds, java.util.List<String> timestampAuthorities) {
    /** Checks the interval and the TSA URLs. */
    public EvidenceConfig {
      timestampAuthorities = java.util.List.copyOf(timestampAuthorities);
      for (String u : timestampAuthorities) {
        if (!u.startsWith("http://") && !u.startsWith("https://")) {
          throw new IllegalArgumentException(
              "evidence.timestampAuthorities takes http(s) URLs [got " + u + "]");
        }
      }
      if (treeHeadIntervalSeconds < 1 || treeHeadIntervalSeconds > 86_400) {
        throw new IllegalArgumentException(
            "evidence.treeHeadIntervalSeconds must be in 1..86400 [got "
                + treeHeadIntervalSeconds
                + "]");
      }
    }
  }

  /**
   * Scoring: {@code model} (the trained hate / offensive / normal classifier, with the lexicon's
   * targets, dehumanisation and Rabat factors) or {@code lexicon} (the lexicon baseline alone);
   * {@code modelDir} overrides the bundled artifact; {@code encoder} turns on the English
   * sentence-encoder stage (nlp/encoder: all-MiniLM-L6-v2 heads on gated posts).
   */
  public record NlpConfig(String scorer, String modelDir, CascadeConfig cascade, boolean encoder) {
    /** Checks the scorer name. */
    public NlpConfig {
      if (!"model".equals(scorer) && !"lexicon".equals(scorer)) {
        throw new IllegalArgumentException(
            "nlp.scorer must be model or lexicon [got " + scorer + "]");
      }
      java.util.Objects.requireNonNull(cascade, "cascade");
    }

    /** A scorer without the cascade. */
    public NlpConfig(String scorer, String modelDir) {
      this(scorer, modelDir, CascadeConfig.OFF);
    }

    /** A scorer without the encoder stage. */
    public NlpConfig(String scorer, String modelDir, CascadeConfig cascade) {
      this(scorer, modelDir, cascade, false);
    }
  }

  /**
   * The scoring cascade (nlp/cascade). Every post gets the screen; an English post goes on to
   * CoreNLP's deep stage ({@code deepStage}) only when the screen found a violence or
   * call-to-action term together with a target-group signal (a group, slur or dehumanisation term,
   * or a classifier target at {@code deepTargetThreshold} or above), or an incitement pre-score at
   * {@code deepIncitementThreshold} or above. The platform's language tag is taken when it names a
   * language; Lingua, choosing among {@code languages} (ISO 639-1; its first choice must lead the
   * second by {@code languageMinMargin}; {@code languageLowAccuracy} for its trigram-only mode),
   * runs only on deep candidates without one. A batch is scored on {@code threads} threads.
   */
  public record CascadeConfig(
      boolean enabled,
      java.util.List<String> languages,
      double languageMinMargin,
      boolean languageLowAccuracy,
      boolean deepStage,
      double deepTargetThreshold,
      double deepIncitementThreshold,
      int threads,
      java.util.List<String> deepLanguages) {

    /** The languages the deep stage has a CoreNLP pipeline for ({@code deepLanguages}). */
    public static final java.util.List<String> DEEP_LANGUAGES =
        org.tocsin.nlp.corenlp.DeepStages.LANGUAGES;

    /** The cascade switched off. */
    public static final CascadeConfig OFF =
        new CascadeConfig(
            false,
            java.util.List.of("en", "de"),
            0.05,
            false,
            false,
            0.5,
            0.3,
            1,
            java.util.List.of("en"));

    /** The cascade before {@code deepLanguages}: English only. */
    public CascadeConfig(
        boolean enabled,
        java.util.List<String> languages,
        double languageMinMargin,
        boolean languageLowAccuracy,
        boolean deepStage,
        double deepTargetThreshold,
        double deepIncitementThreshold,
        int threads) {
      this(
          enabled,
          languages,
          languageMinMargin,
          languageLowAccuracy,
          deepStage,
          deepTargetThreshold,
          deepIncitementThreshold,
          threads,
          java.util.List.of("en"));
    }

    /** Checks ranges and the deep languages, and freezes the lists. */
    public CascadeConfig {
      languages = java.util.List.copyOf(languages);
      deepLanguages = java.util.List.copyOf(deepLanguages);
      if (deepLanguages.isEmpty()) {
        throw new IllegalArgumentException(
            "nlp.cascade.deepLanguages must name at least one language (to run no CoreNLP set"
                + " nlp.cascade.deepStage to false)");
      }
      for (String code : deepLanguages) {
        if (!DEEP_LANGUAGES.contains(code)) {
          throw new IllegalArgumentException(
              "nlp.cascade.deepLanguages: the deep stage has CoreNLP pipelines for "
                  + String.join(", ", DEEP_LANGUAGES)
                  + " only [got "
                  + code
                  + "]");
        }
      }
      unit("nlp.cascade.languageMinMargin", languageMinMargin);
      unit("nlp.cascade.deepTargetThreshold", deepTargetThreshold);
      unit("nlp.cascade.deepIncitementThreshold", deepIncitementThreshold);
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException(
            "nlp.cascade.threads must be in [1, 64] [got " + threads + "]");
      }
    }

    private static void unit(String name, double v) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(name + " must be in [0, 1] [got " + v + "]");
      }
    }
  }

  /** The defaults alone. */
  public static TocsinConfig defaults() {
    return fromJson(defaultTree());
  }

  /**
   * The defaults overlaid with a user file.
   *
   * @throws IllegalArgumentException if the file has an unknown key or a bad value; the message
   *     names the key
   * @throws IOException if the file cannot be read
   */
  public static TocsinConfig load(Path file) throws IOException {
    ObjectNode tree = defaultTree();
    JsonNode user;
    try (InputStream in = Files.newInputStream(file)) {
      user = COMMENTED_JSON.readTree(in);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("config file not found: " + file, e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "config file " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (user == null || !user.isObject()) {
      throw new IllegalArgumentException("config file " + file + " must hold a JSON object");
    }
    overlay(tree, (ObjectNode) user, "");
    return fromJson(tree);
  }

  /**
   * Reads a full configuration tree.
   *
   * @throws IllegalArgumentException if a key is missing or has the wrong type
   */
  public static TocsinConfig fromJson(JsonNode tree) {
    return new TocsinConfig(
        new HttpConfig(
            flag(tree.path("http").path("enabled"), "http.enabled"),
            text(tree, "http", "host"),
            integer(tree, "http", "port"),
            integer(tree, "http", "idleTimeoutSeconds"),
            integer(tree, "http", "headerTimeoutMillis"),
            integer(tree, "http", "bodyTimeoutMillis")),
        new IngestConfig(
            integer(tree, "ingest", "batchSize"), integer(tree, "ingest", "commitEveryRecords")),
        new SearchConfig(
            integer(tree, "search", "maxQueryChars"),
            integer(tree, "search", "maxLimit"),
            integer(tree, "search", "maxOffset")),
        new AuthConfig(integer(tree, "auth", "requestsPerMinute")),
        new AlertsConfig(
            integer(tree, "alerts", "webhookBackoffMillis"),
            integer(tree, "alerts", "webhookTimeoutMillis")),
        new EvidenceConfig(
            integer(tree, "evidence", "treeHeadIntervalSeconds"),
            strings(tree, "evidence", "timestampAuthorities", "URLs")),
        new NlpConfig(
            text(tree, "nlp", "scorer"),
            text(tree, "nlp", "modelDir"),
            cascade(tree.path("nlp")),
            flag(tree.path("nlp").path("encoder").path("enabled"), "nlp.encoder.enabled")),
        tree.path("crawler").deepCopy(),
        new SecurityConfig(
            strings(tree, "security", "outboundAllow", "strings"),
            strings(tree, "security", "fileRoots", "strings")),
        campaigns(tree.path("campaigns")));
  }

  /** The campaigns section, with the key names it is read under in messages. */
  private static CampaignConfig campaigns(JsonNode section) {
    try {
      return CampaignConfig.fromJson(section.isMissingNode() ? null : section);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("campaigns: " + e.getMessage(), e);
    }
  }

  /** This configuration with another HTTP port. */
  public TocsinConfig withPort(int port) {
    return withHttp(http.withPort(port));
  }

  /**
   * This configuration with another outbound allow-list (tests that run webhook receivers and fake
   * platforms on loopback say so with {@code List.of("127.0.0.0/8", "::1")}).
   */
  public TocsinConfig withOutboundAllow(List<String> allow) {
    return withSecurity(new SecurityConfig(allow, security.fileRoots()));
  }

  /** This configuration with other roots for {@code files} sources. */
  public TocsinConfig withFileRoots(List<String> roots) {
    return withSecurity(new SecurityConfig(security.outboundAllow(), roots));
  }

  /** This configuration with other campaign detection parameters (batch and live). */
  public TocsinConfig withCampaigns(CampaignConfig c) {
    return new TocsinConfig(
        http, ingest, search, auth, alerts, evidence, nlp, crawler, security, c);
  }

  /** This configuration with the HTTP server switched off (the pipeline still runs). */
  public TocsinConfig withoutHttp() {
    return withHttp(http.withEnabled(false));
  }

  private TocsinConfig withHttp(HttpConfig h) {
    return new TocsinConfig(
        h, ingest, search, auth, alerts, evidence, nlp, crawler, security, campaigns);
  }

  private TocsinConfig withSecurity(SecurityConfig s) {
    return new TocsinConfig(
        http, ingest, search, auth, alerts, evidence, nlp, crawler, s, campaigns);
  }

  private static ObjectNode defaultTree() {
    try (InputStream in = TocsinConfig.class.getResourceAsStream(DEFAULT_RESOURCE)) {
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
        throw new IllegalArgumentException("unknown configuration key [got " + key + "]");
      }
      if (path.isEmpty() && e.getKey().equals("campaigns")) {
        // checked whole by CampaignConfig.fromJson against campaigns-default.json
        base.set("campaigns", e.getValue());
        continue;
      }
      if (path.isEmpty() && e.getKey().equals("crawler")) {
        base.set("crawler", e.getValue()); // checked whole by the crawler's SourcesConfig
      } else if (known.isObject()) {
        if (!e.getValue().isObject()) {
          throw new IllegalArgumentException(key + " must be an object");
        }
        overlay((ObjectNode) known, (ObjectNode) e.getValue(), key + ".");
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
  }

  private static String text(JsonNode tree, String section, String key) {
    JsonNode n = tree.path(section).path(key);
    if (!n.isTextual()) {
      throw new IllegalArgumentException(section + "." + key + " must be a string [got " + n + "]");
    }
    return n.textValue();
  }

  /**
   * The strings of the array at {@code n}; {@code key} and {@code what} name it in the error ("key
   * must be an array of what").
   */
  private static List<String> stringArray(JsonNode n, String key, String what) {
    List<String> out = new java.util.ArrayList<>();
    boolean strings = n.isArray();
    for (JsonNode e : n) {
      strings &= e.isTextual();
      out.add(e.asText());
    }
    if (!strings) {
      throw new IllegalArgumentException(key + " must be an array of " + what + " [got " + n + "]");
    }
    return out;
  }

  /** A list of strings under {@code section.key}. */
  private static List<String> strings(JsonNode tree, String section, String key, String what) {
    return stringArray(tree.path(section).path(key), section + "." + key, what);
  }

  /** A list of language codes under nlp.cascade. */
  private static List<String> codes(JsonNode nlp, String key) {
    return stringArray(nlp.path("cascade").path(key), "nlp.cascade." + key, "ISO 639-1 codes");
  }

  private static CascadeConfig cascade(JsonNode nlp) {
    JsonNode threads = nlp.path("cascade").path("threads");
    if (!threads.isInt()) {
      throw new IllegalArgumentException(
          "nlp.cascade.threads must be a whole number [got " + threads + "]");
    }
    return new CascadeConfig(
        flag(nlp.path("cascade").path("enabled"), "nlp.cascade.enabled"),
        codes(nlp, "languages"),
        number(nlp, "cascade", "languageMinMargin"),
        flag(nlp.path("cascade").path("languageLowAccuracy"), "nlp.cascade.languageLowAccuracy"),
        flag(nlp.path("cascade").path("deepStage"), "nlp.cascade.deepStage"),
        number(nlp, "cascade", "deepTargetThreshold"),
        number(nlp, "cascade", "deepIncitementThreshold"),
        threads.intValue(),
        codes(nlp, "deepLanguages"));
  }

  /** A boolean setting; {@code name} is its dotted key, for the message. */
  private static boolean flag(JsonNode n, String name) {
    if (!n.isBoolean()) {
      throw new IllegalArgumentException(name + " must be true or false [got " + n + "]");
    }
    return n.booleanValue();
  }

  private static double number(JsonNode tree, String section, String key) {
    JsonNode n = tree.path(section).path(key);
    if (!n.isNumber()) {
      throw new IllegalArgumentException(
          "nlp." + section + "." + key + " must be a number [got " + n + "]");
    }
    return n.doubleValue();
  }

  private static int integer(JsonNode tree, String section, String key) {
    JsonNode n = tree.path(section).path(key);
    if (!n.isInt()) {
      throw new IllegalArgumentException(
          section + "." + key + " must be a whole number [got " + n + "]");
    }
    return n.intValue();
  }
}
