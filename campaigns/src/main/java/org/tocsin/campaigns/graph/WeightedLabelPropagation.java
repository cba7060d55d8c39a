package org.tocsin.campaigns.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * Weighted label propagation (Raghavan, Albert and Kumara 2007, with the label score the sum of
 * edge weights rather than the count of neighbours): every vertex starts with its own label; in
 * each round, in an order shuffled by the seed, a vertex takes the label whose incident edges weigh
 * most, keeping its own label on a tie with it and else taking the least tied label. Rounds stop
 * when no label changes or after {@code maxRounds}. Deterministic for a given graph and seed.
 */
public final class WeightedLabelPropagation {

  private WeightedLabelPropagation() {}

  /**
   * The clusters of {@code graph}: the sets of vertices sharing a label, ordered by their least
   * vertex.
   *
   * @param graph an undirected weighted graph on account indices
   * @param seed seed of the visiting order
   * @param maxRounds most rounds, at least 1
   */
  public static List<Set<Integer>> clusters(
      Graph<Integer, DefaultWeightedEdge> graph, long seed, int maxRounds) {
    if (maxRounds < 1) {
      throw new IllegalArgumentException("maxRounds must be at least 1 [got " + maxRounds + "]");
    }
    Integer[] order = graph.vertexSet().stream().sorted().toArray(Integer[]::new);
    Map<Integer, Integer> label = new HashMap<>();
    for (Integer v : order) {
      label.put(v, v);
    }
    Random random = new Random(seed);
    for (int round = 0; round < maxRounds; round++) {
      shuffle(order, random);
      boolean changed = false;
      for (Integer v : order) {
        int best = bestLabel(graph, v, label);
        if (best != label.get(v)) {
          label.put(v, best);
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    Map<Integer, TreeSet<Integer>> byLabel = new TreeMap<>();
    for (Map.Entry<Integer, Integer> e : label.entrySet()) {
      byLabel.computeIfAbsent(e.getValue(), k -> new TreeSet<>()).add(e.getKey());
    }
    List<TreeSet<Integer>> sorted = new ArrayList<>(byLabel.values());
    sorted.sort(Comparator.comparing(TreeSet::first));
    return new ArrayList<>(sorted);
  }

  private static int bestLabel(
      Graph<Integer, DefaultWeightedEdge> graph, Integer v, Map<Integer, Integer> label) {
    Map<Integer, Double> score = new TreeMap<>();
    for (DefaultWeightedEdge e : graph.edgesOf(v)) {
      Integer u = Graphs.getOppositeVertex(graph, e, v);
      score.merge(label.get(u), graph.getEdgeWeight(e), Double::sum);
    }
    int own = label.get(v);
    if (score.isEmpty()) {
      return own;
    }
    double max = Double.NEGATIVE_INFINITY;
    int best = own;
    for (Map.Entry<Integer, Double> s : score.entrySet()) {
      if (s.getValue() > max) {
        max = s.getValue();
        best = s.getKey();
      }
    }
    Double ownScore = score.get(own);
    return ownScore != null && ownScore == max ? own : best;
  }

  private static void shuffle(Integer[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Integer t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
