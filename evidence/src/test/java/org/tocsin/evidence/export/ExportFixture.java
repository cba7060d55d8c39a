package org.tocsin.evidence.export;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tocsin.core.evidence.Capture;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.custody.CustodyEvent;
import org.tocsin.evidence.custody.CustodyEventType;
import org.tocsin.evidence.sign.TreeHeadKeys;
import org.tocsin.evidence.sign.TreeHeadSigner;
import org.tocsin.evidence.timestamp.LoopbackTsa;
import org.tocsin.evidence.timestamp.TimestampClient;
import org.tocsin.testkit.fixtures.Fixtures;
import org.tocsin.testkit.fixtures.Recording;

/**
 * A small real ledger to export: seq 1 a recorded Mastodon status (inline), seq 2 a recorded public
 * timeline (in the blob store), seq 3 a JSONL import of real sample posts (not HTTP), custody
 * events 4-5, a signed head (seq 6, size 5) with an RFC 3161 token from a loopback TSA (seq 7),
 * then a capture and a custody event the head does not cover.
 */
final class ExportFixture implements AutoCloseable {

  static final String STATUS =
      "mastodon/mastodon_py/status_card_link/01_GET_api_v1_statuses_117020609135389699";
  static final String TIMELINE =
      "mastodon/mastodon_py/public_timeline_anonymous/02_GET_api_v1_timelines_public";

  final Path ledgerDir;
  final TreeHeadKeys keys;
  final FileEvidenceLog log;
  final TreeHeadSigner signer;
  final LoopbackTsa tsa;

  ExportFixture(Path tmp, boolean headAndToken) throws Exception {
    ledgerDir = tmp.resolve("ledger");
    keys = TreeHeadKeys.loadOrCreate(tmp.resolve("keys"));
    log = FileEvidenceLog.open(ledgerDir);
    signer = new TreeHeadSigner(log, keys, Duration.ofHours(1));
    tsa = headAndToken ? new LoopbackTsa() : null;
    log.appendCapture(http(Fixtures.recording(STATUS), 0)).join();
    log.appendCaptureWithBlob(http(Fixtures.recording(TIMELINE), 1)).join();
    log.appendCapture(jsonlImport()).join();
    Instant t = Instant.parse("2026-11-22T10:00:00Z");
    log.appendCustody(
            new CustodyEvent(
                CustodyEventType.SCORED,
                List.of(1L, 3L),
                "nlp",
                "system",
                null,
                null,
                t,
                Map.of("model", "incitement-mlp", "version", "3")))
        .join();
    log.appendCustody(
            new CustodyEvent(
                CustodyEventType.ACCESSED,
                List.of(1L),
                "key-7f3a",
                "analyst",
                "case review",
                "text:\"burn\"",
                t.plusSeconds(60),
                Map.of()))
        .join();
    if (headAndToken) {
      var head = signer.signNow();
      new TimestampClient(tsa.uri(), HttpClient.newHttpClient(), Duration.ofSeconds(10))
          .stampTreeHead(log, head);
      log.appendCapture(http(Fixtures.recording(STATUS), 9)).join();
      log.appendCustody(
              CustodyEvent.of(CustodyEventType.ACCESSED, List.of(1L), "key-9", "analyst", "later"))
          .join();
    }
  }

  static Capture http(Recording r, int second) {
    Instant at = Instant.parse("2026-11-22T09:14:04.912345Z").plusSeconds(second);
    String type = r.header("content-type") == null ? "application/json" : r.header("content-type");
    return new Capture(
        "mastodon:localhost",
        "mastodon",
        r.method(),
        r.uri(),
        r.status(),
        r.headers(),
        type,
        at,
        at.plusMillis(87),
        r.body());
  }

  static Capture jsonlImport() throws IOException {
    byte[] all;
    try (InputStream in =
        Fixtures.class.getResourceAsStream("/org/tocsin/testkit/posts-sample.jsonl")) {
      all = in.readAllBytes();
    }
    String text = new String(all, StandardCharsets.UTF_8);
    int end = 0;
    for (int i = 0; i < 3; i++) {
      end = text.indexOf('\n', end) + 1;
    }
    byte[] body =
        Arrays.copyOf(all, text.substring(0, end).getBytes(StandardCharsets.UTF_8).length);
    Instant at = Instant.parse("2026-11-22T09:20:00Z");
    return new Capture(
        "import:posts-sample.jsonl",
        "post-jsonl",
        null,
        "file:///imports/posts-sample.jsonl",
        0,
        Map.of(),
        "application/x-ndjson",
        at,
        at,
        body);
  }

  /** The first three lines of the imported sample: real Post JSON to stand in for parsed posts. */
  static List<String> samplePosts() throws IOException {
    return List.of(new String(jsonlImport().body(), StandardCharsets.UTF_8).split("\n"));
  }

  static ExportRequest request(List<Long> seqs) throws IOException {
    List<String> posts = samplePosts();
    String score =
        "{\"model\":\"incitement-mlp\",\"version\":\"3\",\"parameters\":{\"threshold\":0.5,"
            + "\"artifactSha256\":\"9f2c\"},\"score\":{\"hate\":0.12,\"incitement\":0.03}}";
    Map<Long, DerivedData> derived = new java.util.HashMap<>();
    derived.put(1L, new DerivedData(posts.subList(0, 1), List.of(score)));
    derived.put(3L, new DerivedData(posts, List.of(score, score, score)));
    derived.keySet().retainAll(seqs);
    return new ExportRequest(
        seqs, "ICC-01/24 disclosure to the defence", "key-7f3a", "prosecutor", derived);
  }

  EvidenceExporter exporter() {
    return new EvidenceExporter(log, keys.publicKey(), signer);
  }

  @Override
  public void close() throws IOException {
    log.close();
    if (tsa != null) {
      tsa.close();
    }
  }
}
