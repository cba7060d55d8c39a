package org.tocsin.campaigns.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.tocsin.campaigns.CampaignConfig;

/**
 * Finds communities of coordinating accounts: the connected components of the filtered graph, and
 * for components larger than {@code maxComponentSize} the clusters weighted label propagation
 * ({@link WeightedLabelPropagation}) finds in them, with the configured seed, so that strong ties
 * decide membership and a few weak ties do not merge two dense groups. Communities with fewer than
 * {@code minAccounts} accounts are dropped.
 */
public final class Communities {

  /** Most label-propagation rounds on one component. */
  static final int MAX_ROUNDS = 100;

  private Communities() {}

  /**
   * The communities of {@code g}, each a sorted array of account indices, ordered by their least
   * account index.
   */
  public static List<int[]> find(CoordinationGraph g, CampaignConfig cfg) {
    Graph<Integer, DefaultWeightedEdge> graph =
        new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (AccountPair p : g.edges()) {
      graph.addVertex(p.accountA());
      graph.addVertex(p.accountB());
      DefaultWeightedEdge e = graph.addEdge(p.accountA(), p.accountB());
      graph.setEdgeWeight(e, p.weight(g.table()));
    }
    List<int[]> out = new ArrayList<>();
    for (Set<Integer> component : new ConnectivityInspector<>(graph).connectedSets()) {
      if (component.size() <= cfg.maxComponentSize()) {
        add(out, component, cfg);
        continue;
      }
      Graph<Integer, DefaultWeightedEdge> sub =
          new org.jgrapht.graph.AsSubgraph<>(graph, component);
      for (Set<Integer> cluster : WeightedLabelPropagation.clusters(sub, cfg.seed(), MAX_ROUNDS)) {
        add(out, cluster, cfg);
      }
    }
    out.sort((a, b) -> Integer.compare(a[0], b[0]));
    return out;
  }

  private static void add(List<int[]> out, Set<Integer> accounts, CampaignConfig cfg) {
    if (accounts.size() < cfg.minAccounts()) {
      return;
    }
    int[] a = accounts.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(a);
    out.add(a);
  }
}
