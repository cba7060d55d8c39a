package org.tocsin.testkit.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;

/**
 * Reads the IRA tweets of the FiveThirtyEight release, split by author (bet4a's
 * russian-troll-tweets-by-author), and turns those posted inside the given time windows into posts.
 *
 * <p>Times: the data gives {@code publish_date} without a zone, either as {@code 2016-03-22
 * 18:16:00} (bet4a's reformatting) or as {@code 3/22/2016 18:16} (FiveThirtyEight's original). Both
 * are read as UTC, the usual reading of the FiveThirtyEight release; the data does not say.
 */
public final class IraTweets {

  /** The name of the unknown field that holds what the data says about the account and tweet. */
  public static final String EXTRA_FIELD = "ira";

  private static final DateTimeFormatter BET4A =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter FIVETHIRTYEIGHT =
      DateTimeFormatter.ofPattern("M/d/uuuu H:mm", Locale.ROOT);
  private static final Pattern ROUNDED_ID = Pattern.compile("\\d{12,}000000");

  /**
   * A time window of the corpus, in UTC calendar days, both ends included.
   *
   * @param name a short name used in the report
   * @param event what happened in the window and why it was chosen
   * @param first the first day
   * @param last the last day
   */
  public record Window(String name, String event, LocalDate first, LocalDate last) {

    /** Checks the order of the days. */
    public Window {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(event, "event");
      if (last.isBefore(first)) {
        throw new IllegalArgumentException(
            "window ends before it starts [got " + first + ".." + last + "]");
      }
    }

    /** Whether {@code t} falls on one of the window's days (UTC). */
    public boolean contains(Instant t) {
      LocalDate d = LocalDate.ofInstant(t, ZoneOffset.UTC);
      return !d.isBefore(first) && !d.isAfter(last);
    }
  }

  /**
   * What was read and kept.
   *
   * @param posts the posts inside the windows, in input order (manifest path, then file order)
   * @param accounts accounts read (the subset manifest's rows)
   * @param rowsRead tweets read over all accounts and times
   * @param duplicates rows dropped because author, time and text repeated an earlier row
   * @param unknownLanguages language names without a tag, with their counts among kept posts
   * @param authorIdFallbacks accounts whose {@code external_author_id} was blank, rounded or shared
   *     by another account, with the id used instead
   */
  public record Result(
      List<Post> posts,
      int accounts,
      long rowsRead,
      long duplicates,
      Map<String, Integer> unknownLanguages,
      Map<String, String> authorIdFallbacks) {}

  private IraTweets() {}

  /**
   * Reads {@code SUBSET_MANIFEST.csv}, {@code authors.csv} and every listed file under {@code
   * tweets/} in {@code dir}, keeping the tweets inside {@code windows}.
   *
   * @throws IOException if a file cannot be read or is not valid CSV
   * @throws IllegalStateException if the manifest names an author that {@code authors.csv} lacks,
   *     or a date cannot be parsed
   */
  public static Result read(Path dir, List<Window> windows) throws IOException {
    List<Map<String, String>> manifest = CsvReader.readTable(dir.resolve("SUBSET_MANIFEST.csv"));
    manifest.sort(Comparator.comparing(m -> m.get("path")));
    List<Map<String, String>> authorRows = CsvReader.readTable(dir.resolve("authors.csv"));
    Map<String, Map<String, String>> authors = new HashMap<>();
    Map<String, Integer> externalIdUse = new HashMap<>();
    Map<String, Integer> congressIdUse = new HashMap<>();
    for (Map<String, String> a : authorRows) {
      authors.put(a.get("author_id"), a);
      externalIdUse.merge(a.get("external_author_id"), 1, Integer::sum);
      congressIdUse.merge(a.get("congress_2017_id"), 1, Integer::sum);
    }
    List<Post> posts = new ArrayList<>();
    Map<String, Integer> unknownLanguages = new TreeMap<>();
    Map<String, String> fallbacks = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    long rows = 0;
    long duplicates = 0;
    for (Map<String, String> m : manifest) {
      String authorKey = m.get("author_id");
      Map<String, String> a = authors.get(authorKey);
      if (a == null) {
        throw new IllegalStateException("authors.csv has no author [got " + authorKey + "]");
      }
      String authorId = authorId(a, externalIdUse, congressIdUse);
      if (!authorId.equals(a.get("external_author_id"))) {
        fallbacks.put(authorKey, authorId);
      }
      for (Map<String, String> t :
          CsvReader.readTable(dir.resolve("tweets").resolve(m.get("path")))) {
        rows++;
        Instant created = parseTime(t.get("publish_date"));
        if (windows.stream().noneMatch(w -> w.contains(created))) {
          continue;
        }
        String key = authorKey + "|" + t.get("publish_date") + "|" + t.get("content");
        if (!seen.add(key)) {
          duplicates++;
          continue;
        }
        String lang = IraLanguages.tag(t.get("language"));
        if (lang == null) {
          unknownLanguages.merge(t.get("language"), 1, Integer::sum);
        }
        posts.add(toPost(created, lang, authorId, a, t));
      }
    }
    return new Result(posts, manifest.size(), rows, duplicates, unknownLanguages, fallbacks);
  }

  /**
   * Parses a {@code publish_date} or {@code harvested_date} of the data as UTC.
   *
   * @throws IllegalStateException if it is in neither known format
   */
  public static Instant parseTime(String s) {
    String v = s.strip();
    try {
      DateTimeFormatter f = v.indexOf('/') >= 0 ? FIVETHIRTYEIGHT : BET4A;
      return LocalDateTime.parse(v, f).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("not an IRA data time [got " + s + "]", e);
    }
  }

  /**
   * The stable post id of a tweet without a tweet id: {@code ira-} and 16 hex digits of SHA-256.
   */
  public static String stableId(String authorKey, String publishDate, String content) {
    return "ira-" + sha256Hex(authorKey + "|" + publishDate + "|" + content).substring(0, 16);
  }

  private static Post toPost(
      Instant created, String lang, String authorId, Map<String, String> a, Map<String, String> t) {
    String content = t.get("content");
    PostEntities e = PostEntities.of(content);
    String followers = t.get("followers").strip();
    Author author =
        new Author(
            authorId,
            a.get("author"),
            null,
            followers.isEmpty() ? null : Long.valueOf(followers),
            null);
    ObjectNode ira = JsonNodeFactory.instance.objectNode();
    ira.put("accountCategory", a.get("account_category"));
    ira.put("accountType", a.get("account_type"));
    putIfNotBlank(ira, "region", t.get("region"));
    ira.put("harvestedDate", parseTime(t.get("harvested_date")).toString());
    String postType = t.get("post_type").strip();
    if (postType.equals("R") || postType.equals("RETWEET")) {
      ira.put("postType", "RETWEET");
    } else if (postType.equals("Q") || postType.equals("QUOTE_TWEET")) {
      ira.put("postType", "QUOTE_TWEET");
    }
    putIfNotBlank(ira, "externalAuthorId", a.get("external_author_id"));
    Map<String, JsonNode> extra = Map.of(EXTRA_FIELD, ira);
    String id = stableId(a.get("author_id"), t.get("publish_date"), content);
    return new Post(
        "twitter",
        id,
        null,
        author,
        created,
        content,
        lang,
        null,
        null,
        null,
        e.links(),
        e.hashtags(),
        e.mentions(),
        List.of(),
        null,
        null,
        extra);
  }

  /**
   * The account id to publish: {@code external_author_id} unless it is blank, rounded by a
   * spreadsheet (18 digits ending in zeros) or shared with another account; then the {@code
   * congress_2017_id} if it is unique; else {@code ira:} and the data's author key. A shared id
   * would merge distinct accounts in campaign detection.
   */
  private static String authorId(
      Map<String, String> a, Map<String, Integer> externalUse, Map<String, Integer> congressUse) {
    String ext = a.get("external_author_id").strip();
    if (!ext.isEmpty() && externalUse.get(ext) == 1 && !ROUNDED_ID.matcher(ext).matches()) {
      return ext;
    }
    String congress = a.get("congress_2017_id").strip();
    if (!congress.isEmpty() && congressUse.get(congress) == 1) {
      return congress;
    }
    return "ira:" + a.get("author_id");
  }

  private static void putIfNotBlank(ObjectNode o, String field, String value) {
    if (value != null && !value.isBlank()) {
      o.put(field, value);
    }
  }

  static String sha256Hex(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
