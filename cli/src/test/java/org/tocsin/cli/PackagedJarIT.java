package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.sign.TreeHeadKeys;
import org.tocsin.evidence.timestamp.LoopbackTsa;
import org.tocsin.testkit.RealPosts;

/**
 * Runs what ships: {@code target/tocsin.jar} with its own {@code lib/}, in a JVM of its own, not
 * the test classpath. A node that time-stamps its tree heads with an RFC 3161 authority (a real
 * one, on loopback) is served headless; then its ledger is verified, exported and the bundle
 * verified, each by the packaged jar: the path that failed with {@code NoClassDefFoundError} when
 * BouncyCastle was on the test classpath only.
 *
 * <p>Runs in the {@code integration-test} phase, after the jar is packaged (see cli/pom.xml).
 */
class PackagedJarIT {
  @TempDir Path dir;

  private static final Path JAR = Path.of("target", "tocsin.jar");
  private final AtomicLong runs = new AtomicLong();

  private record Proc(Process process, Path log) {
    String output() throws IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }
  }

  @Test
  void servesWithATimeStampAuthorityThenVerifiesAndExportsFromThePackagedJar() throws Exception {
    assertThat(JAR).as("the packaged jar (mvn package)").isRegularFile();
    assertThat(JAR.resolveSibling("lib")).isDirectory();
    Path data = dir.resolve("data");
    Path posts = dir.resolve("posts.jsonl");
    Files.write(posts, RealPosts.sampleLines().subList(0, 20), StandardCharsets.UTF_8);
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (LoopbackTsa tsa = new LoopbackTsa()) {
      Path config = dir.resolve("tocsin.json");
      Files.writeString(
          config,
          new JsonObject()
              .put("http", new JsonObject().put("port", port))
              // the time-stamp authority is on loopback: the outbound guard must be told
              .put(
                  "security",
                  new JsonObject().put("outboundAllow", new JsonArray().add("127.0.0.0/8")))
              .put(
                  "evidence",
                  new JsonObject()
                      .put("treeHeadIntervalSeconds", 1)
                      .put("timestampAuthorities", new JsonArray().add(tsa.uri().toString())))
              .encode(),
          StandardCharsets.UTF_8);

      Proc imported = run(List.of("import", "--data", data.toString(), posts.toString()));
      assertThat(imported.process().exitValue()).as(imported.output()).isZero();

      Proc apiKey =
          run(
              List.of(
                  "keys", "create", "--data", data.toString(), "--role", "trust", "--name", "it"));
      assertThat(apiKey.process().exitValue()).as(apiKey.output()).isZero();
      List<String> keyLines = apiKey.output().strip().lines().toList();
      String token = keyLines.get(keyLines.size() - 1).strip();
      assertThat(token).startsWith("tk_");

      // serve, ingest one post over HTTP (a new record: the next tree head is signed and sent to
      // the authority), wait until the node's own tree-head route shows the token, then stop it
      List<String> cmd =
          command(List.of("serve", "--data", data.toString(), "--config", config.toString()));
      Process serve = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      StringBuffer serveOut = new StringBuffer();
      CompletableFuture<Void> listening = new CompletableFuture<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    serveOut.append(line).append('\n');
                    if (line.contains("127.0.0.1:" + port)) {
                      listening.complete(null);
                    }
                  }
                } catch (IOException e) {
                  // the process went away
                }
                listening.completeExceptionally(
                    new AssertionError("serve ended before listening:\n" + serveOut));
              },
              "packaged-jar-it-serve-output");
      reader.setDaemon(true);
      reader.start();
      ScheduledExecutorService timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "packaged-jar-it-tree-head-check");
                t.setDaemon(true);
                return t;
              });
      try {
        listening.get(120, TimeUnit.SECONDS);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ingest =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/posts"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-ndjson")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(RealPosts.sampleLines().get(20) + "\n"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ingest.statusCode()).as(ingest.body()).isEqualTo(202);
        // a checkpoint on a timer, as a client would: the latest head with its token
        CompletableFuture<JsonObject> stamped = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicReference<String> last =
            new java.util.concurrent.atomic.AtomicReference<>("no answer");
        timer.scheduleWithFixedDelay(
            () -> {
              try {
                HttpResponse<String> r =
                    http.send(
                        HttpRequest.newBuilder(
                                URI.create(
                                    "http://127.0.0.1:" + port + "/api/v1/evidence/tree-head"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                last.set(r.statusCode() + " " + r.body());
                if (r.statusCode() == 200) {
                  JsonObject head = new JsonObject(r.body()).getJsonObject("treeHead");
                  JsonArray stamps = head == null ? null : head.getJsonArray("timestamps");
                  if (stamps != null && !stamps.isEmpty()) {
                    stamped.complete(head);
                  }
                }
              } catch (IOException | RuntimeException e) {
                // not yet: look again
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            0,
            200,
            TimeUnit.MILLISECONDS);
        JsonObject head;
        try {
          head = stamped.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          throw new AssertionError(
              "no time-stamped tree head in 120 s; tokens issued "
                  + tsa.tokensIssued()
                  + "; last answer "
                  + last.get()
                  + "; serve said:\n"
                  + serveOut,
              e);
        }
        // checked in the node, by the shipped BouncyCastle
        assertThat(head.getJsonArray("timestamps").getJsonObject(0).getBoolean("verified"))
            .isTrue();
      } finally {
        timer.shutdownNow();
        serve.destroy();
        if (!serve.waitFor(60, TimeUnit.SECONDS)) {
          serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        reader.join(10_000);
      }
      String served = serveOut.toString();
      assertThat(served).doesNotContain("NoClassDefFoundError").doesNotContain("TSPException");
      assertThat(tsa.tokensIssued()).as("tokens issued; serve said:%n%s", served).isPositive();
      try (FileEvidenceLog ledger = FileEvidenceLog.open(data.resolve("ledger"))) {
        assertThat(
                ledger.treeHeads().stream().anyMatch(h -> !ledger.timestampSeqs(h.seq()).isEmpty()))
            .as("a tree head with its time-stamp token in the ledger; serve said:%n%s", served)
            .isTrue();
      }

      Path key = data.resolve("ledger-keys").resolve(TreeHeadKeys.PUBLIC_FILE);
      Proc verified =
          run(List.of("verify", "--data", data.toString(), "--trusted-key", key.toString()));
      assertThat(verified.output()).doesNotContain("NoClassDefFoundError");
      // 3 is what verify answers when it cannot prove all (no tree head held from before)
      assertThat(verified.process().exitValue()).as(verified.output()).isIn(0, 3);

      Path bag = dir.resolve("bag");
      Proc exported =
          run(
              List.of(
                  "export",
                  "--data",
                  data.toString(),
                  "--query",
                  "*",
                  "--reason",
                  "packaged jar test",
                  "--out",
                  bag.toString()));
      assertThat(exported.process().exitValue()).as(exported.output()).isZero();
      Proc bundle = run(List.of("verify-bundle", "--trusted-key", key.toString(), bag.toString()));
      assertThat(bundle.output()).doesNotContain("NoClassDefFoundError");
      assertThat(bundle.process().exitValue()).as(bundle.output()).isIn(0, 3);
    }
  }

  /**
   * The optional scoring stages bring their own dependencies: the English sentence encoder (ONNX
   * Runtime and the DJL tokenizer, both with native code unpacked from their jars) and CoreNLP's
   * deep stage (its models jar). Each must run from the packaged jar's own {@code lib/}.
   */
  @Test
  void scoresWithTheEncoderAndTheDeepStageFromThePackagedJar() throws Exception {
    assertThat(JAR).as("the packaged jar (mvn package)").isRegularFile();
    Path posts = dir.resolve("posts.txt");
    Files.writeString(
        posts, "The Rohingya are vermin and they must be exterminated\n", StandardCharsets.UTF_8);
    Path config = dir.resolve("tocsin.json");
    Files.writeString(
        config,
        new JsonObject()
            .put("nlp", new JsonObject().put("cascade", new JsonObject().put("enabled", true)))
            .encode(),
        StandardCharsets.UTF_8);

    Proc scored = run(List.of("score", "--config", config.toString(), posts.toString()));
    String out = scored.output();
    assertThat(scored.process().exitValue()).as(out).isZero();
    assertThat(out)
        .doesNotContain("NoClassDefFoundError")
        .doesNotContain("UnsatisfiedLinkError")
        .doesNotContain("\"error\"");
    JsonObject score =
        new JsonObject(out.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
    String notes = score.getJsonObject("explanation").getJsonArray("notes").encode();
    assertThat(notes).as("the encoder stage ran").contains("encoder stage encoder-heads-en");
    assertThat(notes).as("CoreNLP's deep stage ran").contains("deep stage: CoreNLP");
    assertThat(score.getString("label")).isEqualTo("hate");
  }

  private Proc run(List<String> args) throws Exception {
    Proc p = start(args);
    if (!p.process().waitFor(300, TimeUnit.SECONDS)) {
      p.process().destroyForcibly();
      throw new AssertionError("tocsin " + args + " did not finish in 300 s:\n" + p.output());
    }
    return p;
  }

  /** The command line that runs the packaged jar with these arguments. */
  private static List<String> command(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-jar");
    cmd.add(JAR.toAbsolutePath().toString());
    cmd.addAll(args);
    return cmd;
  }

  private Proc start(List<String> args) throws IOException {
    List<String> cmd = command(args);
    Path log = dir.resolve("run-" + runs.incrementAndGet() + ".log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new Proc(p, log);
  }
}
