package org.tocsin.nlp.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** Where the files of an artifact come from: a directory or a classpath prefix. */
abstract class ArtifactFiles {

  /** A human-readable name of a file of the artifact, for error messages. */
  abstract String describe(String name);

  /** The bytes of a file of the artifact. */
  abstract byte[] read(String name) throws IOException;

  static ArtifactFiles directory(Path dir) {
    Objects.requireNonNull(dir, "dir");
    return new ArtifactFiles() {
      @Override
      String describe(String name) {
        return dir.resolve(name).toString();
      }

      @Override
      byte[] read(String name) throws IOException {
        try {
          return Files.readAllBytes(dir.resolve(name));
        } catch (NoSuchFileException e) {
          throw new ModelFormatException("file missing from the artifact", describe(name), e);
        }
      }
    };
  }

  static ArtifactFiles classpath(ClassLoader loader, String prefix) {
    Objects.requireNonNull(loader, "loader");
    String base = prefix.endsWith("/") ? prefix : prefix + "/";
    return new ArtifactFiles() {
      @Override
      String describe(String name) {
        return "classpath:" + base + name;
      }

      @Override
      byte[] read(String name) throws IOException {
        try (InputStream in = loader.getResourceAsStream(base + name)) {
          if (in == null) {
            throw new ModelFormatException("resource missing from the classpath", describe(name));
          }
          return in.readAllBytes();
        }
      }
    };
  }

  /** Reads a file and checks it against the SHA-256 the manifest records. */
  byte[] readVerified(ArtifactManifest.FileRef ref) throws IOException {
    byte[] bytes = read(ref.name());
    String actual = sha256(bytes);
    if (!actual.equalsIgnoreCase(ref.sha256())) {
      throw new ModelFormatException(
          "SHA-256 differs from the manifest, the file is truncated or altered (expected "
              + ref.sha256()
              + ", got "
              + actual
              + ", "
              + bytes.length
              + " bytes)",
          describe(ref.name()));
    }
    return bytes;
  }

  /** The lower-case hex SHA-256 of some bytes. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
