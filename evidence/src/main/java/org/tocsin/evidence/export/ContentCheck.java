package org.tocsin.evidence.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tocsin.evidence.RecordType;
import org.tocsin.evidence.format.v1.Sha256;

/**
 * Checks a bag's JSON files: each custody line agrees with its proven ledger record and names the
 * capture, the last is this export; every post and score line names an exported capture, and every
 * score its model and version.
 */
final class ContentCheck {

  private final BundleCheck bag;
  private final ProofCheck proofs;

  ContentCheck(BundleCheck bag, ProofCheck proofs) {
    this.bag = bag;
    this.proofs = proofs;
  }

  void check(List<Long> items) throws BundleCheck.Fault, IOException {
    for (long seq : items) {
      custody(seq);
    }
    Set<Long> exported = new HashSet<>(items);
    lines("data/" + BundleContent.POSTS, "post", exported);
    lines("data/" + BundleContent.SCORES, "score", exported);
  }

  private void custody(long seq) throws BundleCheck.Fault, IOException {
    String file = "data/" + BundleContent.custodyPath(seq);
    String[] lines = new String(bag.read(file), StandardCharsets.UTF_8).split("\n");
    for (int i = 0; i < lines.length; i++) {
      String at = file + " line " + (i + 1);
      JsonNode line = parse(lines[i], at);
      JsonNode event = line.path("event");
      if (!subjects(event).contains(seq)) {
        throw new BundleCheck.Fault(at, "the event does not name seq " + seq);
      }
      boolean last = i == lines.length - 1;
      if (last != line.path("pending").asBoolean(false)
          || last && !"exported".equals(event.path("event").asText())) {
        throw new BundleCheck.Fault(at, "only the last line is this export, still pending");
      }
      if (line.path("record").isNull() || last) {
        continue; // after the head: the ledger has it, this bag cannot prove it
      }
      long c = line.path("seq").asLong(0);
      byte[] rec = proofs.record(c);
      if (rec == null || ProofCheck.typeCode(rec) != RecordType.CUSTODY.code()) {
        throw new BundleCheck.Fault(at, "seq " + c + " has no checked proof of a CUSTODY record");
      }
      if (!Sha256.hex(rec, rec.length - 32, rec.length).equals(line.path("recordHash").asText())) {
        throw new BundleCheck.Fault(at + " field recordHash", "is not the hash of record " + c);
      }
      JsonNode stored = parse(new String(ProofCheck.payload(rec), StandardCharsets.UTF_8), at);
      if (!stored.equals(event)) {
        throw new BundleCheck.Fault(
            at + " field event", "differs from the event in ledger record " + c + ": " + stored);
      }
    }
  }

  private void lines(String file, String field, Set<Long> exported)
      throws BundleCheck.Fault, IOException {
    String text = new String(bag.read(file), StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return;
    }
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String at = file + " line " + (i + 1);
      JsonNode line = parse(lines[i], at);
      if (!exported.contains(line.path("seq").asLong(0))) {
        throw new BundleCheck.Fault(
            at, "names no exported capture seq [got " + line.get("seq") + "]");
      }
      JsonNode v = line.path(field);
      if (!v.isObject()) {
        throw new BundleCheck.Fault(at, "has no " + field + " object");
      }
      if (field.equals("score") && (!v.hasNonNull("model") || !v.hasNonNull("version"))) {
        throw new BundleCheck.Fault(at, "the score does not name its model and version");
      }
    }
  }

  private static Set<Long> subjects(JsonNode event) {
    Set<Long> out = new HashSet<>();
    event.path("subjects").forEach(n -> out.add(n.asLong()));
    return out;
  }

  private static JsonNode parse(String text, String at) throws BundleCheck.Fault {
    try {
      JsonNode n = BundleCheck.MAPPER.readTree(text);
      if (n == null || !n.isObject()) {
        throw new BundleCheck.Fault(at, "not a JSON object");
      }
      return n;
    } catch (IOException e) {
      throw new BundleCheck.Fault(at, "not JSON: " + e.getMessage());
    }
  }
}
