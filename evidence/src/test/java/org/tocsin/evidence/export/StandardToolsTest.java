package org.tocsin.evidence.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.evidence.sign.TreeHeadKeys;

/**
 * The steps of VERIFY.md run with the tools it names: {@code python3 verify_proofs.py}, {@code
 * sha256sum -c}, {@code openssl pkeyutl -verify -rawin} and {@code openssl ts -verify}. A test is
 * skipped, saying so, when its tool is not installed.
 */
class StandardToolsTest {

  @TempDir Path tmp;
  Path bag;
  Path data;
  String tsaPem;

  @BeforeEach
  void export() throws Exception {
    bag = tmp.resolve("bag");
    try (ExportFixture f = new ExportFixture(tmp, true)) {
      f.exporter().export(ExportFixture.request(List.of(1L, 2L, 3L)), bag);
      tsaPem = TreeHeadKeys.pem("CERTIFICATE", f.tsa.cert.getEncoded());
    }
    data = bag.resolve("data");
  }

  /** Runs a command in {@code dir}; aborts the test if the program is not installed. */
  private static Result run(Path dir, String... cmd) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort(cmd[0] + " is not installed, so this independent check is skipped: " + e);
      throw e;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(Arrays.toString(cmd)).isTrue();
    return new Result(p.exitValue(), out);
  }

  private record Result(int exit, String out) {}

  @Test
  void pythonScriptRecomputesEveryProofAndFailsOnATamperedOne() throws Exception {
    Result ok = run(data, "python3", "verify_proofs.py");
    assertThat(ok.out()).as(ok.out()).contains("ALL PROOFS HOLD").contains("ok   seq 1 (CAPTURE)");
    assertThat(ok.exit()).isZero();
    Path proof = data.resolve("proofs/2.json");
    String text = Files.readString(proof);
    int i = text.indexOf("\"auditPath\"");
    int h = text.indexOf('"', text.indexOf('[', i)) + 1;
    char c = text.charAt(h) == 'a' ? 'b' : 'a';
    Files.writeString(proof, text.substring(0, h) + c + text.substring(h + 1));
    Result bad = run(data, "python3", "verify_proofs.py");
    assertThat(bad.out()).contains("FAIL seq 2").contains("audit path leads to the signed root");
    assertThat(bad.exit()).isEqualTo(1);
  }

  @Test
  void manifestsCheckWithSha256sum() throws Exception {
    Result tags = run(bag, "sha256sum", "-c", "tagmanifest-sha256.txt");
    Result payload = run(bag, "sha256sum", "-c", "manifest-sha256.txt");
    assertThat(tags.exit()).as(tags.out()).isZero();
    assertThat(payload.exit()).as(payload.out()).isZero();
    assertThat(payload.out()).contains("data/captures.warc.gz: OK");
  }

  @Test
  void headSignatureVerifiesWithOpensslOverTheDocumentedBytes() throws Exception {
    byte[] head = Files.readAllBytes(data.resolve("tree-head.bin"));
    byte[] ctx = "TOCSIN-STH-V1".getBytes(StandardCharsets.US_ASCII);
    byte[] signed = new byte[ctx.length + 97];
    System.arraycopy(ctx, 0, signed, 0, ctx.length);
    System.arraycopy(head, 0, signed, ctx.length, 97);
    Files.write(tmp.resolve("sth-signed.bin"), signed);
    Files.write(tmp.resolve("sth.sig"), Arrays.copyOfRange(head, head.length - 64, head.length));
    Result r =
        run(
            data,
            "openssl",
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            "public-key.pem",
            "-rawin",
            "-in",
            tmp.resolve("sth-signed.bin").toString(),
            "-sigfile",
            tmp.resolve("sth.sig").toString());
    assertThat(r.out()).as(r.out()).contains("Signature Verified Successfully");
    assertThat(r.exit()).isZero();
    assertThat(Files.readString(data.resolve("VERIFY.md")))
        .contains("openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin");
  }

  @Test
  void bagSignatureVerifiesWithTheShellLinesOfVerifyGuide() throws Exception {
    String guide = Files.readString(data.resolve("VERIFY.md"));
    String signed = "{ printf 'TOCSIN-BAG-V2'; cat tagmanifest-sha256.txt; } > /tmp/bag-signed.bin";
    String verify =
        "openssl pkeyutl -verify -pubin -inkey data/public-key.pem -rawin -in /tmp/bag-signed.bin"
            + " -sigfile bag-signature.sig";
    assertThat(guide).contains(signed).contains(verify);
    String script =
        (signed + "\n" + verify).replace("/tmp/bag-signed.bin", tmp.resolve("bag.bin").toString());
    Result ok = run(bag, "sh", "-c", script);
    assertThat(ok.out()).as(ok.out()).contains("Signature Verified Successfully");
    Files.writeString(
        data.resolve("VERIFY.md"), guide.replace("Nothing from Tocsin", "Tocsin alone"));
    BundleTamperTest.rebag(bag);
    Result bad = run(bag, "sh", "-c", script);
    assertThat(bad.exit()).as(bad.out()).isNotZero();
  }

  @Test
  void timestampTokenVerifiesWithOpenssl() throws Exception {
    Path ca = Files.writeString(tmp.resolve("tsa.pem"), tsaPem);
    Result r =
        run(
            data,
            "openssl",
            "ts",
            "-verify",
            "-data",
            "tree-head.bin",
            "-in",
            "timestamps/7.tst",
            "-token_in",
            "-CAfile",
            ca.toString());
    assertThat(r.out()).as(r.out()).contains("Verification: OK");
  }
}
