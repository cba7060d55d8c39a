package org.tocsin.campaigns.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.tocsin.campaigns.attribution.AttributionSummary;
import org.tocsin.campaigns.attribution.SignalFinding;
import org.tocsin.core.json.Json;

/**
 * Writes an {@link AttributionSummary} as one JSON object: {@code campaign}, {@code grade}, {@code
 * summary}, {@code reasons}, {@code limits}, {@code accounts}, {@code posts}, {@code firstPost},
 * {@code lastPost}, {@code findings} (per signal: {@code signal}, {@code coShares}, {@code
 * accountPairs}, {@code objects}, {@code medianGapSeconds}, {@code maxGapSeconds}) and {@code
 * evidenceSeqs}. Text is JSON-escaped by Jackson: objects come from hostile input.
 */
public final class AttributionJson {

  private AttributionJson() {}

  /**
   * Writes {@code a} to {@code out} as UTF-8 JSON; {@code out} is flushed, not closed.
   *
   * @throws IOException if writing fails
   */
  public static void write(AttributionSummary a, OutputStream out) throws IOException {
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("campaign", a.campaignId());
      g.writeStringField("grade", a.grade());
      g.writeStringField("summary", a.summary());
      g.writeArrayFieldStart("reasons");
      for (String r : a.reasons()) {
        g.writeString(r);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("limits");
      for (String l : a.limits()) {
        g.writeString(l);
      }
      g.writeEndArray();
      g.writeNumberField("accounts", a.accounts());
      g.writeNumberField("posts", a.posts());
      g.writeStringField("firstPost", a.firstPost().toString());
      g.writeStringField("lastPost", a.lastPost().toString());
      g.writeArrayFieldStart("findings");
      for (SignalFinding f : a.findings()) {
        g.writeStartObject();
        g.writeStringField("signal", f.signal().jsonName());
        g.writeNumberField("coShares", f.coShares());
        g.writeNumberField("accountPairs", f.accountPairs());
        g.writeArrayFieldStart("objects");
        for (String o : f.objects()) {
          g.writeString(o);
        }
        g.writeEndArray();
        g.writeNumberField("medianGapSeconds", f.medianGapSeconds());
        g.writeNumberField("maxGapSeconds", f.maxGapSeconds());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("evidenceSeqs");
      for (long s : a.evidenceSeqs()) {
        g.writeNumber(s);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.flush();
  }
}
