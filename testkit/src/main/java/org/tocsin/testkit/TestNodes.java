package org.tocsin.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;

/** Helpers shared by the node, api and cli tests: JSONL files of real posts. */
public final class TestNodes {
  private TestNodes() {}

  /** Writes posts as a JSONL file. */
  public static Path writeJsonl(Path file, List<Post> posts) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Post p : posts) {
      lines.add(PostJson.write(p));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }
}
