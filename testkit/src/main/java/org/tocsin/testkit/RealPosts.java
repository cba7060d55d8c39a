package org.tocsin.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;

/**
 * A small sample of real posts for tests: about 300 lines of the bundled demo corpus (IRA tweets,
 * some not in English, and HateXplain posts of each label), in Post JSON. See the corpus's {@code
 * ATTRIBUTION.md} for sources and licences.
 *
 * <p>Content warning: the sample holds real hate speech.
 */
public final class RealPosts {

  /** The classpath resource that holds the sample, one Post JSON document per line. */
  public static final String RESOURCE = "/org/tocsin/testkit/posts-sample.jsonl";

  private RealPosts() {}

  /** The sample's lines as stored, without line breaks; the list is unmodifiable. */
  public static List<String> sampleLines() {
    return Holder.LINES;
  }

  /** The sample parsed with {@link PostJson}, in file order; the list is unmodifiable. */
  public static List<Post> sample() {
    return Holder.POSTS;
  }

  /** Loads the sample once, on first use. */
  private static final class Holder {
    static final List<String> LINES = readLines();
    static final List<Post> POSTS = parse(LINES);

    private static List<String> readLines() {
      try (InputStream in = RealPosts.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the real-post sample is missing: " + RESOURCE);
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (!line.isBlank()) {
            lines.add(line);
          }
        }
        return List.copyOf(lines);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }

    private static List<Post> parse(List<String> lines) {
      List<Post> posts = new ArrayList<>(lines.size());
      for (int i = 0; i < lines.size(); i++) {
        try {
          posts.add(PostJson.read(lines.get(i)));
        } catch (PostFormatException e) {
          throw new IllegalStateException(RESOURCE + " line " + (i + 1) + ": " + e.getMessage(), e);
        }
      }
      return List.copyOf(posts);
    }
  }
}
