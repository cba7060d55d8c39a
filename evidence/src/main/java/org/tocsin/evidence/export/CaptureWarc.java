package org.tocsin.evidence.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.tocsin.core.evidence.Capture;
import org.tocsin.evidence.format.v1.Sha256;

/**
 * Writes the captures of an export as one gzipped WARC 1.1 file with jwarc: a {@code warcinfo}
 * record, then per capture a {@code response} record (HTTP captures: the status line and headers
 * rebuilt from the ledger's metadata, then the exact body) or a {@code resource} record (captures
 * that are not HTTP, such as JSONL imports), each followed by a {@code metadata} record that links
 * it to its ledger record.
 */
final class CaptureWarc {

  static final String FILE = "captures.warc.gz";
  static final String SEQ = "tocsin-ledger-seq";
  static final String RECORD_SHA256 = "tocsin-record-sha256";
  static final String BODY_SHA256 = "tocsin-body-sha256";

  /**
   * One capture to write.
   *
   * @param seq its ledger seq
   * @param capture the decoded capture (body checked against its digest)
   * @param recordHash lower-case hex record hash of its ledger record
   * @param leafHash lower-case hex Merkle leaf hash of that record
   */
  record Item(long seq, Capture capture, String recordHash, String leafHash) {}

  private CaptureWarc() {}

  static void write(Path file, List<Item> items, String ledgerId, String bagName, Instant now)
      throws IOException {
    try (FileChannel ch =
            FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        WarcWriter w = new WarcWriter(ch, WarcCompression.GZIP)) {
      Map<String, List<String>> info = new LinkedHashMap<>();
      info.put("software", List.of("Tocsin evidence export"));
      info.put("format", List.of("WARC File Format 1.1"));
      info.put("isPartOf", List.of(bagName));
      info.put("tocsin-ledger-id", List.of(ledgerId));
      info.put(
          "description",
          List.of("Original captures from a Tocsin evidence ledger; see data/VERIFY.md"));
      w.write(
          new Warcinfo.Builder()
              .version(MessageVersion.WARC_1_1)
              .date(now)
              .filename(FILE)
              .fields(info)
              .build());
      for (Item it : items) {
        WarcRecord capture = captureRecord(it.capture());
        w.write(capture);
        w.write(metadataRecord(it, capture.id(), ledgerId, now));
      }
    }
  }

  private static WarcRecord captureRecord(Capture c) throws IOException {
    byte[] body = c.body();
    WarcDigest payload = new WarcDigest("sha256", Sha256.digest(body));
    if (c.method() != null && c.status() > 0) {
      byte[] block = http(c);
      return new WarcResponse.Builder(c.url())
          .version(MessageVersion.WARC_1_1)
          .recordId(UUID.randomUUID())
          .date(c.receivedAt())
          .body(MediaType.HTTP_RESPONSE, block)
          .blockDigest(new WarcDigest("sha256", Sha256.digest(block)))
          .payloadDigest(payload)
          .build();
    }
    return new WarcResource.Builder()
        .version(MessageVersion.WARC_1_1)
        .setHeader("WARC-Target-URI", c.url())
        .recordId(UUID.randomUUID())
        .date(c.receivedAt())
        .body(mediaType(c.contentType()), body)
        .blockDigest(payload)
        .payloadDigest(payload)
        .build();
  }

  private static WarcMetadata metadataRecord(
      Item it, java.net.URI concurrentTo, String ledgerId, Instant now) {
    Capture c = it.capture();
    Map<String, List<String>> f = new LinkedHashMap<>();
    f.put("tocsin-ledger-id", List.of(ledgerId));
    f.put(SEQ, List.of(Long.toString(it.seq())));
    f.put(RECORD_SHA256, List.of(it.recordHash()));
    f.put("tocsin-leaf-hash", List.of(it.leafHash()));
    f.put(BODY_SHA256, List.of(Sha256.hex(Sha256.digest(c.body()))));
    f.put("tocsin-proof", List.of("proofs/" + it.seq() + ".json"));
    f.put("tocsin-source", List.of(c.source()));
    f.put("tocsin-platform", List.of(c.platform()));
    f.put("tocsin-content-type", List.of(c.contentType()));
    f.put("tocsin-requested-at", List.of(c.requestedAt().toString()));
    f.put("tocsin-received-at", List.of(c.receivedAt().toString()));
    return new WarcMetadata.Builder()
        .version(MessageVersion.WARC_1_1)
        .recordId(UUID.randomUUID())
        .date(now)
        .targetURI(c.url())
        .concurrentTo(concurrentTo)
        .fields(f)
        .build();
  }

  /**
   * The HTTP response message: {@code HTTP/1.1 <status> <standard reason>} (the ledger keeps
   * neither the version nor the reason phrase), the recorded headers sorted by name, and the body.
   * The body was stored after transfer decoding, so {@code Transfer-Encoding} is renamed {@code
   * X-Tocsin-Original-Transfer-Encoding}, and a {@code Content-Length} that is not the body length
   * is renamed {@code X-Tocsin-Original-Content-Length} and replaced. Line breaks in values become
   * spaces.
   */
  static byte[] http(Capture c) {
    StringBuilder h = new StringBuilder();
    h.append("HTTP/1.1 ").append(c.status()).append(' ').append(reason(c.status())).append("\r\n");
    String len = Integer.toString(c.body().length);
    for (Map.Entry<String, String> e : new TreeMap<>(c.headers()).entrySet()) {
      String name = e.getKey().replaceAll("[^!#$%&'*+.^_`|~0-9A-Za-z-]", "_");
      String value = e.getValue().replaceAll("[\\r\\n]+", " ");
      if (name.equalsIgnoreCase("Transfer-Encoding")) {
        name = "X-Tocsin-Original-Transfer-Encoding";
      } else if (name.equalsIgnoreCase("Content-Length") && !value.strip().equals(len)) {
        h.append("X-Tocsin-Original-Content-Length: ").append(value).append("\r\n");
        value = len;
      }
      h.append(name).append(": ").append(value).append("\r\n");
    }
    h.append("\r\n");
    byte[] head = h.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[head.length + c.body().length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(c.body(), 0, out, head.length, c.body().length);
    return out;
  }

  private static MediaType mediaType(String type) {
    try {
      return MediaType.parse(type);
    } catch (IllegalArgumentException e) {
      return MediaType.OCTET_STREAM; // the recorded type is kept in the metadata record
    }
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 204 -> "No Content";
      case 206 -> "Partial Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 410 -> "Gone";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Status " + status;
    };
  }
}
