package org.tocsin.campaigns.stream;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.detect.CampaignIds;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.campaigns.stream.AccountGraph.Account;

/**
 * Keeps campaign membership and ids as the graph changes: the campaign of an account is the
 * connected component of edges that pass the weight filter, and its id is given once, by {@link
 * CampaignIds} from its founders, and kept as accounts join. When components holding several
 * campaigns meet, the oldest campaign's id is kept and the others are absorbed.
 */
final class CampaignTracker {

  private static final class Tracked {
    final String id;
    final long order;
    final Set<String> accounts = new LinkedHashSet<>();
    StreamingCampaign snapshot;

    Tracked(String id, long order) {
      this.id = id;
      this.order = order;
    }
  }

  private final CampaignConfig cfg;
  private final Map<String, Tracked> campaigns = new HashMap<>();
  private long created;

  CampaignTracker(CampaignConfig cfg) {
    this.cfg = cfg;
  }

  /** Re-examines the components of {@code touched} and reports what changed. */
  void update(
      Collection<String> touched, AccountGraph g, double threshold, List<CampaignEvent> out) {
    Set<String> seen = new HashSet<>();
    for (String start : touched) {
      if (seen.contains(start) || g.peek(start) == null) {
        continue;
      }
      List<Account> component = component(g, start, threshold, seen, cfg.maxComponentSize());
      if (component != null && component.size() >= cfg.minAccounts()) {
        reconcile(component, g, threshold, out);
      }
    }
  }

  /**
   * The component of {@code start}, or {@code null} once it exceeds {@code max} accounts: batch
   * splits such components by label propagation, which is too costly to repeat per post, so the
   * stream leaves them out (and stops the search there, which bounds the work per post).
   */
  private static List<Account> component(
      AccountGraph g, String start, double threshold, Set<String> seen, int max) {
    List<Account> out = new ArrayList<>();
    ArrayDeque<Account> queue = new ArrayDeque<>();
    queue.add(g.peek(start));
    seen.add(start);
    while (!queue.isEmpty()) {
      Account a = queue.poll();
      out.add(a);
      if (out.size() > max) {
        return null;
      }
      for (StreamEdge e : a.edges.values()) {
        String o = e.other(a.id);
        if (g.passes(e, threshold) && seen.add(o)) {
          Account next = g.peek(o);
          if (next != null) {
            queue.add(next);
          }
        }
      }
    }
    return out;
  }

  private void reconcile(
      List<Account> component, AccountGraph g, double threshold, List<CampaignEvent> out) {
    List<Tracked> existing = new ArrayList<>();
    for (Account a : component) {
      Tracked t = a.campaign == null ? null : campaigns.get(a.campaign);
      if (t != null && !existing.contains(t)) {
        existing.add(t);
      }
    }
    existing.sort(Comparator.comparingLong(t -> t.order));
    Set<String> before = new HashSet<>();
    Tracked kept;
    CampaignEvent.Type type;
    if (existing.isEmpty()) {
      Set<String> ids = new HashSet<>();
      component.forEach(a -> ids.add(a.id));
      StreamingCampaign probe = snapshot("", ids, g, threshold);
      kept =
          new Tracked(CampaignIds.of(probe.accounts(), firstObject(ids, g, threshold)), created++);
      campaigns.put(kept.id, kept);
      type = CampaignEvent.Type.NEW;
    } else {
      kept = existing.get(0);
      before.addAll(kept.accounts);
      type = existing.size() > 1 ? CampaignEvent.Type.MERGED : CampaignEvent.Type.GROWN;
    }
    List<String> absorbed = new ArrayList<>();
    for (Tracked t : existing.subList(Math.min(1, existing.size()), existing.size())) {
      absorbed.add(t.id);
      campaigns.remove(t.id);
      for (String id : t.accounts) {
        Account a = g.peek(id);
        if (a != null) {
          a.campaign = kept.id;
          kept.accounts.add(id);
        }
      }
    }
    for (Account a : component) {
      a.campaign = kept.id;
      kept.accounts.add(a.id);
    }
    kept.snapshot = snapshot(kept.id, kept.accounts, g, threshold);
    List<String> joined = new ArrayList<>();
    for (String id : kept.snapshot.accounts()) {
      if (!before.contains(id)) {
        joined.add(id);
      }
    }
    if (type != CampaignEvent.Type.GROWN || !joined.isEmpty()) {
      out.add(new CampaignEvent(type, kept.snapshot, joined, absorbed));
    }
  }

  private static String firstObject(Set<String> ids, AccountGraph g, double threshold) {
    StreamEdge first = null;
    for (String id : ids) {
      for (StreamEdge e : g.peek(id).edges.values()) {
        if (g.passes(e, threshold)
            && ids.contains(e.other(id))
            && (first == null
                || e.firstLater < first.firstLater
                || e.firstLater == first.firstLater
                    && e.firstObject.compareTo(first.firstObject) < 0)) {
          first = e;
        }
      }
    }
    return first == null ? "" : first.firstObject;
  }

  private static StreamingCampaign snapshot(
      String id, Set<String> ids, AccountGraph g, double threshold) {
    Map<String, Long> firstOf = new HashMap<>();
    Map<Signal, Integer> signals = new EnumMap<>(Signal.class);
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    int edges = 0;
    long weights = 0;
    Set<Long> posts = new HashSet<>();
    for (String a : ids) {
      Account acc = g.peek(a);
      if (acc == null) {
        continue;
      }
      for (StreamEdge e : acc.edges.values()) {
        String o = e.other(a);
        if (!g.passes(e, threshold) || !ids.contains(o)) {
          continue;
        }
        firstOf.merge(a, e.firstOf(a), Math::min);
        if (a.equals(e.accountA)) {
          edges++;
          weights += e.weight();
          e.postSeqs().forEach(posts::add);
          first = Math.min(first, Math.min(e.firstA, e.firstB));
          last = Math.max(last, e.lastMillis);
          for (Signal s : Signal.values()) {
            if (e.coShares[s.ordinal()] > 0) {
              signals.merge(s, e.coShares[s.ordinal()], Integer::sum);
            }
          }
        }
      }
    }
    List<String> order = new ArrayList<>(firstOf.keySet());
    order.sort(Comparator.comparing((String a) -> firstOf.get(a)).thenComparing(a -> a));
    return new StreamingCampaign(
        id,
        order,
        Instant.ofEpochMilli(edges == 0 ? 0 : first),
        Instant.ofEpochMilli(edges == 0 ? 0 : last),
        signals,
        edges,
        edges == 0 ? 0 : (double) weights / edges,
        posts.size());
  }

  /** The accounts of campaign {@code id} now, or null if it is not tracked. */
  Set<String> accountsOf(String id) {
    Tracked t = campaigns.get(id);
    return t == null ? null : t.accounts;
  }

  /** The latest snapshot of campaign {@code id}, or null. */
  StreamingCampaign snapshotOf(String id) {
    Tracked t = campaigns.get(id);
    return t == null ? null : t.snapshot;
  }

  /** Removes an evicted account from its campaign; a campaign with no account left is dropped. */
  void forget(Account a) {
    Tracked t = a.campaign == null ? null : campaigns.get(a.campaign);
    if (t != null) {
      t.accounts.remove(a.id);
      if (t.accounts.isEmpty()) {
        campaigns.remove(t.id);
      }
    }
  }

  /** The latest snapshot of every campaign, oldest campaign first. */
  List<StreamingCampaign> snapshots() {
    List<Tracked> all = new ArrayList<>(campaigns.values());
    all.sort(Comparator.comparingLong(t -> t.order));
    List<StreamingCampaign> out = new ArrayList<>(all.size());
    all.forEach(t -> out.add(t.snapshot));
    return out;
  }

  int size() {
    return campaigns.size();
  }
}
