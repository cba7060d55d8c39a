package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.tocsin.campaigns.baseline.ObjectBaseline;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.PostKey;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.PostIndex;

/**
 * What a reader of a campaign needs besides its edges: who its accounts are (handle, display name,
 * followers) with the campaign's posts of each, read from the index; and the organic baseline of
 * the objects they shared, in numbers and in one plain sentence.
 */
final class CampaignReading {
  /** Most posts listed per account. */
  static final int MAX_POSTS_PER_ACCOUNT = 200;

  private static final int EXCERPT = 200;

  private CampaignReading() {}

  /**
   * {@code {accountId: {handle, displayName, followers, posts: [{platform, id, createdAt, text,
   * label, seq, sha256}]}}} for every account of {@code c}; an account none of whose posts is in
   * the index gets an empty entry.
   */
  static ObjectNode profiles(Campaign c, PostIndex index) throws IOException {
    ObjectNode out = org.tocsin.core.json.Json.mapper().createObjectNode();
    for (String a : c.accounts()) {
      out.putObject(a).putArray("posts");
    }
    for (PostKey k : c.posts()) {
      ScoredPost sp = index.get(k).orElse(null);
      if (sp == null) {
        continue;
      }
      Author author = sp.post().author();
      ObjectNode p = out.has(author.id()) ? (ObjectNode) out.get(author.id()) : null;
      if (p == null) {
        continue;
      }
      if (author.handle() != null) {
        p.put("handle", author.handle());
      }
      if (author.displayName() != null) {
        p.put("displayName", author.displayName());
      }
      if (author.followers() != null) {
        p.put("followers", author.followers());
      }
      ArrayNode posts = (ArrayNode) p.get("posts");
      if (posts.size() < MAX_POSTS_PER_ACCOUNT) {
        String text = sp.post().text();
        ObjectNode e = posts.addObject();
        e.put("platform", k.platform());
        e.put("id", k.id());
        e.put("createdAt", sp.post().createdAt().toString());
        e.put("text", text.length() > EXCERPT ? text.substring(0, EXCERPT) + " …" : text);
        e.put("label", sp.score().label());
        if (sp.evidence() != null) {
          e.put("seq", sp.evidence().seq());
        }
      }
    }
    return out;
  }

  /**
   * The baseline: {@code accountsInData}, {@code campaignAccounts}, {@code objects} (per object its
   * signal, key, label and counts inside and outside the campaign, with a {@code message}) and a
   * {@code summary} sentence.
   */
  static ObjectNode baseline(Campaign c, List<ObjectBaseline> objects, int accountsInData) {
    NumberFormat n = NumberFormat.getIntegerInstance(Locale.ROOT);
    n.setGroupingUsed(true);
    int size = c.accounts().size();
    int others = Math.max(0, accountsInData - size);
    ObjectNode out = org.tocsin.core.json.Json.mapper().createObjectNode();
    out.put("accountsInData", accountsInData);
    out.put("campaignAccounts", size);
    ArrayNode list = out.putArray("objects");
    int maxOther = 0;
    int maxInside = 0;
    for (ObjectBaseline b : objects) {
      ObjectNode o = list.addObject();
      o.put("signal", b.signal().jsonName());
      o.put("object", b.object());
      o.put("label", b.label());
      o.put("campaignAccounts", b.campaignAccounts());
      o.put("campaignPosts", b.campaignPosts());
      o.put("otherAccounts", b.otherAccounts());
      o.put("otherPosts", b.otherPosts());
      o.put(
          "message",
          b.campaignAccounts()
              + " of the campaign's "
              + size
              + " accounts posted it ("
              + posts(b.campaignPosts(), n)
              + "); "
              + (b.otherAccounts() == 0
                  ? "no other account did"
                  : n.format(b.otherAccounts())
                      + " of the "
                      + n.format(others)
                      + " other accounts did ("
                      + posts(b.otherPosts(), n)
                      + ", "
                      + percent(b.otherAccounts(), others)
                      + " of them)"));
      maxOther = Math.max(maxOther, b.otherAccounts());
      maxInside = Math.max(maxInside, b.campaignAccounts());
    }
    String summary;
    if (objects.isEmpty()) {
      summary =
          "No shared object to compare: this campaign is tied by timing alone, which is measured"
              + " against the posting rate around it.";
    } else if (maxOther == 0) {
      summary =
          "None of the "
              + n.format(others)
              + " other accounts in the data posted any of these objects; up to "
              + maxInside
              + " of the campaign's "
              + size
              + " accounts did.";
    } else {
      summary =
          "At most "
              + n.format(maxOther)
              + " of the "
              + n.format(others)
              + " other accounts in the data ("
              + percent(maxOther, others)
              + ") posted any one of these objects, against up to "
              + maxInside
              + " of the campaign's "
              + size
              + " accounts ("
              + percent(maxInside, size)
              + ").";
    }
    out.put("summary", summary);
    return out;
  }

  private static String posts(int count, NumberFormat n) {
    return n.format(count) + (count == 1 ? " post" : " posts");
  }

  private static String percent(int part, int whole) {
    if (whole <= 0) {
      return "0%";
    }
    double p = 100.0 * part / whole;
    return p >= 10 || p == 0
        ? String.format(Locale.ROOT, "%.0f%%", p)
        : String.format(Locale.ROOT, "%.2g%%", p);
  }
}
