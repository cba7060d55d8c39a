package org.tocsin.crawler.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class FileCursorStoreTest {
  @TempDir Path dir;

  @Test
  void savesAtomicallyAndReloads(Vertx vertx) throws Exception {
    FileCursorStore store = new FileCursorStore(vertx, dir.resolve("cursors"));
    assertThat(store.load("mastodon:m.example/api").await()).isEqualTo(new JsonObject());
    store.save("mastodon:m.example/api", new JsonObject().put("newest", "1")).await();
    store.save("mastodon:m.example/api", new JsonObject().put("newest", "2")).await();
    assertThat(store.load("mastodon:m.example/api").await().getString("newest")).isEqualTo("2");
    assertThat(store.load("other").await()).isEqualTo(new JsonObject());
    try (var files = Files.list(dir.resolve("cursors"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .singleElement()
          .satisfies(n -> assertThat(n).startsWith("mastodon_m.example_api-").endsWith(".json"));
    }
  }
}
