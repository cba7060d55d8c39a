package org.tocsin.campaigns.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.tocsin.campaigns.bench.CoordinationCorpus.Kind;
import org.tocsin.campaigns.signal.TextShingles;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;

/**
 * Generates the coordination benchmark of issue 18: {@code 2,000 x scale} organic accounts over
 * seven days with organic look-alikes of coordination, plus injected campaigns of the six {@link
 * Kind kinds}. Seeded: the same sources, seed and scale give the same corpus.
 *
 * <p><b>Organic accounts</b> post about 10 times each (Pareto activity, shape 1.2), at times drawn
 * from a day-night cycle in their own time zone. Texts, links and hashtags are real posts drawn at
 * random (so popular real texts recur, as they do). Look-alikes of coordination: 10% of posts
 * repost a recent post chosen by popularity (viral reposts); 3% are short stock phrases ("so true",
 * "thank you"); 4% use one of 40 trending hashtag pairs; {@code 5 x scale} star accounts each have
 * 50 to 150 fans who repost a star's post with probability 0.25 after a log-normal delay (median 20
 * min); {@code 10 x scale} news events each draw 20 to 80 accounts (30% by activity) who share the
 * story's URL within an exponential delay (mean 20 min), 40% of them with the headline verbatim.
 *
 * <p><b>Campaigns</b>: {@code perKind} of each kind, 6 to 12 accounts each, at any scale; each
 * member joins a round with probability 0.9 and also posts 2 to 8 organic-looking posts. Link
 * pushing, hashtag sequences and repost rings have 4 to 8 rounds; copy-paste and paraphrase too,
 * with members spread over 300 s; slow drip runs 4 to 6 consecutive days, one post per member a day
 * at a random time within 8 hours, half the campaigns with one text throughout and half with a new
 * text each day. Paraphrase copies have 1 or 2 edits each (two words swapped in place, or a word
 * replaced by another real word); a quarter of its texts have only 3 or 4 words.
 */
public final class CoordinationGenerator {

  /** The span of every corpus: seven days. */
  public static final long SPAN_MILLIS = 7 * 86_400_000L;

  /** The start of every corpus. */
  public static final Instant START = Instant.parse("2016-03-14T00:00:00Z");

  private static final List<String> STOCK =
      List.of(
          "so true",
          "thank you",
          "lol",
          "this!!",
          "wow",
          "agreed 100%",
          "good morning everyone",
          "can't believe this",
          "exactly",
          "well said");

  private final List<Post> sources;
  private final List<Post> longSources = new ArrayList<>();
  private final List<Post> shortSources = new ArrayList<>();
  private final SplittableRandom rnd;
  private final List<Post> out = new ArrayList<>();
  private final Map<String, String> truth = new LinkedHashMap<>();
  private final Map<String, Kind> kinds = new LinkedHashMap<>();
  private final long t0 = START.toEpochMilli();
  private long nextId = 1;

  /**
   * A generator drawing texts from {@code sources}.
   *
   * @throws IllegalArgumentException if there are fewer than 200 sources
   */
  public CoordinationGenerator(List<Post> sources, long seed) {
    Objects.requireNonNull(sources, "sources");
    if (sources.size() < 200) {
      throw new IllegalArgumentException(
          "need at least 200 source posts [got " + sources.size() + "]");
    }
    this.sources = List.copyOf(sources);
    for (Post p : sources) {
      int n = TextShingles.words(p.text()).size();
      if (n >= 10) {
        longSources.add(p);
      } else if (n >= 3 && n <= 4) {
        shortSources.add(p);
      }
    }
    if (longSources.isEmpty()) {
      throw new IllegalArgumentException("no source post has 10 words or more");
    }
    this.rnd = new SplittableRandom(seed);
  }

  /**
   * Generates a corpus.
   *
   * @param scale organic scale: {@code 2,000 x scale} accounts
   * @param perKind injected campaigns of each kind
   */
  public CoordinationCorpus generate(int scale, int perKind) {
    if (scale < 1 || perKind < 0) {
      throw new IllegalArgumentException(
          "scale must be >= 1 and perKind >= 0 [got " + scale + ", " + perKind + "]");
    }
    int accounts = 2_000 * scale;
    Author[] authors = new Author[accounts];
    int[] zone = new int[accounts];
    double[] cum = new double[accounts];
    double total = 0;
    for (int i = 0; i < accounts; i++) {
      authors[i] = author("org-" + i);
      zone[i] = rnd.nextInt(24);
      total += Math.pow(1 - rnd.nextDouble(), -1 / 1.2);
      cum[i] = total;
    }
    Set<String> used = new HashSet<>();
    int posts = 10 * accounts;
    long[] times = new long[posts];
    int[] who = new int[posts];
    for (int i = 0; i < posts; i++) {
      who[i] = pick(cum, total);
      times[i] = diurnal(zone[who[i]]);
    }
    Integer[] order = new Integer[posts];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
    Set<Integer> stars = new HashSet<>();
    Map<Integer, int[]> fans = new LinkedHashMap<>();
    double[] sorted = new double[accounts];
    for (int i = 0; i < accounts; i++) {
      sorted[i] = cum[i] - (i == 0 ? 0 : cum[i - 1]);
    }
    double[] weights = sorted.clone();
    Arrays.sort(sorted);
    double top = sorted[(int) (accounts * 0.95)];
    for (int s = 0; s < 5 * scale; s++) {
      int star = rnd.nextInt(accounts);
      while (weights[star] < top) {
        star = rnd.nextInt(accounts);
      }
      if (stars.add(star)) {
        int[] f = new int[50 + rnd.nextInt(101)];
        Arrays.setAll(f, k -> rnd.nextInt(accounts));
        fans.put(star, f);
      }
    }
    List<Post> recent = new ArrayList<>();
    for (int k : order) {
      Author au = authors[who[k]];
      used.add(au.id());
      long t = times[k];
      double r = rnd.nextDouble();
      Post p;
      if (r < 0.10 && recent.size() > 10) {
        Post target = recent.get(recent.size() - 1 - zipf(recent.size()));
        p = repost(au, t, target);
      } else if (r < 0.13) {
        p = post(au, t, STOCK.get(zipf(STOCK.size())), List.of(), List.of(), null);
      } else if (r < 0.17) {
        int tr = zipf(40);
        Post src = source();
        p = post(au, t, src.text(), List.of(), List.of("trend" + tr, "topic" + tr), null);
      } else {
        Post src = source();
        p = post(au, t, src.text(), src.links(), src.hashtags(), null);
      }
      out.add(p);
      recent.add(p);
      if (recent.size() > 2_000) {
        recent.remove(0);
      }
      int[] f = fans.get(who[k]);
      if (f != null && p.repostOf() == null) {
        for (int fan : f) {
          if (fan != who[k] && rnd.nextDouble() < 0.25) {
            long delay = (long) (1_200_000 * Math.exp(1.2 * rnd.nextGaussian()));
            used.add(authors[fan].id());
            out.add(repost(authors[fan], t + delay, p));
          }
        }
      }
    }
    for (int e = 0; e < 10 * scale; e++) {
      long at = t0 + (long) (rnd.nextDouble() * SPAN_MILLIS);
      String url = "https://news" + rnd.nextInt(20) + ".example/story/" + e;
      String headline = longSource().text();
      int n = 20 + rnd.nextInt(61);
      for (int j = 0; j < n; j++) {
        int a = rnd.nextDouble() < 0.3 ? pick(cum, total) : rnd.nextInt(accounts);
        long t = at + (long) (-1_200_000 * Math.log(1 - rnd.nextDouble()));
        String text = rnd.nextDouble() < 0.4 ? headline : source().text();
        used.add(authors[a].id());
        out.add(post(authors[a], t, text, List.of(url), List.of(), null));
      }
    }
    int label = 0;
    for (Kind kind : Kind.values()) {
      for (int c = 0; c < perKind; c++) {
        inject(kind, "c" + label++);
      }
    }
    return new CoordinationCorpus(out, truth, kinds, used.size());
  }

  private void inject(Kind kind, String label) {
    kinds.put(label, kind);
    int size = 6 + rnd.nextInt(7);
    List<Author> members = new ArrayList<>();
    for (int j = 0; j < size; j++) {
      Author a = author(label + "-" + j);
      members.add(a);
      truth.put(a.id(), label);
      for (int k = 2 + rnd.nextInt(7); k > 0; k--) {
        Post s = source();
        out.add(post(a, diurnal(rnd.nextInt(24)), s.text(), s.links(), s.hashtags(), null));
      }
    }
    if (kind == Kind.SLOW_DRIP) {
      slowDrip(members);
      return;
    }
    List<String> tags = List.of("wake" + label, "stop" + label + "now");
    int rounds = 4 + rnd.nextInt(5);
    for (int round = 0; round < rounds; round++) {
      long at = t0 + (long) (rnd.nextDouble() * (SPAN_MILLIS - 3_600_000L));
      String text = kind == Kind.PARAPHRASE && rnd.nextDouble() < 0.25 ? shortSource() : longText();
      String url = "https://site-" + label + ".example/p/" + round;
      Post seed = null;
      for (Author m : members) {
        if (seed != null && rnd.nextDouble() > 0.9) {
          continue;
        }
        switch (kind) {
          case LINK_PUSH ->
              out.add(
                  post(
                      m,
                      at + rnd.nextInt(120_000),
                      source().text(),
                      List.of(url + "?utm_source=" + m.handle() + "&utm_medium=social"),
                      List.of(),
                      null));
          case HASHTAG_SEQUENCE -> {
            String own = source().text();
            out.add(
                post(
                    m,
                    at + rnd.nextInt(120_000),
                    own + " #" + tags.get(0) + " #" + tags.get(1),
                    List.of(),
                    tags,
                    null));
          }
          case COPY_PASTE ->
              out.add(post(m, at + rnd.nextInt(300_000), text, List.of(), List.of(), null));
          case PARAPHRASE ->
              out.add(
                  post(m, at + rnd.nextInt(300_000), paraphrase(text), List.of(), List.of(), null));
          case REPOST_RING -> {
            if (seed == null) {
              out.add(post(m, at, text, List.of(), List.of(), null));
            } else {
              out.add(repost(m, at + 5_000 + rnd.nextInt(295_000), seed));
            }
          }
          default -> throw new IllegalStateException("unexpected kind " + kind);
        }
        if (seed == null) {
          seed = out.get(out.size() - 1);
        }
      }
    }
  }

  private void slowDrip(List<Author> members) {
    int days = 4 + rnd.nextInt(3);
    int firstDay = rnd.nextInt(7 - days + 1);
    boolean sameText = rnd.nextBoolean();
    String text = longText();
    int startHour = rnd.nextInt(16);
    for (int d = firstDay; d < firstDay + days; d++) {
      if (!sameText) {
        text = longText();
      }
      long dayStart = t0 + d * 86_400_000L + startHour * 3_600_000L;
      for (Author m : members) {
        if (rnd.nextDouble() < 0.9) {
          long t = dayStart + (long) (rnd.nextDouble() * 8 * 3_600_000L);
          out.add(post(m, t, text, List.of(), List.of(), null));
        }
      }
    }
  }

  /** 1 or 2 edits: two words swapped in place, or one word replaced by a word of another post. */
  private String paraphrase(String text) {
    List<String> words = new ArrayList<>(List.of(text.trim().split("\\s+")));
    int edits = 1 + rnd.nextInt(2);
    for (int e = 0; e < edits && words.size() >= 2; e++) {
      int i = rnd.nextInt(words.size());
      if (rnd.nextBoolean()) {
        int j = rnd.nextInt(words.size() - 1);
        j = j >= i ? j + 1 : j;
        String w = words.get(i);
        words.set(i, words.get(j));
        words.set(j, w);
      } else {
        List<String> other = TextShingles.words(source().text());
        if (!other.isEmpty()) {
          words.set(i, other.get(rnd.nextInt(other.size())));
        }
      }
    }
    return String.join(" ", words);
  }

  private long diurnal(int zone) {
    while (true) {
      long t = t0 + (long) (rnd.nextDouble() * SPAN_MILLIS);
      int hour = (int) ((t / 3_600_000L + zone) % 24);
      double p = hour >= 8 && hour < 23 ? 1.0 : 0.25;
      if (rnd.nextDouble() < p) {
        return t;
      }
    }
  }

  private int pick(double[] cum, double total) {
    int a = Arrays.binarySearch(cum, rnd.nextDouble() * total);
    return Math.min(cum.length - 1, a < 0 ? -a - 1 : a);
  }

  private Post source() {
    return sources.get(rnd.nextInt(sources.size()));
  }

  private Post longSource() {
    return longSources.get(rnd.nextInt(longSources.size()));
  }

  private String longText() {
    return longSource().text();
  }

  private String shortSource() {
    return shortSources.isEmpty()
        ? longText()
        : shortSources.get(rnd.nextInt(shortSources.size())).text();
  }

  /** A rank in [0, n), rank k with probability about 1 / (k + 1). */
  private int zipf(int n) {
    int k = (int) Math.floor(Math.pow(n + 1.0, rnd.nextDouble()));
    return Math.min(n - 1, Math.max(0, k - 1));
  }

  private Author author(String id) {
    long followers = (long) Math.exp(5 + 2 * rnd.nextGaussian());
    return new Author(id, "h_" + id, null, followers, null);
  }

  private Post repost(Author a, long t, Post target) {
    String original = target.repostOf() == null ? target.id() : target.repostOf();
    return post(
        a,
        t,
        "RT @" + target.author().handle() + ": " + target.text(),
        List.of(),
        List.of(),
        original);
  }

  private Post post(
      Author a, long t, String text, List<String> links, List<String> tags, String repostOf) {
    return GroundTruthGenerator.benchPost(nextId++, a, t, text, links, tags, repostOf);
  }
}
