package org.tocsin.node.alerts;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.tocsin.core.json.Json;

/**
 * Every alert ever raised, in order, in {@code DATA/alerts/outbox.jsonl} (one JSON alert per line,
 * fsynced before anyone is told). Webhook cursors and SSE resumption read from here, so a restart
 * or a receiver outage loses nothing. A torn last line after a crash is dropped on open (that alert
 * was never acknowledged to anyone; it is raised again when its post is re-indexed).
 */
public final class AlertOutbox implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AlertOutbox.class.getName());

  private final Path file;
  private final FileChannel channel;
  private final List<Alert> alerts = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();

  private AlertOutbox(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Opens the outbox of an alerts directory, reading every alert in it.
   *
   * @throws IOException if it cannot be read
   */
  public static AlertOutbox open(Path alertsDir) throws IOException {
    Files.createDirectories(alertsDir);
    Path file = alertsDir.resolve("outbox.jsonl");
    long good = 0;
    List<Alert> read = new ArrayList<>();
    if (Files.exists(file)) {
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          try {
            read.add(AlertJson.fromNode(Json.mapper().readTree(line)));
            good += line.getBytes(StandardCharsets.UTF_8).length + 1;
          } catch (IOException | IllegalArgumentException e) {
            LOG.warning(
                file
                    + ": dropping a torn alert line after "
                    + read.size()
                    + " alerts: "
                    + e.getMessage());
            break;
          }
        }
      }
    }
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    ch.truncate(good);
    ch.position(good);
    AlertOutbox o = new AlertOutbox(file, ch);
    for (Alert a : read) {
      o.alerts.add(a);
      o.ids.add(a.id());
    }
    return o;
  }

  /** Whether an alert with this id was raised already. */
  public synchronized boolean contains(String id) {
    return ids.contains(id);
  }

  /** The position the next alert gets. */
  public synchronized long nextN() {
    return alerts.size() + 1L;
  }

  /**
   * Appends alerts (numbered from {@link #nextN}) and makes them durable.
   *
   * @throws IOException if they cannot be written; then none of them counts as raised
   */
  public synchronized void append(List<Alert> batch) throws IOException {
    StringBuilder sb = new StringBuilder();
    long expected = alerts.size() + 1L;
    for (Alert a : batch) {
      if (a.n() != expected++) {
        throw new IllegalArgumentException("alert " + a.id() + " has n " + a.n() + " out of order");
      }
      sb.append(AlertJson.toNode(a)).append('\n');
    }
    ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    channel.force(false);
    for (Alert a : batch) {
      alerts.add(a);
      ids.add(a.id());
    }
  }

  /** Alerts with {@code n > after}, at most {@code limit}. */
  public synchronized List<Alert> after(long after, int limit) {
    int from = (int) Math.max(0, Math.min(after, alerts.size()));
    return new ArrayList<>(alerts.subList(from, Math.min(alerts.size(), from + limit)));
  }

  /** The number of alerts raised. */
  public synchronized long size() {
    return alerts.size();
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }

  Path file() {
    return file;
  }
}
