package org.tocsin.evidence.format.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.LedgerRecord;
import org.tocsin.evidence.RecordType;
import org.tocsin.evidence.VerifyReport;

/**
 * The worked example of {@code docs/evidence-format.md}, byte for byte, and a verifier written only
 * from that document, run over a ledger this code wrote.
 */
class FormatV1VectorTest {

  // These strings are copied from docs/evidence-format.md; keep the two in step.
  static final String HEADER =
      "544f4353494e4c47000000010000019353266348000102030405060708090a0b0c0d0e0f"
          + "b83ab17f20ed2d37bc86f52fb68cbe7e2accc558099dc6251a5f2eba343e626e";
  static final String RECORD_1 =
      "545245430000000d00000000000000010006277ccdf567800001"
          + "b83ab17f20ed2d37bc86f52fb68cbe7e2accc558099dc6251a5f2eba343e626e"
          + "68656c6c6f2c206c6564676572"
          + "06ddabe10d7a2dc0fbf4cd229ed3f55ae222bc6dce3c8dbd301d2f5d2686c2df";
  static final String RECORD_2 =
      "545245430000000000000000000000020006277ccdf567810002"
          + "06ddabe10d7a2dc0fbf4cd229ed3f55ae222bc6dce3c8dbd301d2f5d2686c2df"
          + "39ec51617613b508b6129c1218d21fdb1e066d50854fc9aabec13c1e995421be";

  private static final HexFormat HEX = HexFormat.of();

  @TempDir Path dir;

  @Test
  void headerEncodingMatchesTheDocument() {
    byte[] id = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
    assertThat(HEX.formatHex(LedgerHeader.encode(1732266845000L, id))).isEqualTo(HEADER);
  }

  @Test
  void recordEncodingMatchesTheDocument() {
    byte[] fixed = new byte[RecordHeader.BYTES];
    byte[] prev = HEX.parseHex(HEADER.substring(72));
    RecordHeader.write(fixed, 13, 1, 1732266845104000L, 1, prev);
    assertThat(RECORD_1).startsWith(HEX.formatHex(fixed));
  }

  @Test
  void theDocumentedLedgerOpensAndVerifies() throws IOException {
    Files.write(dir.resolve(FormatV1.FILE_NAME), HEX.parseHex(HEADER + RECORD_1 + RECORD_2));
    assertThat(FileEvidenceLog.verify(dir)).isEqualTo(VerifyReport.passed(2));
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      LedgerRecord r1 = log.read(1);
      assertThat(new String(r1.payload(), StandardCharsets.UTF_8)).isEqualTo("hello, ledger");
      assertThat(r1.time()).isEqualTo(Instant.parse("2024-11-22T09:14:05.104Z"));
      assertThat(r1.type()).isEqualTo(RecordType.CAPTURE);
      assertThat(log.read(2).type()).isEqualTo(RecordType.CUSTODY);
      assertThat(log.read(2).prevHash()).isEqualTo(r1.hash());
      assertThat(log.ledgerId()).isEqualTo("000102030405060708090a0b0c0d0e0f");
      assertThat(log.created()).isEqualTo(Instant.parse("2024-11-22T09:14:05Z"));
    }
  }

  @Test
  void aVerifierWrittenFromTheDocumentAcceptsWhatTheLedgerWrites() throws Exception {
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      for (int i = 0; i < 50; i++) {
        log.append(RecordType.values()[i % 3], ("payload " + i).getBytes(StandardCharsets.UTF_8));
      }
      log.append(RecordType.CAPTURE, new byte[0]).get();
    }
    assertThat(documentVerifier(Files.readAllBytes(dir.resolve(FormatV1.FILE_NAME)))).isEqualTo(51);
  }

  /** Returns the record count, or throws AssertionError naming the first violation. */
  private static long documentVerifier(byte[] file) throws Exception {
    ByteBuffer in = ByteBuffer.wrap(file); // big-endian by default
    byte[] magic = new byte[8];
    in.get(magic);
    assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("TOCSINLG");
    assertThat(in.getInt()).isEqualTo(1);
    in.position(68);
    byte[] prev = sha256(Arrays.copyOfRange(file, 0, 36));
    assertThat(Arrays.copyOfRange(file, 36, 68)).isEqualTo(prev);
    long seq = 0;
    while (in.hasRemaining()) {
      int start = in.position();
      assertThat(in.getInt()).isEqualTo(0x54524543);
      long length = Integer.toUnsignedLong(in.getInt());
      assertThat(length).isLessThanOrEqualTo(64L * 1024 * 1024);
      assertThat(in.getLong()).isEqualTo(++seq);
      in.getLong(); // time, microseconds
      assertThat(in.getShort() & 0xffff).isBetween(1, 3);
      byte[] linked = new byte[32];
      in.get(linked);
      assertThat(linked).isEqualTo(prev);
      int hashAt = start + 58 + (int) length;
      prev = sha256(Arrays.copyOfRange(file, start, hashAt));
      assertThat(Arrays.copyOfRange(file, hashAt, hashAt + 32)).isEqualTo(prev);
      in.position(hashAt + 32);
    }
    return seq;
  }

  private static byte[] sha256(byte[] b) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(b);
  }
}
