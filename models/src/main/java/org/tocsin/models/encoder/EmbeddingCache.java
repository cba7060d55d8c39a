package org.tocsin.models.encoder;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.tocsin.nlp.encoder.SentenceEncoder;

/**
 * Encoder vectors by text, kept in a local file between runs (training reads tens of thousands of
 * texts; the encoder embeds a few hundred a second). The file is a cache, never an artifact: it
 * holds only what the shipped encoder computes from the text and can be deleted at any time.
 */
final class EmbeddingCache {
  private final Path file;
  private final Map<String, float[]> vectors = new HashMap<>();

  EmbeddingCache(Path file) throws IOException {
    this.file = file;
    if (Files.exists(file)) {
      try (DataInputStream in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
        while (true) {
          String text;
          try {
            text = in.readUTF();
          } catch (EOFException e) {
            break;
          }
          float[] v = new float[SentenceEncoder.DIMENSION];
          for (int i = 0; i < v.length; i++) {
            v[i] = in.readFloat();
          }
          vectors.put(text, v);
        }
      } catch (EOFException e) {
        // a run cut short leaves a partial last record: the complete ones are kept
        vectors.size();
      }
    }
  }

  /** The vectors of the texts, embedding (and appending to the file) those not cached yet. */
  Map<String, float[]> vectors(List<String> texts, SentenceEncoder encoder, IntConsumer progress)
      throws IOException {
    List<String> missing = new ArrayList<>(new LinkedHashSet<>(texts));
    missing.removeIf(vectors::containsKey);
    if (!missing.isEmpty()) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (DataOutputStream out =
          new DataOutputStream(
              new BufferedOutputStream(
                  Files.newOutputStream(
                      file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
        for (int from = 0; from < missing.size(); from += 256) {
          List<String> batch = missing.subList(from, Math.min(missing.size(), from + 256));
          List<float[]> vs = encoder.embedAll(batch);
          for (int i = 0; i < batch.size(); i++) {
            String t = batch.get(i);
            vectors.put(t, vs.get(i));
            if (t.length() > 20_000) {
              continue; // writeUTF's limit; such texts are embedded again next time
            }
            out.writeUTF(t);
            for (float f : vs.get(i)) {
              out.writeFloat(f);
            }
          }
          out.flush();
          progress.accept(from + batch.size());
        }
      }
    }
    return vectors;
  }
}
