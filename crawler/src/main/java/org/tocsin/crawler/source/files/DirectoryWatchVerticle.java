package org.tocsin.crawler.source.files;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileProps;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.json.PostJsonlParser;
import org.tocsin.crawler.source.CaptureSink;
import org.tocsin.crawler.source.CursorStore;
import org.tocsin.crawler.source.internal.PollingSource;
import org.tocsin.crawler.source.internal.StepFailure;

/**
 * Watches a directory of Post JSONL files: every complete line of a file becomes one capture
 * ({@value PostJsonlParser#FORMAT}, URL {@code file:...#offset=N}). A step reads at most {@code
 * maxLineBytes} from the first file with unread bytes, hands its lines to the sink and saves the
 * offset after the acknowledged prefix of lines, so files that grow are followed and a restart
 * re-reads nothing acknowledged. A file shorter than its offset was replaced and is read again from
 * the start. All file access goes through Vert.x's asynchronous file system. Cursor: {@code {files:
 * {name: offset}}}.
 */
public final class DirectoryWatchVerticle extends PollingSource {

  private final DirectoryWatchConfig cfg;
  private final PostJsonlParser parser = new PostJsonlParser();

  /** Creates the connector; {@code random} seeds the backoff jitter. */
  public DirectoryWatchVerticle(
      DirectoryWatchConfig cfg, CaptureSink sink, CursorStore cursors, Random random, Clock clock) {
    super(cfg.source(), cfg.pacing(), sink, cursors, random, clock);
    this.cfg = Objects.requireNonNull(cfg, "cfg");
  }

  @Override
  protected Future<Void> open() {
    return Future.succeededFuture();
  }

  @Override
  protected Future<Void> close() {
    return Future.succeededFuture();
  }

  @Override
  protected Future<Long> poll() {
    FileSystem fs = vertx.fileSystem();
    return fs.readDir(cfg.directory())
        .recover(e -> Future.failedFuture(new StepFailure("io", e)))
        .compose(names -> scan(fs, names.stream().sorted().toList(), 0))
        .map(
            progress -> {
              if (!progress) {
                nothingNew();
              }
              return progress ? 0L : cfg.pacing().pollIntervalMillis();
            });
  }

  /** Reads the first file from {@code i} on that has unread lines; false if none had any. */
  private Future<Boolean> scan(FileSystem fs, List<String> paths, int i) {
    if (i >= paths.size()) {
      return Future.succeededFuture(false);
    }
    String path = paths.get(i);
    if (!path.endsWith(cfg.suffix())) {
      return scan(fs, paths, i + 1);
    }
    // lprops: a symbolic link is not a regular file, so a link cannot lead the source out of its
    // directory (to a password file, say); links are skipped
    return fs.lprops(path)
        .recover(e -> Future.failedFuture(new StepFailure("io", e)))
        .compose(
            p ->
                p.isRegularFile() && p.size() != offset(path)
                    ? read(fs, path, p)
                    : Future.succeededFuture(false))
        .compose(progress -> progress ? Future.succeededFuture(true) : scan(fs, paths, i + 1));
  }

  private Future<Boolean> read(FileSystem fs, String path, FileProps props) {
    long start = props.size() < offset(path) ? 0 : offset(path);
    if (start == 0 && offset(path) > 0) {
      tracker().error("file_replaced", "shorter than what was read, read again [got " + path + "]");
    }
    int len = (int) Math.min(cfg.maxLineBytes() + 1L, props.size() - start);
    boolean settled = clock.millis() - props.lastModifiedTime() >= cfg.settleMillis();
    return fs.open(path, new OpenOptions().setRead(true).setWrite(false).setCreate(false))
        .compose(f -> f.read(Buffer.buffer(len), 0, start, len).eventually(() -> f.close()))
        .recover(e -> Future.failedFuture(new StepFailure("io", e)))
        .compose(buf -> storeLines(path, start, buf, start + len >= props.size() && settled));
  }

  private Future<Boolean> storeLines(String path, long start, Buffer buf, boolean atSettledEnd) {
    byte[] bytes = buf.getBytes();
    List<long[]> lines = new ArrayList<>(); // {from, to (exclusive, without newline), next}
    int from = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lines.add(new long[] {from, i, i + 1});
        from = i + 1;
      }
    }
    if (from < bytes.length
        && (atSettledEnd || lines.isEmpty() && bytes.length > cfg.maxLineBytes())) {
      if (bytes.length - from > cfg.maxLineBytes()) {
        tracker()
            .error(
                "line_too_long",
                "over "
                    + cfg.maxLineBytes()
                    + " bytes, skipped [got "
                    + path
                    + " at "
                    + (start + from)
                    + "]");
        return saveOffset(path, start + bytes.length).map(true);
      }
      lines.add(new long[] {from, bytes.length, bytes.length});
    }
    if (lines.isEmpty()) {
      return start == 0 && offset(path) > 0
          ? saveOffset(path, 0).map(true)
          : Future.succeededFuture(false);
    }
    String uri = Path.of(path).toUri().toString();
    Instant now = clock.instant();
    List<Future<Capture>> stored = new ArrayList<>();
    for (long[] l : lines) {
      byte[] line = Arrays.copyOfRange(bytes, (int) l[0], (int) l[1]);
      if (line.length > 0 && line[line.length - 1] == '\r') {
        line = Arrays.copyOf(line, line.length - 1);
      }
      if (new String(line, StandardCharsets.UTF_8).isBlank()) {
        stored.add(Future.succeededFuture());
        continue;
      }
      Capture c =
          new Capture(
              cfg.source(),
              PostJsonlParser.FORMAT,
              null,
              uri + "#offset=" + (start + l[0]),
              0,
              Map.of(),
              "application/json",
              now,
              now,
              line);
      stored.add(store(c));
    }
    return Future.join(stored)
        .otherwiseEmpty()
        .compose(
            v -> {
              long next = start;
              Throwable failure = null;
              for (int i = 0; i < lines.size(); i++) {
                Future<Capture> f = stored.get(i);
                if (f.failed()) {
                  failure = f.cause();
                  break;
                }
                if (f.result() != null) {
                  countPosts(f.result());
                }
                next = start + lines.get(i)[2];
              }
              Throwable fail = failure;
              return saveOffset(path, next)
                  .compose(
                      x -> fail == null ? Future.succeededFuture(true) : Future.failedFuture(fail));
            });
  }

  private void countPosts(Capture c) {
    try {
      parse(parser, c);
    } catch (StepFailure e) {
      tracker().error(e.code(), e.getMessage() + " [got " + c.url() + "]");
    }
  }

  private Future<Void> saveOffset(String path, long offset) {
    JsonObject next = cursor().copy();
    JsonObject files = next.getJsonObject("files", new JsonObject()).copy();
    files.put(Path.of(path).getFileName().toString(), offset);
    return save(next.put("files", files));
  }

  private long offset(String path) {
    JsonObject files = cursor().getJsonObject("files", new JsonObject());
    return files.getLong(Path.of(path).getFileName().toString(), 0L);
  }
}
