package org.tocsin.campaigns.baseline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.attribution.Attributions;
import org.tocsin.campaigns.attribution.SignalFinding;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.campaigns.graph.CoShare;
import org.tocsin.campaigns.graph.CoordinationEdge;
import org.tocsin.campaigns.graph.SignalEvidence;
import org.tocsin.campaigns.signal.SharedObjects;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.campaigns.signal.TextShingles;
import org.tocsin.core.post.Post;

/**
 * The organic baseline of every campaign's most shared objects (those its {@link Attributions}
 * summary names): one pass over the posts given to detection counts, per object, the accounts and
 * posts inside the campaign and outside it.
 *
 * <p>Objects are keyed as the detector keys them ({@link SharedObjects}), so a link or a hashtag
 * sequence counts exactly where detection saw it. A text object (a near-duplicate group) counts the
 * posts whose text is a near-duplicate of a campaign post in it, as the detector measures it
 * ({@link TextMatcher}). Burst bins have no baseline here: a burst is by definition measured
 * against the posting rate around it.
 */
public final class ObjectBaselines {
  private static final int MAX_LABEL = 120;

  private ObjectBaselines() {}

  /** Counts of one object for one campaign, filled during the pass. */
  private static final class Tally {
    final Signal signal;
    final String object;
    String label;
    final Set<String> accounts;
    final Set<String> inside = new HashSet<>();
    final Set<String> outside = new HashSet<>();
    int insidePosts;
    int outsidePosts;

    Tally(Signal signal, String object, Set<String> accounts) {
      this.signal = signal;
      this.object = object;
      this.label = signal == Signal.HASHTAGS ? hashtags(object) : object;
      this.accounts = accounts;
    }

    void count(Post p) {
      if (accounts.contains(p.author().id())) {
        inside.add(p.author().id());
        insidePosts++;
      } else {
        outside.add(p.author().id());
        outsidePosts++;
      }
    }

    ObjectBaseline result() {
      return new ObjectBaseline(
          signal, object, label, inside.size(), insidePosts, outside.size(), outsidePosts);
    }
  }

  /**
   * The baselines of {@code campaigns}' named objects among {@code posts}, by campaign id, in the
   * order of the summary's findings.
   */
  public static Map<String, List<ObjectBaseline>> of(
      Iterable<Post> posts, List<Campaign> campaigns, CampaignConfig cfg) {
    Objects.requireNonNull(posts, "posts");
    Objects.requireNonNull(campaigns, "campaigns");
    Objects.requireNonNull(cfg, "cfg");
    Map<String, List<Tally>> byCampaign = new LinkedHashMap<>();
    Map<String, List<Tally>> byObject = new HashMap<>(); // "signal\0object"
    // a campaign post of each text object -> the tallies counted by near-duplicates of its text
    Map<String, List<Tally>> textRoots = new HashMap<>();
    for (Campaign c : campaigns) {
      Set<String> accounts = Set.copyOf(c.accounts());
      List<Tally> tallies = new ArrayList<>();
      for (SignalFinding f : Attributions.of(c, cfg).findings()) {
        if (f.signal() == Signal.BURST) {
          continue;
        }
        for (String o : f.objects()) {
          Tally t = new Tally(f.signal(), o, accounts);
          if (f.signal() == Signal.TEXT) {
            String sample = textSample(c, o);
            if (sample == null) {
              continue; // no campaign post of it among the samples: its wording is unknown
            }
            tallies.add(t);
            textRoots.computeIfAbsent(sample, k -> new ArrayList<>()).add(t);
          } else {
            tallies.add(t);
            byObject.computeIfAbsent(key(f.signal(), o), k -> new ArrayList<>()).add(t);
          }
        }
      }
      byCampaign.put(c.id(), tallies);
    }
    // text objects are counted by near-duplicates of the text a campaign account posted
    TextMatcher<Tally> texts = new TextMatcher<>(cfg);
    if (!textRoots.isEmpty()) {
      for (Post p : posts) {
        List<Tally> ts = textRoots.get(p.key().toString());
        if (ts != null) {
          String wording = TextShingles.normalized(p.text());
          for (Tally t : ts) {
            t.label =
                wording.length() > MAX_LABEL ? wording.substring(0, MAX_LABEL) + "…" : wording;
            texts.add(p.text(), t);
          }
        }
      }
    }
    for (Post p : posts) {
      Set<Tally> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      SharedObjects.forEach(
          p,
          null,
          cfg,
          (s, o) -> {
            List<Tally> ts = byObject.get(key(s, o));
            if (ts != null) {
              ts.stream().filter(seen::add).forEach(t -> t.count(p));
            }
          });
      texts.matches(p.text()).stream().filter(seen::add).forEach(t -> t.count(p));
    }
    Map<String, List<ObjectBaseline>> out = new LinkedHashMap<>();
    byCampaign.forEach((id, ts) -> out.put(id, ts.stream().map(Tally::result).toList()));
    return out;
  }

  /** The key of a campaign post that shared text object {@code object}, or null. */
  private static String textSample(Campaign c, String object) {
    for (CoordinationEdge e : c.edges()) {
      for (SignalEvidence s : e.signals()) {
        if (s.signal() == Signal.TEXT) {
          for (CoShare share : s.samples()) {
            if (share.object().equals(object)) {
              return share.second().key().toString();
            }
          }
        }
      }
    }
    return null;
  }

  private static String key(Signal s, String object) {
    return s.name() + '\0' + object;
  }

  private static String hashtags(String sequence) {
    return "#" + String.join(" #", sequence.split(" "));
  }
}
