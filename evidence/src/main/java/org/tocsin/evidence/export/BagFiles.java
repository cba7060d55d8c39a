package org.tocsin.evidence.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.tocsin.evidence.format.v1.Sha256;

/**
 * The BagIt (RFC 8493) files of a bag: {@code bagit.txt}, {@code bag-info.txt}, {@code
 * manifest-sha256.txt} and {@code tagmanifest-sha256.txt}, written in the form {@code sha256sum -c}
 * reads ({@code <hex><two spaces><path>}), and parsed back for the verifier.
 */
final class BagFiles {

  static final String BAGIT = "bagit.txt";
  static final String BAG_INFO = "bag-info.txt";
  static final String MANIFEST = "manifest-sha256.txt";
  static final String TAG_MANIFEST = "tagmanifest-sha256.txt";
  static final String DATA = "data";

  /**
   * The bag signature (format 2): 64 raw bytes, Ed25519 by the tree-head key over {@code
   * TOCSIN-BAG-V2} and the tag manifest ({@link org.tocsin.evidence.sign.BagSignature}). A tag file
   * that the tag manifest cannot list, since it signs it.
   */
  static final String BAG_SIGNATURE = "bag-signature.sig";

  static final String BAGIT_TEXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

  /** One manifest line: the digest, the bag-relative path and the 1-based line number. */
  record Entry(String sha256, String path, int line) {}

  private BagFiles() {}

  /**
   * Writes the tag files of the bag at {@code bag} around its complete {@code data/} directory and
   * returns the bag digest: the lower-case hex SHA-256 of {@code tagmanifest-sha256.txt}.
   *
   * @param info bag-info fields after the computed ones (Bagging-Date, Payload-Oxum, Bag-Size)
   */
  static String seal(Path bag, Map<String, String> info, LocalDate baggingDate) throws IOException {
    List<Path> payload = listFiles(bag.resolve(DATA));
    StringBuilder manifest = new StringBuilder();
    long octets = 0;
    for (Path p : payload) {
      manifest.append(sha256(p)).append("  ").append(relative(bag, p)).append('\n');
      octets += Files.size(p);
    }
    write(bag.resolve(MANIFEST), manifest.toString());
    write(bag.resolve(BAGIT), BAGIT_TEXT);
    Map<String, String> fields = new LinkedHashMap<>(info);
    fields.put("Bagging-Date", baggingDate.toString());
    fields.put("Payload-Oxum", octets + "." + payload.size());
    fields.put("Bag-Size", humanSize(octets));
    StringBuilder bi = new StringBuilder();
    fields.forEach((k, v) -> bi.append(k).append(": ").append(oneLine(v)).append('\n'));
    write(bag.resolve(BAG_INFO), bi.toString());
    StringBuilder tags = new StringBuilder();
    for (String t : List.of(BAGIT, BAG_INFO, MANIFEST)) {
      tags.append(sha256(bag.resolve(t))).append("  ").append(t).append('\n');
    }
    write(bag.resolve(TAG_MANIFEST), tags.toString());
    return sha256(bag.resolve(TAG_MANIFEST));
  }

  /** Today's date in UTC, as bag-info's Bagging-Date wants it. */
  static LocalDate today(java.time.Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  /** Every regular file under {@code dir}, sorted by path. */
  static List<Path> listFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** The bag-relative path of a file, with forward slashes. */
  static String relative(Path bag, Path file) {
    return bag.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  /**
   * Parses a manifest: one {@code <hex> <path>} a line (one or more spaces, or {@code " *"}).
   *
   * @throws IllegalArgumentException naming the line that is malformed or names an unsafe path
   */
  static List<Entry> parseManifest(String text, String name) {
    List<Entry> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (l.isEmpty() && i == lines.length - 1) {
        break;
      }
      int sp = l.indexOf(' ');
      String hex = sp < 0 ? l : l.substring(0, sp);
      String path = sp < 0 ? "" : l.substring(sp).stripLeading();
      path = path.startsWith("*") ? path.substring(1) : path;
      if (!hex.matches("[0-9a-fA-F]{64}") || path.isEmpty()) {
        throw new IllegalArgumentException(name + " line " + (i + 1) + ": not '<sha256> <path>'");
      }
      if (!safe(path)) {
        throw new IllegalArgumentException(name + " line " + (i + 1) + ": unsafe path " + path);
      }
      out.add(new Entry(hex.toLowerCase(Locale.ROOT), path, i + 1));
    }
    return out;
  }

  /** Parses bag-info.txt into label/value pairs (continuation lines joined with a space). */
  static Map<String, String> parseInfo(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    String last = null;
    for (String l : text.split("\r?\n")) {
      if (!l.isEmpty() && (l.charAt(0) == ' ' || l.charAt(0) == '\t') && last != null) {
        out.put(last, out.get(last) + " " + l.strip());
      } else if (l.indexOf(':') > 0) {
        last = l.substring(0, l.indexOf(':')).strip();
        out.put(last, l.substring(l.indexOf(':') + 1).strip());
      }
    }
    return out;
  }

  /** Whether a bag-relative path stays inside the bag. */
  static boolean safe(String path) {
    return !path.startsWith("/")
        && !path.contains("\\")
        && !path.contains(":")
        && Stream.of(path.split("/"))
            .noneMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."));
  }

  /** Lower-case hex SHA-256 of a file, streamed. */
  static String sha256(Path file) throws IOException {
    MessageDigest md = Sha256.newDigest();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return Sha256.hex(md.digest());
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** A bag-info value on one line: line breaks and tabs become spaces. */
  static String oneLine(String v) {
    return v.replaceAll("[\\r\\n\\t]+", " ").strip();
  }

  static String humanSize(long octets) {
    if (octets < 1024) {
      return octets + " B";
    }
    double v = octets;
    String[] units = {"KB", "MB", "GB", "TB"};
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
