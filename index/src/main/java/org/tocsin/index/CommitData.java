package org.tocsin.index;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexWriter;

/**
 * The commit user data of the index: the last ledger seq, the schema version, and the secret that
 * signs cursors (kept with the index so cursors survive a restart and die with a rebuild).
 */
final class CommitData {

  /** The key of the cursor secret, 32 random bytes in hex. */
  static final String CURSOR_KEY = "cursor.secret";

  private static final int SECRET_BYTES = 32;

  private CommitData() {}

  static Map<String, String> read(IndexWriter writer) {
    Map<String, String> out = new HashMap<>();
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      data.forEach(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }

  static void check(IndexWriter writer, Map<String, String> data, Path path) throws IOException {
    String schema = data.getOrDefault(PostIndex.SCHEMA_KEY, "1");
    if (writer.getDocStats().numDocs > 0 && !PostIndex.SCHEMA_VERSION.equals(schema)) {
      throw new IndexSchemaException(
          "the index at "
              + path
              + " was written with schema "
              + schema
              + " and this build reads schema "
              + PostIndex.SCHEMA_VERSION
              + ": rebuild it from the ledger (tocsin reindex) [got "
              + schema
              + "]",
          path);
    }
    String secret = data.get(CURSOR_KEY);
    if (secret != null && !secret.matches("[0-9a-f]{" + 2 * SECRET_BYTES + "}")) {
      throw new CorruptIndexException(
          "commit user data " + CURSOR_KEY + " is not a secret", path.toString());
    }
  }

  static String newSecret() {
    byte[] b = new byte[SECRET_BYTES];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  static long seq(Map<String, String> data, Path path) throws CorruptIndexException {
    String value = data.get(PostIndex.LEDGER_SEQ_KEY);
    if (value == null) {
      return 0;
    }
    long seq;
    try {
      seq = Long.parseLong(value);
    } catch (NumberFormatException ex) {
      seq = -1;
    }
    if (seq < 0) {
      throw new CorruptIndexException(
          "commit user data " + PostIndex.LEDGER_SEQ_KEY + " is not a seq [got " + value + "]",
          path.toString());
    }
    return seq;
  }
}
