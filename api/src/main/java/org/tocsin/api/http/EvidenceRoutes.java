package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.tocsin.api.auth.Access;
import org.tocsin.api.problems.ApiException;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.json.Json;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.LedgerRecord;
import org.tocsin.evidence.RecordType;
import org.tocsin.evidence.custody.CustodyRecord;
import org.tocsin.evidence.sign.SignedTreeHead;
import org.tocsin.evidence.sign.TreeHeadEntry;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.keys.ApiKey;
import org.tocsin.node.keys.Role;

/**
 * Evidence: the latest signed tree head, the original bytes of a capture with its inclusion proof
 * (every read is a custody event naming the key, role and stated reason), and the custody history
 * of any capture.
 */
final class EvidenceRoutes {
  private static final HexFormat HEX = HexFormat.of();

  private final Vertx vertx;
  private final TocsinNode node;
  private final org.tocsin.node.keys.ApiKeyStore keys;

  EvidenceRoutes(Vertx vertx, TocsinNode node, org.tocsin.node.keys.ApiKeyStore keys) {
    this.vertx = vertx;
    this.node = node;
    this.keys = keys;
  }

  void mount(Router router) {
    router.get("/api/v1/evidence/tree-head").handler(Access.anyRole()).handler(this::treeHead);
    router.get("/api/v1/evidence/consistency").handler(Access.anyRole()).handler(this::consistency);
    router
        .get("/api/v1/evidence/:seq/custody")
        .handler(Access.allow(Role.PROSECUTOR, Role.ADMIN, Role.ANALYST, Role.TRUST))
        .handler(this::custody);
    router
        .post("/api/v1/evidence/exports")
        .handler(Access.allow(Role.PROSECUTOR, Role.ADMIN))
        .handler(this::export);
    router
        .get("/api/v1/evidence/exports/:file")
        .handler(Access.allow(Role.PROSECUTOR, Role.ADMIN))
        .handler(this::download);
    router
        .get("/api/v1/evidence/:seq")
        .handler(Access.allow(Role.PROSECUTOR, Role.ADMIN))
        .handler(this::original);
  }

  private void export(RoutingContext rc) {
    com.fasterxml.jackson.databind.JsonNode req = RequestBodies.json(rc);
    String reason = RequestBodies.requiredText(req, "reason", Reasons.MAX_CHARS);
    ApiKey key = Access.key(rc);
    org.tocsin.node.EvidenceExports exports = new org.tocsin.node.EvidenceExports(node);
    vertx
        .executeBlocking(
            () -> {
              List<Long> seqs;
              try {
                if (req.hasNonNull("query")) {
                  seqs = exports.seqsOfQuery(RequestBodies.requiredText(req, "query", 2000));
                } else if (req.has("ids") && req.get("ids").isArray()) {
                  List<org.tocsin.core.post.PostKey> keys = new java.util.ArrayList<>();
                  for (com.fasterxml.jackson.databind.JsonNode id : req.get("ids")) {
                    String s = id.asText();
                    int slash = s.indexOf('/');
                    if (slash <= 0 || slash == s.length() - 1 || keys.size() >= 10_000) {
                      throw new ApiException(
                          400, "invalid_body", "ids are PLATFORM/ID keys [got " + s + "]");
                    }
                    keys.add(
                        new org.tocsin.core.post.PostKey(
                            s.substring(0, slash), s.substring(slash + 1)));
                  }
                  seqs = exports.seqsOfPosts(keys);
                } else {
                  throw new ApiException(
                      400, "invalid_body", "give ids (PLATFORM/ID keys) or query");
                }
              } catch (org.tocsin.index.InvalidQueryException e) {
                throw new ApiException(400, "invalid_query", e.getMessage());
              } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid_body", e.getMessage());
              }
              org.tocsin.evidence.export.ExportResult r;
              try {
                r = exports.exportToNewBag(seqs, reason, key.id(), key.role().jsonName());
              } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid_body", e.getMessage());
              }
              return new Exported(r, ExportDownloads.write(r));
            },
            false)
        .onSuccess(done -> JsonResponses.send(rc, 201, exportBody(done.export(), done.download())))
        .onFailure(rc::fail);
  }

  /**
   * The answer to an export: where to download it, its digests and the head it is proven against.
   */
  static ObjectNode exportBody(
      org.tocsin.evidence.export.ExportResult r, ExportDownloads.Download download) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("download", "/api/v1/evidence/exports/" + download.name());
    body.put("downloadSha256", download.sha256());
    body.put("downloadBytes", download.bytes());
    body.put("bagName", r.bagName());
    body.put("bagSha256", r.bagSha256());
    body.put("exportId", r.exportId());
    body.put("path", r.bag().toString());
    body.put("captures", r.seqs().size());
    body.put("exportEventSeq", r.exportEventSeq());
    body.put("signedNewHead", r.signedNewHead());
    body.set("treeHead", render(r.head()));
    return body;
  }

  private record Exported(
      org.tocsin.evidence.export.ExportResult export, ExportDownloads.Download download) {}

  /**
   * The export as one zip file, sent once the download is durable in the custody log as an access
   * to every capture it holds (who, which role, the stated reason).
   */
  private void download(RoutingContext rc) {
    String name = rc.pathParam("file");
    ApiKey key = Access.key(rc);
    String reason = Reasons.stated(rc);
    java.nio.file.Path dir = node.dataDir().toAbsolutePath().normalize().resolve("exports");
    vertx
        .executeBlocking(
            () ->
                ExportDownloads.find(dir, name)
                    .orElseThrow(() -> ApiException.notFound("no export download " + name)),
            false)
        .compose(
            found ->
                io.vertx.core.Future.fromCompletionStage(
                        node.custody()
                            .accessed(
                                found.seqs(),
                                key.id(),
                                key.role().jsonName(),
                                reason,
                                null,
                                "download of export " + name + " (sha256 " + found.sha256() + ")"),
                        vertx.getOrCreateContext())
                    .map(v -> found))
        .onSuccess(
            found ->
                rc.response()
                    .putHeader("Content-Type", "application/zip")
                    .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
                    .putHeader("X-Tocsin-Sha256", found.sha256())
                    .putHeader(
                        "Digest",
                        "sha-256="
                            + Base64.getEncoder().encodeToString(HEX.parseHex(found.sha256())))
                    .putHeader("Cache-Control", "no-store")
                    .sendFile(found.zip().toString())
                    .onFailure(rc::fail))
        .onFailure(rc::fail);
  }

  private long seq(RoutingContext rc) {
    String s = rc.pathParam("seq");
    long seq;
    try {
      seq = Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw ApiException.badParameter("seq", "not a ledger seq [got " + s + "]");
    }
    if (seq < 1 || seq > node.ledger().lastSeq()) {
      throw ApiException.notFound("no ledger record " + seq);
    }
    return seq;
  }

  private void treeHead(RoutingContext rc) {
    Optional<TreeHeadEntry> latest = node.ledger().latestTreeHead();
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("ledgerId", node.ledger().ledgerId());
    body.put("lastSeq", node.ledger().lastSeq());
    body.put("keyId", node.signingKeys().keyIdHex());
    body.put("publicKeyPem", node.signingKeys().publicKeyPem());
    if (latest.isEmpty()) {
      JsonResponses.send(rc, 200, body);
      return;
    }
    ObjectNode head = render(latest.get());
    body.set("treeHead", head);
    vertx
        .executeBlocking(() -> timestamps(latest.get()), false)
        .onSuccess(
            stamps -> {
              head.set("timestamps", stamps);
              JsonResponses.send(rc, 200, body);
            })
        .onFailure(rc::fail);
  }

  /**
   * The RFC 3161 tokens that stamp a head, each checked against the head's bytes: {@code {seq,
   * tokenBase64, verified, genTime, tsa}} or {@code {seq, tokenBase64, verified: false, error}}.
   * Whether the authority is one the reader trusts stays the reader's call.
   */
  private ArrayNode timestamps(TreeHeadEntry head) throws java.io.IOException {
    ArrayNode out = Json.mapper().createArrayNode();
    byte[] stamped = head.head().encode();
    for (long seq : node.ledger().timestampSeqs(head.seq())) {
      byte[] token =
          org.tocsin.evidence.timestamp.TimestampRecord.decode(node.ledger().read(seq).payload())
              .token();
      ObjectNode t = out.addObject();
      t.put("seq", seq);
      t.put("tokenBase64", Base64.getEncoder().encodeToString(token));
      try {
        var stamp = org.tocsin.evidence.timestamp.TimestampTokens.check(token, stamped);
        t.put("verified", true);
        t.put("genTime", stamp.genTime().toString());
        t.put("tsa", stamp.tsaCertificate().getSubjectX500Principal().getName());
      } catch (IllegalArgumentException e) {
        t.put("verified", false);
        t.put("error", e.getMessage());
      }
    }
    return out;
  }

  static ObjectNode render(TreeHeadEntry e) {
    SignedTreeHead h = e.head();
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("seq", e.seq());
    o.put("treeSize", h.treeSize());
    o.put("rootHash", HEX.formatHex(h.rootHash()));
    o.put("time", h.time().toString());
    o.put("keyId", HEX.formatHex(h.keyId()));
    o.put("signature", Base64.getEncoder().encodeToString(h.signature()));
    o.put("signedMessage", Base64.getEncoder().encodeToString(h.signedMessage()));
    return o;
  }

  private void consistency(RoutingContext rc) {
    long size = node.ledger().treeSize();
    int first = QueryParams.integer(rc, "first", 0, 1, Integer.MAX_VALUE);
    int second = QueryParams.integer(rc, "second", 0, 1, Integer.MAX_VALUE);
    if (first == 0 || second == 0) {
      throw ApiException.badParameter("first/second", "both tree sizes are required");
    }
    if (first > second || second > size) {
      throw ApiException.badParameter(
          "first/second",
          "need 1 <= first <= second <= " + size + " [got " + first + ", " + second + "]");
    }
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("first", first);
    body.put("second", second);
    body.put("firstRoot", HEX.formatHex(node.ledger().rootHash(first)));
    body.put("secondRoot", HEX.formatHex(node.ledger().rootHash(second)));
    ArrayNode proof = body.putArray("proof");
    for (byte[] h : node.ledger().consistencyProof(first, second)) {
      proof.add(HEX.formatHex(h));
    }
    JsonResponses.send(rc, 200, body);
  }

  private void custody(RoutingContext rc) {
    long seq = seq(rc);
    vertx
        .executeBlocking(() -> node.ledger().custodyHistory(seq), false)
        .onSuccess(
            (List<CustodyRecord> history) -> {
              java.util.Map<String, String> names = new java.util.HashMap<>();
              keys.list().forEach(k -> names.put(k.id(), k.name()));
              ObjectNode body = Json.mapper().createObjectNode();
              body.put("seq", seq);
              ArrayNode arr = body.putArray("events");
              for (CustodyRecord r : history) {
                ObjectNode e = arr.addObject();
                e.put("recordSeq", r.seq());
                e.put("recordTime", r.recordTime().toString());
                e.put("recordHash", r.recordHash());
                e.put("type", r.event().type().jsonName());
                e.put("actor", r.event().actorKeyId());
                // the key's name as it is now (a key id stays the record; names help people)
                if (names.containsKey(r.event().actorKeyId())) {
                  e.put("actorName", names.get(r.event().actorKeyId()));
                }
                e.put("role", r.event().actorRole());
                if (r.event().reason() != null) {
                  e.put("reason", r.event().reason());
                }
                if (r.event().query() != null) {
                  e.put("query", r.event().query());
                }
                e.put("time", r.event().time().toString());
                r.event().details().forEach(e.putObject("details")::put);
              }
              JsonResponses.send(rc, 200, body);
            })
        .onFailure(rc::fail);
  }

  private void original(RoutingContext rc) {
    long seq = seq(rc);
    ApiKey key = Access.key(rc);
    String reason = Reasons.stated(rc);
    FileEvidenceLog ledger = node.ledger();
    vertx
        .executeBlocking(
            () -> {
              LedgerRecord rec = ledger.read(seq);
              if (rec.type() != RecordType.CAPTURE) {
                throw ApiException.notFound("ledger record " + seq + " is not a capture");
              }
              Capture c = ledger.readCapture(seq);
              ObjectNode body = Json.mapper().createObjectNode();
              body.put("seq", seq);
              body.put("recordHash", rec.hash());
              body.put("recordTime", rec.time().toString());
              ObjectNode cap = body.putObject("capture");
              cap.put("source", c.source());
              cap.put("format", c.platform());
              if (c.method() != null) {
                cap.put("method", c.method());
              }
              cap.put("url", c.url());
              cap.put("status", c.status());
              c.headers().forEach(cap.putObject("headers")::put);
              cap.put("contentType", c.contentType());
              cap.put("requestedAt", c.requestedAt().toString());
              cap.put("receivedAt", c.receivedAt().toString());
              cap.put("bodySha256", org.tocsin.evidence.capture.CaptureCodec.sha256Hex(c.body()));
              cap.put("bodyBase64", Base64.getEncoder().encodeToString(c.body()));
              Optional<TreeHeadEntry> head = ledger.latestTreeHead();
              if (head.isPresent() && head.get().head().treeSize() >= seq) {
                ObjectNode proof = body.putObject("inclusionProof");
                long size = head.get().head().treeSize();
                proof.put("leafHash", HEX.formatHex(ledger.leafHash(seq)));
                proof.put("treeSize", size);
                ArrayNode path = proof.putArray("auditPath");
                for (byte[] h : ledger.inclusionProof(seq, size)) {
                  path.add(HEX.formatHex(h));
                }
                proof.set("treeHead", render(head.get()));
              } else {
                body.put("inclusionProof", (String) null);
                body.put(
                    "note",
                    "no signed tree head covers this record yet; ask again after the next head");
              }
              return body;
            },
            false)
        .onSuccess(
            body ->
                io.vertx.core.Future.fromCompletionStage(
                        node.custody()
                            .accessed(
                                List.of(seq),
                                key.id(),
                                key.role().jsonName(),
                                reason,
                                null,
                                "original bytes"),
                        vertx.getOrCreateContext())
                    .onSuccess(v -> JsonResponses.send(rc, 200, body))
                    .onFailure(rc::fail))
        .onFailure(rc::fail);
  }
}
