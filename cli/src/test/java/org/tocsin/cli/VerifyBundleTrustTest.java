package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.evidence.sign.TreeHeadKeys;
import org.tocsin.testkit.RealPosts;
import org.tocsin.testkit.TestNodes;

/**
 * {@code tocsin verify-bundle} on a bag written by {@code tocsin export}: a re-bagged copy with a
 * doctored VERIFY.md, checker, custody file or reason fails; the operator's key id and a held head
 * prove it; another key id fails; a bag turned into the older format is not proven.
 */
class VerifyBundleTrustTest {
  @TempDir Path dir;
  Path bag;
  String operatorKeyId;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @BeforeEach
  void export() throws Exception {
    Path d = dir.resolve("d");
    Path file = TestNodes.writeJsonl(dir.resolve("in.jsonl"), RealPosts.sample().subList(0, 60));
    assertThat(run("import", "--data", d.toString(), file.toString())).isZero();
    bag = dir.resolve("bag");
    assertThat(
            run(
                "export",
                "--data",
                d.toString(),
                "--query",
                "label:hate OR label:offensive",
                "--reason",
                "ICC OTP request 2026-17",
                "--out",
                bag.toString()))
        .as(err.toString())
        .isZero();
    operatorKeyId = TreeHeadKeys.loadOrCreate(d.resolve("ledger-keys")).keyIdHex();
  }

  /** A forger's re-bagging: new payload manifest, Payload-Oxum and tag manifest (no key). */
  private void rebag() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(bag.resolve("data"))) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    StringBuilder m = new StringBuilder();
    long octets = 0;
    for (Path f : files) {
      m.append(sha256(f)).append("  ").append(bag.relativize(f).toString().replace('\\', '/'));
      m.append('\n');
      octets += Files.size(f);
    }
    Files.writeString(bag.resolve("manifest-sha256.txt"), m.toString());
    List<String> info = new ArrayList<>();
    for (String l : Files.readAllLines(bag.resolve("bag-info.txt"))) {
      info.add(l.startsWith("Payload-Oxum:") ? "Payload-Oxum: " + octets + "." + files.size() : l);
    }
    Files.write(bag.resolve("bag-info.txt"), info);
    StringBuilder t = new StringBuilder();
    for (String n : List.of("bagit.txt", "bag-info.txt", "manifest-sha256.txt")) {
      t.append(sha256(bag.resolve(n))).append("  ").append(n).append('\n');
    }
    Files.writeString(bag.resolve("tagmanifest-sha256.txt"), t.toString());
  }

  private static String sha256(Path f) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
  }

  private void replace(String rel, String from, String to) throws Exception {
    Path p = bag.resolve(rel);
    String text = Files.readString(p);
    assertThat(text).contains(from);
    Files.writeString(p, text.replace(from, to));
  }

  private void assertRebagFails() throws Exception {
    rebag();
    assertThat(run("verify-bundle", bag.toString())).as(out.toString()).isEqualTo(1);
    assertThat(out.toString()).contains("FAULT at bag-signature.sig");
  }

  @Test
  void operatorKeyAndHeldHeadProveTheBagAndAnotherKeyFails() throws Exception {
    assertThat(run("verify-bundle", bag.toString())).as(out.toString()).isZero();
    assertThat(out.toString()).contains("NOT PROVEN: no trusted key given").contains(operatorKeyId);
    Path head = bag.resolve("data").resolve("tree-head.bin");
    assertThat(
            run(
                "verify-bundle",
                "--trusted-key",
                operatorKeyId,
                "--head",
                head.toString(),
                bag.toString()))
        .as(out.toString())
        .isZero();
    assertThat(out.toString()).startsWith("OK").doesNotContain("NOT PROVEN");
    assertThat(run("verify-bundle", "--trusted-key", "0".repeat(64), bag.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("not a trusted key");
  }

  @Test
  void doctoredVerifyGuideFails() throws Exception {
    replace("data/VERIFY.md", operatorKeyId, "ab".repeat(32));
    assertRebagFails();
  }

  @Test
  void doctoredCheckerFails() throws Exception {
    replace("data/verify_proofs.py", "ALL PROOFS HOLD", "ALL PROOFS HOLD (checked)");
    assertRebagFails();
  }

  @Test
  void removedCustodyLineFails() throws Exception {
    Path custody;
    try (Stream<Path> s = Files.list(bag.resolve("data").resolve("custody"))) {
      custody = s.sorted().findFirst().orElseThrow();
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(custody));
    assertThat(lines).hasSizeGreaterThan(1);
    lines.remove(0);
    Files.write(custody, lines);
    assertRebagFails();
  }

  @Test
  void changedExportReasonFails() throws Exception {
    replace("data/export.json", "ICC OTP request 2026-17", "routine audit");
    replace("bag-info.txt", "ICC OTP request 2026-17", "routine audit");
    assertRebagFails();
  }

  @Test
  void aFileAddedOutsideTheManifestsFails() throws Exception {
    Files.writeString(
        bag.resolve("READ-ME-FIRST.txt"), "The operator's key id is " + "ab".repeat(32));
    assertThat(run("verify-bundle", "--trusted-key", operatorKeyId, bag.toString()))
        .as(out.toString())
        .isEqualTo(1);
    assertThat(out.toString())
        .startsWith("FAULT at READ-ME-FIRST.txt: a file listed in no manifest");
  }

  @Test
  void aBagTurnedIntoTheOlderFormatIsNotProven() throws Exception {
    replace("data/export.json", "\"version\" : 2", "\"version\" : 1");
    Files.delete(bag.resolve("bag-signature.sig"));
    rebag();
    assertThat(run("verify-bundle", bag.toString())).as(out.toString()).isEqualTo(3);
    assertThat(out.toString()).contains("bundle NOT VERIFIED: older bag format 1");
    // a reader of the first line alone, or a script grepping for OK, must not be told it is fine
    assertThat(out.toString()).doesNotStartWith("OK").startsWith("NO FAULT FOUND, NOT PROVEN:");
  }
}
