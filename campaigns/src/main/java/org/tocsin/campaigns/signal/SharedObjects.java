package org.tocsin.campaigns.signal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.core.post.Media;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.PostKey;

/**
 * The objects a post shares, per signal: the keys under which two posts count as sharing the same
 * thing. Keys are readable, since they appear in the evidence of an edge.
 *
 * <ul>
 *   <li>{@code text}: the key {@code platform/id} of the earliest post of the near-duplicate group;
 *   <li>{@code url}: each distinct link after {@link UrlNormalizer};
 *   <li>{@code hashtags}: the post's hashtags, NFKC and lower case, without {@code #}, joined by
 *       spaces in their order, if there are at least {@code minHashtags};
 *   <li>{@code media}: the SHA-256 of each attachment whose bytes were hashed;
 *   <li>{@code repost}: {@code platform/id} of the post it reposts or quotes.
 * </ul>
 */
public final class SharedObjects {

  private SharedObjects() {}

  /**
   * Calls {@code sink} once per object {@code post} shares under an enabled signal.
   *
   * @param post the post
   * @param textGroup key of the earliest post of its near-duplicate group, or {@code null} if the
   *     post takes no part in the text signal or has no near-duplicate
   * @param cfg which signals are on, and the hashtag minimum
   * @param sink receives the signal and the object key
   */
  public static void forEach(
      Post post, PostKey textGroup, CampaignConfig cfg, BiConsumer<Signal, String> sink) {
    Set<Signal> on = cfg.signals();
    if (on.contains(Signal.TEXT) && textGroup != null) {
      sink.accept(Signal.TEXT, textGroup.toString());
    }
    if (on.contains(Signal.URL) && !post.links().isEmpty()) {
      Set<String> urls = new LinkedHashSet<>();
      for (String link : post.links()) {
        urls.add(UrlNormalizer.normalize(link));
      }
      urls.forEach(u -> sink.accept(Signal.URL, u));
    }
    if (on.contains(Signal.HASHTAGS) && post.hashtags().size() >= cfg.minHashtags()) {
      sink.accept(Signal.HASHTAGS, hashtagSequence(post.hashtags()));
    }
    if (on.contains(Signal.MEDIA)) {
      Set<String> hashes = new LinkedHashSet<>();
      for (Media m : post.media()) {
        if (m.sha256() != null) {
          hashes.add(m.sha256());
        }
      }
      hashes.forEach(h -> sink.accept(Signal.MEDIA, h));
    }
    if (on.contains(Signal.REPOST)) {
      String target = post.repostOf() != null ? post.repostOf() : post.quoteOf();
      if (target != null) {
        sink.accept(Signal.REPOST, new PostKey(post.platform(), target).toString());
      }
    }
  }

  /** The normalised hashtag sequence: NFKC, lower case, no leading {@code #}, order kept. */
  public static String hashtagSequence(List<String> hashtags) {
    List<String> tags = new ArrayList<>(hashtags.size());
    for (String h : hashtags) {
      String t = Normalizer.normalize(h, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
      while (t.startsWith("#")) {
        t = t.substring(1);
      }
      if (!t.isEmpty()) {
        tags.add(t);
      }
    }
    return String.join(" ", tags);
  }
}
