package org.tocsin.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README a front door: at most 12 KB; every relative Markdown link of the README, and
 * every link from the docs pages and the results index into {@code docs/} or {@code bench/}, leads
 * to a file that exists.
 */
class FrontDoorTest {
  /** The README's size limit, in bytes. */
  static final long MAX_README_BYTES = 12 * 1024;

  /** A Markdown link's target: {@code ](target)} or {@code ](target "title")}. */
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

  @Test
  void readmeIsAtMost12Kb() throws IOException {
    Path readme = root().resolve("README.md");
    assertThat(Files.size(readme))
        .as("README.md must stay a front door: move details into docs/")
        .isLessThanOrEqualTo(MAX_README_BYTES);
  }

  @Test
  void linksIntoDocsAndBenchLeadToFiles() throws IOException {
    Path root = root();
    List<Path> pages = new ArrayList<>();
    pages.add(root.resolve("README.md"));
    pages.add(root.resolve("bench/results/README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : pages) {
      for (String target : links(Files.readString(page, StandardCharsets.UTF_8))) {
        Path resolved = page.getParent().resolve(target).normalize();
        boolean intoDocsOrBench =
            resolved.startsWith(root.resolve("docs")) || resolved.startsWith(root.resolve("bench"));
        if (!intoDocsOrBench && !page.equals(root.resolve("README.md"))) {
          continue;
        }
        checked++;
        if (!Files.exists(resolved)) {
          broken.add(root.relativize(page) + " -> " + target);
        }
      }
    }
    assertThat(checked).as("links checked").isGreaterThan(10);
    assertThat(broken).as("links to files that do not exist").isEmpty();
  }

  @Test
  void linkTargetsLoseFragmentsAndExternalLinks() {
    assertThat(links("see [a](docs/a.md#top) and [b](https://x.example/) and [c](#here)"))
        .containsExactly("docs/a.md");
  }

  /** The relative link targets of a Markdown text, without their {@code #fragment}. */
  static List<String> links(String markdown) {
    List<String> out = new ArrayList<>();
    Matcher m = LINK.matcher(markdown);
    while (m.find()) {
      String target = m.group(1);
      int hash = target.indexOf('#');
      if (hash >= 0) {
        target = target.substring(0, hash);
      }
      if (target.isEmpty() || target.contains("://") || target.startsWith("mailto:")) {
        continue;
      }
      out.add(target);
    }
    return out;
  }

  /** The reactor root: the first ancestor of the working directory holding README.md and docs/. */
  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no README.md with docs/ above " + Path.of("").toAbsolutePath());
  }
}
