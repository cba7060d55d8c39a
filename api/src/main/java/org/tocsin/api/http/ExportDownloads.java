package org.tocsin.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tocsin.core.json.Json;
import org.tocsin.evidence.export.ExportResult;

/**
 * An export bag as one file a browser can download: {@code DATA/exports/<bag>.zip}, written once
 * when the bag is, with its entries in name order and fixed times so that the same bag always gives
 * the same bytes, and a side file {@code <bag>.zip.json} holding its SHA-256 and the captures it
 * holds (the download is an access to each, logged in custody).
 */
final class ExportDownloads {
  /** What a download's file name looks like: the bag's name and {@code .zip}, nothing else. */
  static final Pattern NAME =
      Pattern.compile("tocsin-export-[0-9A-Za-z]+-[0-9a-f]{1,64}(-[0-9]{1,6})?\\.zip");

  /** 1980-01-01T00:00:00Z, the first time a zip entry can carry: every entry gets it. */
  private static final long ZIP_EPOCH_MILLIS = 315_532_800_000L;

  private ExportDownloads() {}

  /** A written download: its file name, size and SHA-256. */
  record Download(String name, long bytes, String sha256) {}

  /** A download as its side file records it. */
  record Recorded(Path zip, String sha256, List<Long> seqs) {}

  /**
   * Zips an export's bag beside it and records the zip's SHA-256 and captures.
   *
   * @throws IOException if the bag cannot be read or the zip written
   */
  static Download write(ExportResult export) throws IOException {
    Path bag = export.bag();
    String name = export.bagName() + ".zip";
    Path zip = bag.resolveSibling(name);
    Path tmp = bag.resolveSibling(name + ".tmp");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(bag)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    MessageDigest sha = sha256();
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha);
        ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Path f : files) {
        String entry = export.bagName() + "/" + bag.relativize(f).toString().replace('\\', '/');
        ZipEntry e = new ZipEntry(entry);
        e.setTime(ZIP_EPOCH_MILLIS);
        z.putNextEntry(e);
        Files.copy(f, z);
        z.closeEntry();
      }
    }
    Files.move(
        tmp,
        zip,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    String hex = HexFormat.of().formatHex(sha.digest());
    ObjectNode side = Json.mapper().createObjectNode();
    side.put("sha256", hex);
    side.put("bag", export.bagName());
    ArrayNode seqs = side.putArray("seqs");
    export.seqs().forEach(seqs::add);
    Files.write(
        bag.resolveSibling(name + ".json"), side.toString().getBytes(StandardCharsets.UTF_8));
    return new Download(name, Files.size(zip), hex);
  }

  /**
   * The download of that name in an exports directory, if it is one.
   *
   * @throws IOException if its side file cannot be read
   */
  static Optional<Recorded> find(Path exportsDir, String name) throws IOException {
    if (name == null || !NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    Path zip = exportsDir.resolve(name);
    Path side = exportsDir.resolve(name + ".json");
    if (!zip.normalize().getParent().equals(exportsDir.normalize())
        || !Files.isRegularFile(zip)
        || !Files.isRegularFile(side)) {
      return Optional.empty();
    }
    JsonNode n = Json.mapper().readTree(side.toFile());
    List<Long> seqs = new ArrayList<>();
    n.path("seqs").forEach(s -> seqs.add(s.asLong()));
    return Optional.of(new Recorded(zip, n.path("sha256").asText(), seqs));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
