package org.tocsin.node.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One key store file shared by a running node and the CLI: two store instances in this JVM (the
 * node's and the CLI's), many threads, and a second process, all creating and revoking at once.
 */
class ApiKeyStoreTest {
  @TempDir Path data;

  @Test
  void revocationByAnotherStoreCountsAtOnceAndIsNeverUndone() throws Exception {
    ApiKeyStore node = ApiKeyStore.open(data);
    ApiKeyStore.CreatedKey k = node.create(Role.ANALYST, "analyst");
    assertThat(node.authenticate(k.token())).isPresent();

    ApiKeyStore cli = ApiKeyStore.open(data);
    assertThat(cli.revoke(k.key().id())).isTrue();
    // the node's copy is stale, but it looks at the file before answering
    assertThat(node.authenticate(k.token())).isEmpty();
    assertThat(node.list()).singleElement().satisfies(x -> assertThat(x.active()).isFalse());

    // a change through the node's store must not write the key back as active
    ApiKeyStore.CreatedKey other = node.create(Role.ADMIN, "admin");
    assertThat(ApiKeyStore.open(data).authenticate(k.token())).isEmpty();
    assertThat(ApiKeyStore.open(data).list()).hasSize(2);

    // a key the CLI makes works in the node at once, and a later node change keeps it
    ApiKeyStore.CreatedKey made = cli.create(Role.TRUST, "made by the cli");
    assertThat(node.authenticate(made.token())).isPresent();
    assertThat(node.revoke(other.key().id())).isTrue();
    assertThat(ApiKeyStore.open(data).authenticate(made.token())).isPresent();
  }

  @Test
  void fileAndLockAreOwnerOnly() throws Exception {
    Path file = data.resolve("api-keys.json");
    ApiKeyStore.open(data).create(Role.ANALYST, "a");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(data.resolve("api-keys.json.lock"))))
          .isEqualTo("rw-------");
      // a file left world-readable by an older version is narrowed on open
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      ApiKeyStore.open(data);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    try (var files = Files.list(data)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("api-keys.json", "api-keys.json.lock");
    }
  }

  @Test
  void unreadableFileFailsClosed() throws Exception {
    ApiKeyStore store = ApiKeyStore.open(data);
    ApiKeyStore.CreatedKey k = store.create(Role.ADMIN, "admin");
    Files.writeString(data.resolve("api-keys.json"), "{\"keys\": [ broken");
    assertThat(store.authenticate(k.token())).isEmpty();
  }

  @Test
  void racingStoresAndProcessesLoseNoCreationOrRevocation() throws Exception {
    int threads = 4;
    int perThread = 60;
    int childKeys = 60;
    ApiKeyStore nodeSide = ApiKeyStore.open(data);
    ApiKeyStore cliSide = ApiKeyStore.open(data);
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KeyStoreChild.class.getName(),
                data.toString(),
                Integer.toString(childKeys))
            .redirectError(data.resolveSibling(data.getFileName() + "-child.err").toFile())
            .start();

    Map<String, Boolean> expectedActive = new ConcurrentHashMap<>();
    Map<String, String> tokens = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "key-race"));
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                  // alternate stores: half the writes come from a store whose copy is stale
                  ApiKeyStore mine = (i + thread) % 2 == 0 ? nodeSide : cliSide;
                  ApiKeyStore theirs = mine == nodeSide ? cliSide : nodeSide;
                  ApiKeyStore.CreatedKey k = mine.create(Role.TRUST, "t" + thread + "-" + i);
                  tokens.put(k.key().id(), k.token());
                  expectedActive.put(k.key().id(), true);
                  if (i % 3 == 0) {
                    assertThat(theirs.revoke(k.key().id())).isTrue();
                    expectedActive.put(k.key().id(), false);
                  }
                }
                return null;
              }));
    }
    go.countDown();
    List<String> childLines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        childLines.add(line);
      }
    }
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue())
        .as(Files.readString(data.resolveSibling(data.getFileName() + "-child.err")))
        .isZero();
    for (String line : childLines) {
      String[] parts = line.split(" ");
      expectedActive.put(parts[1], parts[0].equals("created")); // lines come in order
    }
    assertThat(childLines).hasSize(childKeys + childKeys / 2);

    Map<String, Boolean> stored =
        ApiKeyStore.open(data).list().stream()
            .collect(Collectors.toMap(ApiKey::id, ApiKey::active));
    assertThat(stored).hasSize(threads * perThread + childKeys).isEqualTo(expectedActive);
    // both in-process stores agree with the file, and answer by it
    for (ApiKeyStore s : List.of(nodeSide, cliSide)) {
      assertThat(s.list().stream().collect(Collectors.toMap(ApiKey::id, ApiKey::active)))
          .isEqualTo(stored);
      for (Map.Entry<String, String> e : tokens.entrySet()) {
        assertThat(s.authenticate(e.getValue()).isPresent()).isEqualTo(stored.get(e.getKey()));
      }
    }
  }
}
