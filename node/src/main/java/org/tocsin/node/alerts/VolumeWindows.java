package org.tocsin.node.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tocsin.core.post.ScoredPost;

/**
 * The window counts of volume-change rules: posts that pass a rule's per-post conditions are
 * counted in epoch-aligned windows by capture time, and the current window is compared with the
 * mean of the windows before it. Memory is bounded: per rule, the baseline windows plus the current
 * one, each with a few example posts. Counts live in memory: after a restart the windows before it
 * count as empty. Thread-safe.
 */
final class VolumeWindows {
  /** Example posts kept per window. */
  static final int EXAMPLES = 5;

  private static final class Window {
    long count;
    final ArrayDeque<ScoredPost> examples = new ArrayDeque<>();
  }

  private static final class Counts {
    final TreeMap<Long, Window> windows = new TreeMap<>();
    long lastSeq;
  }

  private final Map<String, Counts> byRule = new HashMap<>();

  /** Counts a post for a volume rule whose per-post conditions it passed. */
  synchronized void record(AlertRule rule, ScoredPost sp) {
    VolumeChange v = rule.volume();
    Counts c = byRule.computeIfAbsent(rule.id(), id -> new Counts());
    long seq = sp.evidence().seq();
    if (seq <= c.lastSeq) {
      return; // indexed again after a failure or a restart: counted already
    }
    c.lastSeq = seq;
    long slot = Math.floorDiv(sp.evidence().capturedAt().getEpochSecond(), v.windowSeconds());
    Window w = c.windows.computeIfAbsent(slot, s -> new Window());
    w.count++;
    w.examples.addFirst(sp);
    if (w.examples.size() > EXAMPLES) {
      w.examples.removeLast();
    }
    prune(c, slot - v.baselineWindows() - 1);
  }

  /**
   * The spike of a volume rule's current window at {@code now}, or null if the window is not one.
   */
  synchronized Spike spike(AlertRule rule, Instant now) {
    VolumeChange v = rule.volume();
    Counts c = byRule.get(rule.id());
    long slot = Math.floorDiv(now.getEpochSecond(), v.windowSeconds());
    if (c == null) {
      return null;
    }
    prune(c, slot - v.baselineWindows());
    Window current = c.windows.get(slot);
    if (current == null || current.count < v.minPosts()) {
      return null;
    }
    List<Long> baseline = new ArrayList<>();
    long sum = 0;
    for (long s = slot - v.baselineWindows(); s < slot; s++) {
      Window w = c.windows.get(s);
      long n = w == null ? 0 : w.count;
      baseline.add(n);
      sum += n;
    }
    double mean = sum / (double) v.baselineWindows();
    if (current.count < v.factor() * mean) {
      return null;
    }
    Instant start = Instant.ofEpochSecond(slot * v.windowSeconds());
    VolumeSpike spike =
        new VolumeSpike(
            start,
            start.plusSeconds(v.windowSeconds()),
            current.count,
            baseline,
            mean,
            v.factor(),
            v.minPosts(),
            current.examples.stream()
                .map(p -> new VolumeSpike.Example(p.post().platform(), p.post().id(), p.evidence()))
                .toList());
    String reason =
        String.format(
            Locale.ROOT,
            "%d posts in the %d s window from %s >= %.1f x baseline mean %.2f of %d windows"
                + " (and >= %d)",
            current.count,
            v.windowSeconds(),
            start,
            v.factor(),
            mean,
            v.baselineWindows(),
            v.minPosts());
    return new Spike(alertId(rule.id(), start), spike, current.examples.getFirst(), reason);
  }

  private static void prune(Counts c, long firstKept) {
    Iterator<Long> it = c.windows.keySet().iterator();
    while (it.hasNext() && it.next() < firstKept) {
      it.remove();
    }
  }

  /** The stable id of a rule's alert for the window starting at {@code start}. */
  static String alertId(String ruleId, Instant start) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update((ruleId + "\nvolume\n" + start.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
      return "al-" + java.util.HexFormat.of().formatHex(d.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** A window that is a spike: the alert id, the counts, the latest post and the reason. */
  record Spike(String id, VolumeSpike volume, ScoredPost latest, String reason) {}
}
