package org.tocsin.testkit.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import org.tocsin.core.json.Json;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;

/**
 * Reads HateXplain ({@code hatexplain_official_split.jsonl}) and turns a label-balanced, seeded
 * sample of its Twitter posts into posts. Test-split posts are never taken: they are the public
 * benchmark.
 *
 * <p>HateXplain ships text tokenised, lower-cased and anonymised ({@code <user>}, {@code <number>}
 * ...); the post text is the tokens joined by single spaces. A Twitter post id is a snowflake id,
 * so its creation time is {@code (id >> 22) + 1288834974657} ms since the epoch.
 */
public final class HateXplainPosts {

  /** The name of the unknown field that holds HateXplain's label, targets and split. */
  public static final String EXTRA_FIELD = "hatexplain";

  /** The three labels, in the order the quota is filled. */
  public static final List<String> LABELS = List.of("hatespeech", "offensive", "normal");

  /** The split that must never leave the benchmark. */
  public static final String TEST_SPLIT = "test";

  private static final long TWITTER_EPOCH_MS = 1288834974657L;
  private static final String TWITTER_SUFFIX = "_twitter";
  // Tweets before snowflake ids (4 November 2010) had sequential ids below about this value.
  private static final long FIRST_SNOWFLAKE_ID = 29_700_859_247L;

  /**
   * What was read and kept.
   *
   * @param posts the selected posts, by label in {@link #LABELS} order, then in sample order
   * @param available eligible Twitter posts (train and validation) per label
   * @param selected selected posts per label
   * @param testSplitExcluded Twitter posts left out because they are in the test split
   * @param otherSourcesExcluded Gab and other non-Twitter posts left out
   */
  public record Result(
      List<Post> posts,
      Map<String, Integer> available,
      Map<String, Integer> selected,
      int testSplitExcluded,
      int otherSourcesExcluded) {}

  private HateXplainPosts() {}

  /**
   * Reads {@code jsonl} and takes {@code total} Twitter posts outside the test split, as evenly
   * over the labels as the data allows, shuffled with {@code seed} after sorting by id.
   *
   * @throws IOException if the file cannot be read or a line is not JSON
   * @throws IllegalStateException if a line breaks HateXplain's format
   */
  public static Result read(Path jsonl, int total, long seed) throws IOException {
    Map<String, List<JsonNode>> byLabel = new LinkedHashMap<>();
    LABELS.forEach(l -> byLabel.put(l, new ArrayList<>()));
    int test = 0;
    int other = 0;
    try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = Json.mapper().readTree(line);
        String postId = n.path("post_id").asText("");
        if (!postId.endsWith(TWITTER_SUFFIX)) {
          other++;
        } else if (TEST_SPLIT.equals(n.path("split").asText())) {
          test++;
        } else {
          List<JsonNode> bucket = byLabel.get(n.path("label").asText());
          if (bucket == null) {
            throw new IllegalStateException(
                "unknown HateXplain label [got " + n.path("label") + " for " + postId + "]");
          }
          bucket.add(n);
        }
      }
    }
    Map<String, Integer> available = new LinkedHashMap<>();
    byLabel.forEach((l, list) -> available.put(l, list.size()));
    Map<String, Integer> quota = quotas(available, total);
    Random random = new Random(seed);
    List<Post> posts = new ArrayList<>();
    Map<String, Integer> selected = new LinkedHashMap<>();
    for (String label : LABELS) {
      List<JsonNode> list = byLabel.get(label);
      list.sort(Comparator.comparingLong(HateXplainPosts::tweetId));
      Collections.shuffle(list, random);
      int take = quota.get(label);
      for (JsonNode n : list.subList(0, take)) {
        posts.add(toPost(n));
      }
      selected.put(label, take);
    }
    return new Result(posts, available, selected, test, other);
  }

  /**
   * Splits {@code total} over the labels as evenly as possible: a label with fewer posts than its
   * share gives all it has, and the rest is shared among the others (earlier labels first for the
   * remainder).
   */
  static Map<String, Integer> quotas(Map<String, Integer> available, int total) {
    Map<String, Integer> quota = new LinkedHashMap<>();
    List<String> open = new ArrayList<>(available.keySet());
    int left = total;
    boolean changed = true;
    while (changed && !open.isEmpty()) {
      changed = false;
      int share = left / open.size();
      for (String l : List.copyOf(open)) {
        if (available.get(l) <= share) {
          quota.put(l, available.get(l));
          left -= available.get(l);
          open.remove(l);
          changed = true;
        }
      }
    }
    for (int i = 0; i < open.size(); i++) {
      String l = open.get(i);
      int share = left / open.size() + (i < left % open.size() ? 1 : 0);
      quota.put(l, Math.min(share, available.get(l)));
    }
    Map<String, Integer> ordered = new LinkedHashMap<>();
    available.keySet().forEach(l -> ordered.put(l, quota.get(l)));
    return ordered;
  }

  /** The creation time of a Twitter snowflake id. */
  public static Instant snowflakeTime(long id) {
    if (id < FIRST_SNOWFLAKE_ID) {
      throw new IllegalArgumentException(
          "not a snowflake id (before November 2010) [got " + id + "]");
    }
    return Instant.ofEpochMilli((id >> 22) + TWITTER_EPOCH_MS);
  }

  private static long tweetId(JsonNode n) {
    String postId = n.path("post_id").asText();
    try {
      return Long.parseLong(postId.substring(0, postId.length() - TWITTER_SUFFIX.length()));
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          "HateXplain Twitter post id is not numeric [got " + postId + "]", e);
    }
  }

  private static Post toPost(JsonNode n) {
    long id = tweetId(n);
    StringJoiner text = new StringJoiner(" ");
    n.path("post_tokens").forEach(t -> text.add(t.asText()));
    String body = text.toString();
    PostEntities e = PostEntities.of(body);
    ObjectNode hx = JsonNodeFactory.instance.objectNode();
    hx.put("label", n.path("label").asText());
    hx.set(
        "targets",
        n.path("targets_union").isArray() ? n.get("targets_union").deepCopy() : hx.arrayNode());
    hx.put("split", n.path("split").asText());
    String postId = Long.toString(id);
    return new Post(
        "twitter",
        postId,
        null,
        new Author("hatexplain-anon-" + postId, null, null, null, null),
        snowflakeTime(id),
        body,
        "en",
        null,
        null,
        null,
        e.links(),
        e.hashtags(),
        e.mentions(),
        List.of(),
        null,
        null,
        Map.of(EXTRA_FIELD, hx));
  }
}
