package org.tocsin.testkit.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts hashtags, mentions and links from a tweet's text, roughly as Twitter did: a hashtag is
 * {@code #} plus letters, digits, marks or underscores with at least one letter; a mention is
 * {@code @} plus 1–15 ASCII letters, digits or underscores; a link starts with {@code http://} or
 * {@code https://}. Each list keeps first-seen order and drops repeats.
 */
public final class PostEntities {

  private static final Pattern HASHTAG =
      Pattern.compile(
          "(?<![\\p{L}\\p{M}\\p{N}_&/#])[#\\uFF03]([\\p{L}\\p{M}\\p{N}_]*\\p{L}[\\p{L}\\p{M}\\p{N}_]*)");
  private static final Pattern MENTION =
      Pattern.compile("(?<![A-Za-z0-9_@!#$%&*/])[@\\uFF20]([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])");
  private static final Pattern LINK = Pattern.compile("\\bhttps?://[^\\s<>\"\\u2026]+");
  private static final String TRAILING_PUNCTUATION = ".,;:!?)]}'\"";

  private final List<String> hashtags;
  private final List<String> mentions;
  private final List<String> links;

  private PostEntities(List<String> hashtags, List<String> mentions, List<String> links) {
    this.hashtags = hashtags;
    this.mentions = mentions;
    this.links = links;
  }

  /** Extracts the entities of {@code text}. */
  public static PostEntities of(String text) {
    return new PostEntities(groups(HASHTAG, text), groups(MENTION, text), links(text));
  }

  /** Hashtags without the leading {@code #}, as written. */
  public List<String> hashtags() {
    return hashtags;
  }

  /** Mentioned handles without the leading {@code @}, as written. */
  public List<String> mentions() {
    return mentions;
  }

  /** Links, without trailing sentence punctuation. */
  public List<String> links() {
    return links;
  }

  private static List<String> groups(Pattern p, String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return List.copyOf(new ArrayList<>(out));
  }

  private static List<String> links(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      String url = m.group();
      int end = url.length();
      while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
        end--;
      }
      url = url.substring(0, end);
      if (!url.endsWith("://")) {
        out.add(url);
      }
    }
    return List.copyOf(new ArrayList<>(out));
  }
}
