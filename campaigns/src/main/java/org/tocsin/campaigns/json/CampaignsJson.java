package org.tocsin.campaigns.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.campaigns.detect.CampaignReport;
import org.tocsin.campaigns.detect.HarmProfile;
import org.tocsin.campaigns.detect.TimelineBucket;
import org.tocsin.campaigns.graph.CoShare;
import org.tocsin.campaigns.graph.CoordinationEdge;
import org.tocsin.campaigns.graph.PostRef;
import org.tocsin.campaigns.graph.SignalEvidence;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.json.Json;
import org.tocsin.core.post.PostKey;

/**
 * Writes a {@link CampaignReport} as the campaigns file of issue 7: one JSON object {@code
 * {"campaigns": [...], "parameters": {...}}}. Each campaign has, in this order, {@code id}, {@code
 * accounts} (author ids as in the input), {@code posts} ({@code {platform, id}}), {@code signals}
 * (co-shares per signal), {@code strength}, {@code harm} and {@code edges}, then {@code firstPost},
 * {@code lastPost}, {@code reach} and {@code timeline}. Accounts in no campaign are not listed.
 * {@code parameters} has the keys of {@code campaigns-default.json} and the derived {@code
 * edgeWeightThreshold}. Times are ISO-8601 UTC; gaps are in seconds. All text is JSON-escaped by
 * Jackson, since object keys and ids come from hostile input.
 */
public final class CampaignsJson {

  private CampaignsJson() {}

  /**
   * Writes {@code report} to {@code out} as UTF-8 JSON; {@code out} is flushed, not closed.
   *
   * @throws IOException if writing fails
   */
  public static void write(CampaignReport report, OutputStream out) throws IOException {
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("campaigns");
      for (Campaign c : report.campaigns()) {
        campaign(g, c);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("parameters");
      parameters(g, report.parameters());
      g.writeNumberField("edgeWeightThreshold", report.edgeWeightThreshold());
      g.writeEndObject();
      g.writeEndObject();
    }
    out.flush();
  }

  /**
   * Writes one campaign, in the same form as an entry of the report's {@code campaigns} array;
   * {@code out} is flushed, not closed.
   *
   * @throws IOException if writing fails
   */
  public static void writeCampaign(Campaign c, OutputStream out) throws IOException {
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      campaign(g, c);
    }
    out.flush();
  }

  /**
   * Writes edges as a JSON array, each in the same form as an entry of a campaign's {@code edges};
   * {@code out} is flushed, not closed.
   *
   * @throws IOException if writing fails
   */
  public static void writeEdges(List<CoordinationEdge> edges, OutputStream out) throws IOException {
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartArray();
      for (CoordinationEdge e : edges) {
        edge(g, e);
      }
      g.writeEndArray();
    }
    out.flush();
  }

  private static void campaign(JsonGenerator g, Campaign c) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeArrayFieldStart("accounts");
    for (String a : c.accounts()) {
      g.writeString(a);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("posts");
    for (PostKey k : c.posts()) {
      key(g, k);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("signals");
    for (Map.Entry<Signal, Integer> e : c.signals().entrySet()) {
      g.writeNumberField(e.getKey().jsonName(), e.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("strength", c.strength());
    harm(g, c.harm());
    g.writeArrayFieldStart("edges");
    for (CoordinationEdge e : c.edges()) {
      edge(g, e);
    }
    g.writeEndArray();
    g.writeStringField("firstPost", c.firstPost().toString());
    g.writeStringField("lastPost", c.lastPost().toString());
    g.writeNumberField("reach", c.reach());
    g.writeArrayFieldStart("timeline");
    for (TimelineBucket b : c.timeline()) {
      g.writeStartObject();
      g.writeStringField("start", b.start().toString());
      g.writeNumberField("posts", b.posts());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void harm(JsonGenerator g, HarmProfile h) throws IOException {
    g.writeObjectFieldStart("harm");
    g.writeNumberField("scoredPosts", h.scoredPosts());
    nullableNumber(g, "hateShare", h.hateShare());
    nullableNumber(g, "offensiveShare", h.offensiveShare());
    nullableNumber(g, "incitementShare", h.incitementShare());
    counts(g, "targets", h.targets());
    counts(g, "languages", h.languages());
    g.writeEndObject();
  }

  private static void edge(JsonGenerator g, CoordinationEdge e) throws IOException {
    g.writeStartObject();
    g.writeStringField("source", e.accountA());
    g.writeStringField("target", e.accountB());
    g.writeNumberField("weight", e.weight());
    g.writeArrayFieldStart("signals");
    for (SignalEvidence s : e.signals()) {
      g.writeStartObject();
      g.writeStringField("signal", s.signal().jsonName());
      g.writeNumberField("coShares", s.coShares());
      g.writeNumberField("objectCount", s.objectCount());
      g.writeArrayFieldStart("objects");
      for (String o : s.objects()) {
        g.writeString(o);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("gapSeconds");
      g.writeNumberField("min", s.minGapMillis() / 1000.0);
      g.writeNumberField("median", s.medianGapMillis() / 1000.0);
      g.writeNumberField("max", s.maxGapMillis() / 1000.0);
      g.writeEndObject();
      g.writeArrayFieldStart("samples");
      for (CoShare cs : s.samples()) {
        g.writeStartObject();
        g.writeStringField("object", cs.object());
        g.writeFieldName("first");
        ref(g, cs.first());
        g.writeFieldName("second");
        ref(g, cs.second());
        g.writeNumberField("gapSeconds", cs.gapMillis() / 1000.0);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("posts");
    for (PostRef r : e.posts()) {
      ref(g, r);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void ref(JsonGenerator g, PostRef r) throws IOException {
    key(g, r.key());
    EvidenceRef ev = r.evidence();
    if (ev != null) {
      g.writeObjectFieldStart("evidence");
      g.writeNumberField("seq", ev.seq());
      g.writeStringField("sha256", ev.sha256());
      g.writeStringField("capturedAt", ev.capturedAt().toString());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** Starts an object with the post's platform and id; the caller ends it. */
  private static void key(JsonGenerator g, PostKey k) throws IOException {
    g.writeStartObject();
    g.writeStringField("platform", k.platform());
    g.writeStringField("id", k.id());
  }

  private static void parameters(JsonGenerator g, CampaignConfig c) throws IOException {
    g.writeStringField("window", duration(c.window()));
    g.writeNumberField("minRepeat", c.minRepeat());
    g.writeNumberField("edgeWeightQuantile", c.edgeWeightQuantile());
    g.writeArrayFieldStart("signals");
    for (Signal s : Signal.values()) {
      if (c.signals().contains(s)) {
        g.writeString(s.jsonName());
      }
    }
    g.writeEndArray();
    g.writeObjectFieldStart("text");
    g.writeNumberField("shingleSize", c.shingleSize());
    g.writeNumberField("minTokens", c.minTextTokens());
    g.writeNumberField("permutations", c.permutations());
    g.writeNumberField("bands", c.bands());
    g.writeNumberField("similarity", c.textSimilarity());
    g.writeNumberField("charShingleSize", c.charShingleSize());
    g.writeStringField("window", duration(c.textWindow()));
    g.writeEndObject();
    g.writeNumberField("minAssociation", c.minAssociation());
    g.writeNumberField("minHashtags", c.minHashtags());
    g.writeNumberField("maxComparisonsPerPost", c.maxComparisonsPerPost());
    g.writeNumberField("minAccounts", c.minAccounts());
    g.writeNumberField("maxComponentSize", c.maxComponentSize());
    g.writeStringField("timelineBucket", duration(c.timelineBucket()));
    g.writeNumberField("maxEvidencePerSignal", c.maxEvidencePerSignal());
    g.writeObjectFieldStart("burst");
    g.writeStringField("bin", duration(c.burst().bin()));
    g.writeNumberField("minFactor", c.burst().minFactor());
    g.writeStringField("baseline", duration(c.burst().baseline()));
    g.writeEndObject();
    g.writeNumberField("seed", c.seed());
  }

  /** A duration in the configuration's notation: {@code 60s}, or {@code 1500ms}. */
  static String duration(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  private static void nullableNumber(JsonGenerator g, String field, Double v) throws IOException {
    if (v == null) {
      g.writeNullField(field);
    } else {
      g.writeNumberField(field, v);
    }
  }

  private static void counts(JsonGenerator g, String field, Map<String, Integer> m)
      throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<String, Integer> e : m.entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }
}
