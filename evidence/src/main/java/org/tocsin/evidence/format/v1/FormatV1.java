package org.tocsin.evidence.format.v1;

import java.nio.charset.StandardCharsets;

/** The constants of ledger format version 1; every multi-byte number is big-endian. */
public final class FormatV1 {

  /** The name of the ledger file inside the ledger directory. */
  public static final String FILE_NAME = "ledger.tlg";

  /** The first 8 bytes of every ledger file: ASCII {@code TOCSINLG}. */
  private static final byte[] FILE_MAGIC = "TOCSINLG".getBytes(StandardCharsets.US_ASCII);

  /** The version this code writes. */
  public static final int VERSION_CURRENT = 1;

  /** The oldest version this code reads. */
  public static final int VERSION_MIN = 1;

  /** The newest version this code reads. */
  public static final int VERSION_MAX = 1;

  /** Length of a SHA-256 digest. */
  public static final int HASH_BYTES = 32;

  /** Length of the random ledger id in the header. */
  public static final int LEDGER_ID_BYTES = 16;

  /** Header bytes covered by the header hash: magic, version, created time, ledger id. */
  public static final int HEADER_HASHED_BYTES = 8 + 4 + 8 + LEDGER_ID_BYTES;

  /** Length of the file header, including its hash; the first record starts here. */
  public static final int HEADER_BYTES = HEADER_HASHED_BYTES + HASH_BYTES;

  /** The first 4 bytes of every record: ASCII {@code TREC}. */
  public static final int RECORD_MAGIC = 0x54524543;

  /** Length of a record's fixed part before the payload: magic, length, seq, time, type, prev. */
  public static final int RECORD_HEADER_BYTES = 4 + 4 + 8 + 8 + 2 + HASH_BYTES;

  /** Bytes a record adds to its payload: the fixed part and the trailing record hash. */
  public static final int RECORD_OVERHEAD = RECORD_HEADER_BYTES + HASH_BYTES;

  /** The largest payload a record may hold: 64 MiB. */
  public static final int MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

  private FormatV1() {}

  /** A copy of the file magic. */
  public static byte[] fileMagic() {
    return FILE_MAGIC.clone();
  }
}
