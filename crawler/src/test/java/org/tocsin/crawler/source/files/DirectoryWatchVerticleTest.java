package org.tocsin.crawler.source.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tocsin.core.json.PostJsonlParser;
import org.tocsin.crawler.source.ConnectorTestBase;
import org.tocsin.crawler.source.MemorySink;
import org.tocsin.crawler.source.Pacing;
import org.tocsin.testkit.RealPosts;

class DirectoryWatchVerticleTest extends ConnectorTestBase {

  private DirectoryWatchVerticle deploy(Path watched, MemorySink sink) throws Exception {
    DirectoryWatchConfig cfg =
        new DirectoryWatchConfig(
            "files:in", watched.toString(), ".jsonl", 1 << 20, 0, new Pacing(1, 0, 100, 5, 50));
    DirectoryWatchVerticle v =
        new DirectoryWatchVerticle(cfg, sink, cursors(), new Random(1), Clock.systemUTC());
    await(vertx.deployVerticle(v));
    return v;
  }

  @Test
  void everyLineOfEveryFileOnceAcrossGrowthAndRestart() throws Exception {
    List<String> lines = RealPosts.sampleLines();
    Path watched = Files.createDirectories(dir.resolve("in"));
    Files.writeString(watched.resolve("a.jsonl"), String.join("\n", lines.subList(0, 100)) + "\n");
    Files.writeString(watched.resolve("ignored.txt"), "not posts\n");
    MemorySink first = new MemorySink();
    DirectoryWatchVerticle v1 = deploy(watched, first);
    await(first.awaitStored(100));
    // the file grows and a second file arrives, one line without its final newline
    Files.writeString(
        watched.resolve("a.jsonl"),
        String.join("\n", lines.subList(100, 150)) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    Files.writeString(watched.resolve("b.jsonl"), String.join("\n", lines.subList(150, 200)));
    await(first.awaitStored(200));
    await(vertx.undeploy(v1.deploymentID()));

    Files.writeString(watched.resolve("c.jsonl"), lines.get(200) + "\n");
    MemorySink second = new MemorySink();
    DirectoryWatchVerticle v2 = deploy(watched, second);
    await(second.awaitStored(1));
    await(vertx.undeploy(v2.deploymentID()));

    assertThat(first.stored())
        .allSatisfy(c -> assertThat(c.platform()).isEqualTo(PostJsonlParser.FORMAT));
    assertThat(ids(first.stored())).hasSize(200).doesNotHaveDuplicates();
    assertThat(second.stored()).hasSize(1);
    assertThat(new String(second.stored().get(0).body(), StandardCharsets.UTF_8))
        .isEqualTo(lines.get(200));
    assertThat(second.stored().get(0).url()).startsWith("file:").endsWith("c.jsonl#offset=0");
    assertThat(v1.status().errors()).isZero();
  }
}
