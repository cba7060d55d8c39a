package org.tocsin.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;

/**
 * Reads every valid post of a Post JSONL file ({@code .gz} decompressed), reporting each invalid
 * line with its number, for batch jobs that do not store what they read.
 */
public final class PostJsonlReader {
  private PostJsonlReader() {}

  /** Hears about lines that are not valid posts. */
  @FunctionalInterface
  public interface Rejections {
    /** A line was skipped, with the reason. */
    void rejected(long lineNumber, String reason);
  }

  /**
   * Reads the file's posts, in file order.
   *
   * @throws IOException if the file cannot be read
   */
  public static List<Post> readAll(Path file, Rejections rejections) throws IOException {
    List<Post> posts = new ArrayList<>();
    try (InputStream in = PostImporter.openJsonl(file)) {
      BoundedLineReader reader = new BoundedLineReader(in, PostJson.MAX_LINE_BYTES);
      BoundedLineReader.Line line;
      long n = 0;
      while ((line = reader.next()) != null) {
        n++;
        if (line.tooLong()) {
          rejections.rejected(n, "line is too long: " + line.length() + " bytes");
        } else if (line.bytes().length > 0) {
          try {
            posts.add(PostJson.read(line.bytes()));
          } catch (PostFormatException e) {
            rejections.rejected(n, e.getMessage());
          }
        }
      }
    }
    return posts;
  }
}
