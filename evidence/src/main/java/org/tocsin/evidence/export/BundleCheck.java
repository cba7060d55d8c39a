package org.tocsin.evidence.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.tocsin.core.json.Json;
import org.tocsin.evidence.format.v1.Sha256;
import org.tocsin.evidence.sign.BagSignature;
import org.tocsin.evidence.sign.PublishedHead;
import org.tocsin.evidence.sign.SignedTreeHead;
import org.tocsin.evidence.sign.TreeHeadKeys;
import org.tocsin.evidence.sign.TrustedKeys;
import org.tocsin.evidence.timestamp.TimestampTokens;

/**
 * One run of {@link BundleVerifier}: the bag-level checks and the tree head, in order, then the
 * proofs ({@link ProofCheck}), the WARC ({@link WarcCheck}) and the JSON files ({@link
 * ContentCheck}). The first fault ends the run.
 */
final class BundleCheck {

  /** The first fault, with where it is. */
  static final class Fault extends Exception {
    private static final long serialVersionUID = 1L;
    final String location;

    Fault(String location, String problem) {
      super(problem, null, false, false);
      this.location = location;
    }
  }

  static final ObjectMapper MAPPER = Json.mapper();

  final Path bag;
  final Path data;
  private final TrustedKeys trusted;
  private final List<PublishedHead> held;
  private final List<String> unproven = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  String location = "bag";
  String bagSha256;
  String keyId;
  SignedTreeHead head;
  byte[] headPayload;
  private PublicKey bundledKey;
  private int format;

  BundleCheck(Path bag, TrustedKeys trusted, List<PublishedHead> held) {
    this.bag = bag;
    this.data = bag.resolve(BagFiles.DATA);
    this.trusted = trusted;
    this.held = List.copyOf(held);
  }

  BundleReport run() {
    try {
      structure();
      Set<String> tagFiles = tagManifest();
      manifest();
      unlisted(tagFiles);
      treeHead();
      bagSignature();
      trust();
      ProofCheck proofs = new ProofCheck(this);
      proofs.checkAll();
      List<Long> items = proofs.items();
      new WarcCheck(this, proofs).check(items);
      new ContentCheck(this, proofs).check(items);
      heldHeads();
      return BundleReport.passed(items.size(), bagSha256, keyId, format, unproven, notes);
    } catch (Fault f) {
      return BundleReport.failed(f.location, f.getMessage(), bagSha256, keyId, format);
    } catch (IOException | RuntimeException e) {
      return BundleReport.failed(location, "unreadable: " + e, bagSha256, keyId, format);
    }
  }

  /**
   * Format 2 bags carry a signature over the tag manifest by the head's key, which binds every
   * file; format 1 bags do not, and the report says what that leaves unproven.
   */
  private void bagSignature() throws Fault, IOException {
    String ef = "data/" + BundleContent.EXPORT;
    JsonNode v = json(ef).path("version");
    if (!v.isInt() || v.asInt() < 1 || v.asInt() > BundleContent.FORMAT_VERSION) {
      throw new Fault(
          ef + " field version",
          "not a bag format this verifier knows (1 to "
              + BundleContent.FORMAT_VERSION
              + ") [got "
              + v
              + "]");
    }
    format = v.asInt();
    Path sig = bag.resolve(BagFiles.BAG_SIGNATURE);
    if (format == 1 && !Files.exists(sig)) {
      unproven.add(
          "older bag format 1: its files (VERIFY.md, verify_proofs.py, custody, export.json,"
              + " bag-info.txt) are bound only by its manifests, which anyone can recompute, not"
              + " by a signature; a re-bagged copy with a changed file cannot be told from the"
              + " original (format 2 bags sign them)");
      return;
    }
    byte[] signature = read(BagFiles.BAG_SIGNATURE);
    if (!BagSignature.verify(bundledKey, read(BagFiles.TAG_MANIFEST), signature)) {
      throw new Fault(
          BagFiles.BAG_SIGNATURE,
          "the bag signature does not verify under data/"
              + ProofFiles.PUBLIC_KEY
              + " (key "
              + keyId
              + "): a file of the bag was changed and the manifests recomputed after export");
    }
  }

  /** The bundled key against the user's trusted keys. */
  private void trust() throws Fault {
    location = "data/" + ProofFiles.PUBLIC_KEY;
    if (trusted.isEmpty()) {
      notes.add(
          "no trusted key given: the signatures prove only that the key bundled in data/"
              + ProofFiles.PUBLIC_KEY
              + " (key id "
              + keyId
              + ") signed this head"
              + (format >= 2 ? " and bag" : "")
              + "; compare that id with the one published through a trusted channel, or pass"
              + " --trusted-key");
      return;
    }
    if (!trusted.trusts(keyId)) {
      throw new Fault(
          "data/" + ProofFiles.PUBLIC_KEY,
          "the tree head"
              + (format >= 2 ? " and bag are" : " is")
              + " signed by key "
              + keyId
              + ", which is not a trusted key "
              + new java.util.TreeSet<>(trusted.ids()));
    }
  }

  /** Heads the user holds: each must be signed by a trusted key and agree with the bag's head. */
  private void heldHeads() throws Fault {
    for (PublishedHead p : held) {
      SignedTreeHead h = p.head();
      String at = "held head " + p.source();
      location = at;
      List<PublicKey> candidates = new ArrayList<>();
      candidates.add(bundledKey);
      if (p.publishedKey() != null) {
        candidates.add(p.publishedKey());
      }
      List<PublicKey> keys = trusted.isEmpty() ? List.of(bundledKey) : trusted.resolve(candidates);
      if (keys.stream().noneMatch(h::verify)) {
        throw new Fault(
            at,
            "signed by key "
                + h.keyIdHex()
                + ", and its signature does not verify under "
                + (trusted.isEmpty() ? "the bundled key " + keyId : "a trusted key"));
      }
      if (!java.util.Arrays.equals(h.ledgerId(), head.ledgerId())) {
        throw new Fault(at, "names ledger " + Sha256.hex(h.ledgerId()) + ", not the bag's");
      }
      if (h.treeSize() == head.treeSize()) {
        if (!java.util.Arrays.equals(h.rootHash(), head.rootHash())) {
          throw new Fault(
              at,
              "has the size "
                  + h.treeSize()
                  + " of the bag's head but root "
                  + h.rootHashHex()
                  + ", not "
                  + head.rootHashHex()
                  + ": the ledger was rewritten");
        }
      } else {
        unproven.add(
            "held head "
                + p.source()
                + " has size "
                + h.treeSize()
                + ", the bag's head "
                + head.treeSize()
                + "; a bag carries no consistency proof between them: check the ledger itself"
                + " (tocsin verify --head) or GET /api/v1/evidence/consistency");
      }
    }
  }

  /** Reads a bag-relative file, or faults with its name if it is missing. */
  byte[] read(String rel) throws Fault, IOException {
    location = rel;
    if (!BagFiles.safe(rel)) {
      throw new Fault(rel, "unsafe path");
    }
    Path p = bag.resolve(rel);
    if (!Files.isRegularFile(p)) {
      throw new Fault(rel, "missing");
    }
    return Files.readAllBytes(p);
  }

  /** Reads a bag-relative JSON file. */
  JsonNode json(String rel) throws Fault, IOException {
    byte[] b = read(rel);
    try {
      return MAPPER.readTree(b);
    } catch (IOException e) {
      throw new Fault(rel, "not JSON: " + e.getMessage());
    }
  }

  private void structure() throws Fault, IOException {
    if (!Files.isDirectory(bag)) {
      throw new Fault(bag.toString(), "not a directory");
    }
    Map<String, String> bagit =
        BagFiles.parseInfo(new String(read(BagFiles.BAGIT), StandardCharsets.UTF_8));
    if (!"1.0".equals(bagit.get("BagIt-Version"))
        || !"UTF-8".equalsIgnoreCase(bagit.get("Tag-File-Character-Encoding"))) {
      throw new Fault(BagFiles.BAGIT, "not BagIt-Version 1.0 with UTF-8 tag files: " + bagit);
    }
    if (!Files.isDirectory(data)) {
      throw new Fault(BagFiles.DATA + "/", "missing payload directory");
    }
    read(BagFiles.BAG_INFO);
  }

  /**
   * Every file outside {@code data/} must be a tag file the tag manifest lists (so that the bag
   * signature binds it), the tag manifest itself or the bag signature. Any other file was not
   * written by the export and nothing binds it: a note telling the court which key to trust, a
   * custody "addendum". BagIt allows unlisted tag files; a court's bag may not have them.
   */
  private void unlisted(Set<String> tagFiles) throws Fault, IOException {
    location = "bag";
    List<Path> outside;
    try (Stream<Path> s = Files.walk(bag)) {
      outside =
          s.filter(p -> !p.startsWith(data) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
              .sorted()
              .toList();
    }
    for (Path p : outside) {
      String rel = BagFiles.relative(bag, p);
      if (!tagFiles.contains(rel)
          && !rel.equals(BagFiles.TAG_MANIFEST)
          && !rel.equals(BagFiles.BAG_SIGNATURE)) {
        throw new Fault(
            rel,
            "a file listed in no manifest: the export did not write it and no signature binds"
                + " it");
      }
    }
  }

  private Set<String> tagManifest() throws Fault, IOException {
    byte[] tm = read(BagFiles.TAG_MANIFEST);
    bagSha256 = Sha256.hex(Sha256.digest(tm));
    List<BagFiles.Entry> entries = entries(BagFiles.TAG_MANIFEST, tm);
    Set<String> listed = new HashSet<>();
    for (BagFiles.Entry e : entries) {
      String at = BagFiles.TAG_MANIFEST + " line " + e.line() + " (" + e.path() + ")";
      if (e.path().startsWith(BagFiles.DATA + "/")) {
        throw new Fault(at, "a tag manifest may not list payload files");
      }
      checkDigest(e, at);
      listed.add(e.path());
    }
    for (String t : List.of(BagFiles.BAGIT, BagFiles.BAG_INFO, BagFiles.MANIFEST)) {
      if (!listed.contains(t)) {
        throw new Fault(BagFiles.TAG_MANIFEST, "does not list " + t);
      }
    }
    return listed;
  }

  private void manifest() throws Fault, IOException {
    List<BagFiles.Entry> entries = entries(BagFiles.MANIFEST, read(BagFiles.MANIFEST));
    Set<String> listed = new HashSet<>();
    long octets = 0;
    for (BagFiles.Entry e : entries) {
      String at = BagFiles.MANIFEST + " line " + e.line() + " (" + e.path() + ")";
      if (!e.path().startsWith(BagFiles.DATA + "/") || !listed.add(e.path())) {
        throw new Fault(at, "not a payload file, or listed twice");
      }
      checkDigest(e, at);
      octets += Files.size(bag.resolve(e.path()));
    }
    location = BagFiles.DATA + "/";
    for (Path p : BagFiles.listFiles(data)) {
      String rel = BagFiles.relative(bag, p);
      if (!listed.contains(rel)) {
        throw new Fault(rel, "payload file not listed in " + BagFiles.MANIFEST);
      }
    }
    String oxum =
        BagFiles.parseInfo(new String(read(BagFiles.BAG_INFO), StandardCharsets.UTF_8))
            .get("Payload-Oxum");
    String actual = octets + "." + listed.size();
    if (!actual.equals(oxum)) {
      throw new Fault(
          BagFiles.BAG_INFO + " Payload-Oxum", "says " + oxum + ", the payload is " + actual);
    }
  }

  private List<BagFiles.Entry> entries(String name, byte[] text) throws Fault {
    try {
      return BagFiles.parseManifest(new String(text, StandardCharsets.UTF_8), name);
    } catch (IllegalArgumentException e) {
      throw new Fault(name, e.getMessage());
    }
  }

  private void checkDigest(BagFiles.Entry e, String at) throws Fault, IOException {
    Path p = bag.resolve(e.path());
    if (!Files.isRegularFile(p)) {
      throw new Fault(at, "file is missing");
    }
    String actual = BagFiles.sha256(p);
    if (!actual.equals(e.sha256())) {
      throw new Fault(at, "sha256 mismatch: listed " + e.sha256() + ", file has " + actual);
    }
  }

  private void treeHead() throws Fault, IOException {
    String bin = "data/" + ProofFiles.TREE_HEAD_BIN;
    headPayload = read(bin);
    try {
      head = SignedTreeHead.decode(headPayload);
    } catch (IllegalArgumentException e) {
      throw new Fault(bin, e.getMessage());
    }
    String pemFile = "data/" + ProofFiles.PUBLIC_KEY;
    PublicKey key;
    try {
      key = TreeHeadKeys.publicKeyFromPem(new String(read(pemFile), StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new Fault(pemFile, e.getMessage());
    }
    keyId = Sha256.hex(TreeHeadKeys.keyId(key));
    bundledKey = key;
    if (!keyId.equals(head.keyIdHex())) {
      throw new Fault(
          pemFile, "key id " + keyId + " is not the key id " + head.keyIdHex() + " of the head");
    }
    if (!head.verify(key)) {
      throw new Fault(bin, "the Ed25519 signature does not verify under " + pemFile);
    }
    String jf = "data/" + ProofFiles.TREE_HEAD_JSON;
    JsonNode j = json(jf);
    Map<String, String> want =
        Map.of(
            "ledgerId", Sha256.hex(head.ledgerId()),
            "treeSize", Long.toString(head.treeSize()),
            "rootHash", head.rootHashHex(),
            "timeMicros", Long.toString(head.timeMicros()),
            "keyId", head.keyIdHex(),
            "signature", Sha256.hex(head.signature()));
    for (Map.Entry<String, String> w : new java.util.TreeMap<>(want).entrySet()) {
      String got = j.path(w.getKey()).asText(null);
      if (!w.getValue().equals(got)) {
        throw new Fault(
            jf + " field " + w.getKey(),
            "says " + got + ", the signed " + bin + " says " + w.getValue());
      }
    }
    List<JsonNode> stamps = new ArrayList<>();
    j.path("timestamps").forEach(stamps::add);
    for (int i = 0; i < stamps.size(); i++) {
      String tok = "data/" + stamps.get(i).path("token").asText("");
      byte[] token = read(tok);
      try {
        TimestampTokens.check(token, headPayload);
      } catch (IllegalArgumentException e) {
        throw new Fault(tok, e.getMessage());
      }
    }
  }
}
