package org.tocsin.evidence.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.tocsin.core.json.Json;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.LedgerRecord;
import org.tocsin.evidence.custody.CustodyCodec;
import org.tocsin.evidence.custody.CustodyEvent;
import org.tocsin.evidence.custody.CustodyRecord;
import org.tocsin.evidence.sign.SignedTreeHead;
import org.tocsin.evidence.sign.TreeHeadEntry;

/**
 * Writes the JSON files of a bag's {@code data/}: {@code custody/<seq>.jsonl}, {@code posts.jsonl},
 * {@code scores.jsonl}, {@code export.json} and the request's {@code documents/}.
 */
final class BundleContent {

  static final String POSTS = "posts.jsonl";
  static final String SCORES = "scores.jsonl";
  static final String EXPORT = "export.json";
  static final String DOCUMENTS = "documents/";

  /**
   * The bag format written: 2 adds the bag signature ({@link BagFiles#BAG_SIGNATURE}) that binds
   * every file of the bag; 1 had only the tree-head signature and the manifests.
   */
  static final int FORMAT_VERSION = 2;

  private static final ObjectMapper MAPPER = Json.mapper();

  private final FileEvidenceLog log;
  private final Path data;
  private final SignedTreeHead head;

  BundleContent(FileEvidenceLog log, Path data, SignedTreeHead head) {
    this.log = log;
    this.data = data;
    this.head = head;
  }

  static String custodyPath(long seq) {
    return "custody/" + seq + ".jsonl";
  }

  /**
   * Checks that every derived element is one JSON object, and every score names its model and
   * version.
   *
   * @throws IllegalArgumentException naming the seq and element that is not
   */
  static void check(ExportRequest request) {
    for (long seq : request.seqs()) {
      DerivedData d = request.derivedFor(seq);
      for (int i = 0; i < d.posts().size(); i++) {
        object(d.posts().get(i), "post " + i + " of seq " + seq);
      }
      for (int i = 0; i < d.scores().size(); i++) {
        JsonNode s = object(d.scores().get(i), "score " + i + " of seq " + seq);
        if (!s.hasNonNull("model") || !s.hasNonNull("version")) {
          throw new IllegalArgumentException(
              "score " + i + " of seq " + seq + " must name its model and version [got " + s + "]");
        }
      }
    }
  }

  /**
   * Writes the custody history of capture {@code seq}, one JSON object a line, oldest first; each
   * record the head covers gets its record bytes and proof. The last line is the export itself.
   */
  void custody(long seq, CustodyEvent announced) throws IOException {
    StringBuilder out = new StringBuilder();
    for (CustodyRecord r : log.custodyHistory(seq)) {
      LedgerRecord rec = log.read(r.seq());
      ObjectNode line = MAPPER.createObjectNode();
      line.put("seq", r.seq());
      line.put("recordTime", r.recordTime().toString());
      line.put("recordHash", r.recordHash());
      boolean covered = r.seq() <= head.treeSize();
      if (covered) {
        ProofFiles.writeProof(log, data, r.seq(), head);
      }
      line.put("record", covered ? ProofFiles.recordPath(r.seq()) : null);
      line.put("proof", covered ? ProofFiles.proofPath(r.seq()) : null);
      line.set("event", MAPPER.readTree(rec.payload()));
      out.append(MAPPER.writeValueAsString(line)).append('\n');
    }
    ObjectNode line = MAPPER.createObjectNode();
    line.putNull("seq");
    line.put("pending", true);
    line.put(
        "note",
        "this export; appended to the ledger after the bag was sealed, with details.bagSha256 ="
            + " SHA-256 of tagmanifest-sha256.txt");
    line.set("event", MAPPER.readTree(CustodyCodec.encode(announced)));
    out.append(MAPPER.writeValueAsString(line)).append('\n');
    BagFiles.write(data.resolve(custodyPath(seq)), out.toString());
  }

  /** Writes posts.jsonl and scores.jsonl: {@code {"seq":S,"post":{...}}} and likewise. */
  void derived(ExportRequest request) throws IOException {
    StringBuilder posts = new StringBuilder();
    StringBuilder scores = new StringBuilder();
    for (long seq : request.seqs()) {
      DerivedData d = request.derivedFor(seq);
      for (String p : d.posts()) {
        posts.append(line(seq, "post", p));
      }
      for (String s : d.scores()) {
        scores.append(line(seq, "score", s));
      }
    }
    BagFiles.write(data.resolve(POSTS), posts.toString());
    BagFiles.write(data.resolve(SCORES), scores.toString());
    for (Map.Entry<String, String> d : request.documents().entrySet()) {
      BagFiles.write(data.resolve(DOCUMENTS + d.getKey()), d.getValue());
    }
  }

  /** Writes export.json: what was exported, by whom, why, and against which head. */
  void exportJson(
      ExportRequest request,
      String bagName,
      String exportId,
      Instant now,
      TreeHeadEntry entry,
      boolean signedNewHead,
      int stamps)
      throws IOException {
    ObjectNode j = MAPPER.createObjectNode();
    j.put("format", "tocsin-export");
    j.put("version", FORMAT_VERSION);
    j.put("bag", bagName);
    j.put("exportId", exportId);
    j.put("exportedAt", now.toString());
    j.put("ledgerId", log.ledgerId());
    j.putObject("exporter").put("keyId", request.actorKeyId()).put("role", request.actorRole());
    j.put("reason", request.reason());
    var seqs = j.putArray("items");
    request.seqs().forEach(seqs::add);
    j.put("headSeq", entry.seq());
    j.put("treeSize", entry.head().treeSize());
    j.put("signedNewHead", signedNewHead);
    j.put("timestampTokens", stamps);
    j.put("captures", CaptureWarc.FILE);
    var docs = j.putArray("documents");
    request.documents().keySet().forEach(n -> docs.add(DOCUMENTS + n));
    Files.write(data.resolve(EXPORT), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(j));
  }

  private static String line(long seq, String field, String json) throws IOException {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("seq", seq);
    n.set(field, MAPPER.readTree(json));
    return MAPPER.writeValueAsString(n) + "\n";
  }

  private static JsonNode object(String json, String what) {
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage(), e);
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException(what + " must be one JSON object [got " + json + "]");
    }
    return n;
  }
}
