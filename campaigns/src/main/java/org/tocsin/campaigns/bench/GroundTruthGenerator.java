package org.tocsin.campaigns.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.tocsin.campaigns.bench.BenchCorpus.Kind;
import org.tocsin.campaigns.signal.TextShingles;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;

/**
 * Generates a labelled coordination benchmark: organic background with injected campaigns.
 *
 * <p><b>Organic background.</b> Texts, hashtags and links come from real posts (the demo corpus:
 * IRA tweets and HateXplain posts), drawn at random. Accounts have heavy-tailed activity (weights
 * Pareto with shape 1.2) and log-normal follower counts (median e^5, sigma 2); post times are a
 * Poisson process over the span (uniform given the count). Organic accounts also do what looks like
 * coordination by chance: 12% of posts repost an earlier organic post chosen by popularity (over
 * the most recent 2,000 posts, the newest most likely), 8% share one of 300 news URLs and 5% use
 * one of 40 trending hashtag pairs; each choice is Zipf-like, rank k with probability about
 * 1/(k+1). These are the hard negatives.
 *
 * <p><b>Campaigns</b> ({@link Kind}): 5 to 15 accounts each, 3 to 8 actions at random times; each
 * member joins an action with probability 0.85. Copy-paste, paraphrase and link pushing jitter the
 * members by up to 45 s, repost rings by 3 to 50 s after the seed post, slow drip by up to 10 min,
 * synchronised bursts by up to 4 s (each member with its own unrelated real text). Kinds are
 * injected in {@link Kind} order after the background, so adding a kind at the end leaves the
 * earlier campaigns as they were. Campaign accounts also post a few organic-looking posts of their
 * own.
 */
public final class GroundTruthGenerator {

  private static final Map<String, String> SYNONYMS = synonyms();

  private final List<Post> sources;
  private final SplittableRandom rnd;
  private final List<Post> out = new ArrayList<>();
  private final Map<String, String> truth = new LinkedHashMap<>();
  private final Map<String, Kind> kinds = new LinkedHashMap<>();
  private long nextId = 1;

  /**
   * A generator drawing texts from {@code sources}.
   *
   * @throws IllegalArgumentException if there are fewer than 100 sources
   */
  public GroundTruthGenerator(List<Post> sources, long seed) {
    Objects.requireNonNull(sources, "sources");
    if (sources.size() < 100) {
      throw new IllegalArgumentException(
          "need at least 100 source posts [got " + sources.size() + "]");
    }
    this.sources = List.copyOf(sources);
    this.rnd = new SplittableRandom(seed);
  }

  /**
   * Generates a corpus.
   *
   * @param organicPosts number of organic posts
   * @param organicAccounts number of organic accounts
   * @param campaignsPerKind injected campaigns of each kind
   * @param start start of the span
   * @param span length of the span
   */
  public BenchCorpus generate(
      int organicPosts, int organicAccounts, int campaignsPerKind, Instant start, Duration span) {
    long t0 = start.toEpochMilli();
    long len = span.toMillis();
    double[] cum = new double[organicAccounts];
    Author[] authors = new Author[organicAccounts];
    double total = 0;
    for (int i = 0; i < organicAccounts; i++) {
      total += Math.pow(1 - rnd.nextDouble(), -1 / 1.2);
      cum[i] = total;
      authors[i] = author("org-" + i);
    }
    long[] times = new long[organicPosts];
    for (int i = 0; i < organicPosts; i++) {
      times[i] = t0 + (long) (rnd.nextDouble() * len);
    }
    Arrays.sort(times);
    List<Post> recent = new ArrayList<>();
    java.util.Set<String> used = new java.util.HashSet<>();
    for (long t : times) {
      int a = Arrays.binarySearch(cum, rnd.nextDouble() * total);
      Author au = authors[a < 0 ? -a - 1 : a];
      used.add(au.id());
      double r = rnd.nextDouble();
      Post src = source();
      Post p;
      if (r < 0.12 && recent.size() > 10) {
        Post target = recent.get(recent.size() - 1 - zipf(recent.size()));
        p =
            post(
                au,
                t,
                "RT @" + target.author().handle() + ": " + target.text(),
                List.of(),
                List.of(),
                target.id());
      } else if (r < 0.20) {
        p =
            post(
                au,
                t,
                src.text(),
                List.of("https://news" + zipf(300) + ".example/story"),
                List.of(),
                null);
      } else if (r < 0.25) {
        int k = zipf(40);
        p = post(au, t, src.text(), List.of(), List.of("trend" + k, "topic" + k), null);
      } else {
        p = post(au, t, src.text(), src.links(), src.hashtags(), null);
      }
      out.add(p);
      recent.add(p);
      if (recent.size() > 2000) {
        recent.remove(0);
      }
    }
    int label = 0;
    for (Kind kind : Kind.values()) {
      for (int c = 0; c < campaignsPerKind; c++) {
        inject(kind, "c" + label++, t0, len);
      }
    }
    return new BenchCorpus(out, truth, kinds, used.size());
  }

  private void inject(Kind kind, String label, long t0, long len) {
    kinds.put(label, kind);
    int size = 5 + rnd.nextInt(11);
    List<Author> members = new ArrayList<>();
    for (int j = 0; j < size; j++) {
      Author a = author(label + "-" + j);
      members.add(a);
      truth.put(a.id(), label);
      for (int k = rnd.nextInt(4); k > 0; k--) {
        Post s = source();
        out.add(
            post(a, t0 + (long) (rnd.nextDouble() * len), s.text(), s.links(), s.hashtags(), null));
      }
    }
    List<String> tags = List.of(label + "now", "wake" + label);
    int actions = 3 + rnd.nextInt(6);
    for (int act = 0; act < actions; act++) {
      long at = t0 + (long) (rnd.nextDouble() * (len - 700_000));
      String text = longSource().text();
      String url = "https://Site-" + label + ".example/a/" + act + "/";
      Post seed = null;
      for (Author m : members) {
        if (rnd.nextDouble() > 0.85 && seed != null) {
          continue;
        }
        long t = at + rnd.nextInt(45_000);
        switch (kind) {
          case COPY_PASTE -> out.add(post(m, t, text, List.of(), tags, null));
          case PARAPHRASE -> out.add(post(m, t, paraphrase(text), List.of(), List.of(), null));
          case LINK_PUSH ->
              out.add(
                  post(
                      m,
                      t,
                      source().text(),
                      List.of(
                          url + "?utm_source=" + m.handle() + "&utm_campaign=" + rnd.nextInt(1000)),
                      List.of(),
                      null));
          case REPOST_RING -> {
            if (seed == null) {
              seed = post(m, at, text, List.of(), List.of(), null);
              out.add(seed);
            } else {
              out.add(
                  post(
                      m,
                      at + 3_000 + rnd.nextInt(47_000),
                      "RT @" + seed.author().handle() + ": " + text,
                      List.of(),
                      List.of(),
                      seed.id()));
            }
          }
          case SLOW_DRIP ->
              out.add(post(m, at + rnd.nextInt(600_000), text, List.of(), tags, null));
          case SYNC_BURST -> {
            Post own = source();
            out.add(post(m, at + rnd.nextInt(4_000), own.text(), List.of(), List.of(), null));
          }
        }
        if (seed == null) {
          seed = out.get(out.size() - 1);
        }
      }
    }
  }

  private String paraphrase(String text) {
    List<String> words = new ArrayList<>(TextShingles.words(text));
    List<String> kept = new ArrayList<>(words.size());
    for (String w : words) {
      if (words.size() > 8 && rnd.nextDouble() < 0.10) {
        continue;
      }
      String syn = SYNONYMS.get(w);
      kept.add(syn != null && rnd.nextDouble() < 0.7 ? syn : w);
    }
    if (kept.size() > 4 && rnd.nextBoolean()) {
      int i = 1 + rnd.nextInt(kept.size() - 2);
      String w = kept.get(i);
      kept.set(i, kept.get(i + 1));
      kept.set(i + 1, w);
    }
    return String.join(" ", kept);
  }

  private Post source() {
    return sources.get(rnd.nextInt(sources.size()));
  }

  private Post longSource() {
    for (int tries = 0; ; tries++) {
      Post p = source();
      if (TextShingles.words(p.text()).size() >= 12 || tries > 1000) {
        return p;
      }
    }
  }

  /** A rank in [0, n) with P(k) = log((k + 2) / (k + 1)) / log(n + 1), about 1 / (k + 1). */
  private int zipf(int n) {
    int k = (int) Math.floor(Math.pow(n + 1.0, rnd.nextDouble()));
    return Math.min(n - 1, Math.max(0, k - 1));
  }

  private Author author(String id) {
    long followers = (long) Math.exp(5 + 2 * rnd.nextGaussian());
    return new Author(id, "h_" + id, null, followers, null);
  }

  private Post post(
      Author a, long t, String text, List<String> links, List<String> tags, String repostOf) {
    return benchPost(nextId++, a, t, text, links, tags, repostOf);
  }

  /** A synthetic English post of the "bench" platform, as both benchmark generators make them. */
  static Post benchPost(
      long id,
      Author a,
      long t,
      String text,
      List<String> links,
      List<String> tags,
      String repostOf) {
    return new Post(
        "bench",
        Long.toString(id),
        null,
        a,
        Instant.ofEpochMilli(t),
        text,
        "en",
        null,
        repostOf,
        null,
        links,
        tags,
        List.of(),
        List.of(),
        null,
        null,
        Map.of());
  }

  private static Map<String, String> synonyms() {
    String[] pairs = {
      "people",
      "folks",
      "country",
      "nation",
      "government",
      "regime",
      "kill",
      "murder",
      "big",
      "huge",
      "bad",
      "terrible",
      "good",
      "great",
      "stop",
      "halt",
      "now",
      "today",
      "they",
      "these people",
      "we",
      "us all",
      "must",
      "have to",
      "america",
      "usa",
      "muslims",
      "islam",
      "police",
      "cops",
      "news",
      "media",
      "truth",
      "facts",
      "attack",
      "assault",
      "war",
      "fight",
      "women",
      "girls",
      "time",
      "moment"
    };
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
      m.put(pairs[i + 1], pairs[i]);
    }
    return m;
  }
}
