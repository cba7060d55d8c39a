package org.tocsin.node.sources;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.evidence.EvidenceLog;
import org.tocsin.evidence.RecordType;

/**
 * The captures the crawler stored lately, by source, URL and body digest, so that the same bytes
 * fetched again from the same URL are answered with the record that already holds them instead of
 * being stored twice. This is what makes a crash harmless: a source's cursor is saved after the
 * ledger's acknowledgement, so a process killed between the two fetches again what was already
 * stored; at start-up the ledger's tail is read back into this set, and the refetch adds nothing.
 * It also keeps a source that polls an unchanged page from filling the ledger with copies. Bounded
 * (least recently stored forgotten first); thread-safe.
 */
final class RecentCaptures {
  /** How many captures are remembered, and how far back the ledger is read at start-up. */
  static final int MAX = 20_000;

  private final Map<String, EvidenceRef> recent =
      new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EvidenceRef> eldest) {
          return size() > MAX;
        }
      };

  /**
   * Reads the captures among the last {@link #MAX} records of a ledger.
   *
   * @throws IOException if the ledger cannot be read
   */
  static RecentCaptures fromLedger(EvidenceLog ledger) throws IOException {
    RecentCaptures r = new RecentCaptures();
    long from = Math.max(1, ledger.lastSeq() - MAX + 1);
    ledger.scan(
        from,
        rec -> {
          if (rec.type() == RecordType.CAPTURE) {
            Capture c = ledger.capture(rec);
            String sha = sha256(c.body());
            r.put(key(c, sha), new EvidenceRef(rec.seq(), sha, c.receivedAt()));
          }
          return true;
        });
    return r;
  }

  /** The record that already holds these bytes from this source and URL, or {@code null}. */
  synchronized EvidenceRef get(Capture c) {
    return recent.get(key(c, sha256(c.body())));
  }

  /** Remembers a stored capture. */
  synchronized void put(Capture c, EvidenceRef ref) {
    recent.put(key(c, ref.sha256()), ref);
  }

  private synchronized void put(String key, EvidenceRef ref) {
    recent.put(key, ref);
  }

  /**
   * Source, status, URL and body digest. The position a stream was opened at (Jetstream's {@code
   * cursor} parameter) is left out of the URL: the same event replayed after a reconnect from
   * another position is the same capture.
   */
  private static String key(Capture c, String bodySha256) {
    String url = CURSOR.matcher(c.url()).replaceAll("$1");
    return c.source() + '\n' + c.status() + '\n' + url + '\n' + bodySha256;
  }

  private static final java.util.regex.Pattern CURSOR =
      java.util.regex.Pattern.compile("([?&])cursor=[^&]*(&|$)");

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
