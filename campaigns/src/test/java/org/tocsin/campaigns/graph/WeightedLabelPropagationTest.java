package org.tocsin.campaigns.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;

class WeightedLabelPropagationTest {

  /**
   * Two cliques of six accounts with strong ties (weight 10), and every account of one joined to
   * every account of the other by a weak tie (weight 0.1): each account has more weak neighbours
   * (6) than strong ones (5), so counting neighbours merges the groups.
   */
  private static Graph<Integer, DefaultWeightedEdge> twoGroupsWeaklyJoined() {
    Graph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (int v = 0; v < 12; v++) {
      g.addVertex(v);
    }
    for (int a = 0; a < 12; a++) {
      for (int b = a + 1; b < 12; b++) {
        boolean same = (a < 6) == (b < 6);
        g.setEdgeWeight(g.addEdge(a, b), same ? 10 : 0.1);
      }
    }
    return g;
  }

  @Test
  void strongTiesDecideMembershipWhereUnweightedPropagationMerges() {
    Graph<Integer, DefaultWeightedEdge> g = twoGroupsWeaklyJoined();
    for (long seed = 0; seed < 20; seed++) {
      assertThat(WeightedLabelPropagation.clusters(g, seed, 100))
          .as("seed %d", seed)
          .containsExactly(Set.of(0, 1, 2, 3, 4, 5), Set.of(6, 7, 8, 9, 10, 11));
    }
    // The same graph, weights ignored (JGraphT 1.5.2, what Communities used before): one cluster.
    int merged = 0;
    for (long seed = 0; seed < 20; seed++) {
      var c = new LabelPropagationClustering<>(g, 0, new Random(seed)).getClustering();
      if (c.getNumberClusters() == 1) {
        merged++;
      }
    }
    assertThat(merged).isPositive();
  }

  @Test
  void sameSeedSameClustersAndIsolatedVerticesStayAlone() {
    Graph<Integer, DefaultWeightedEdge> g = twoGroupsWeaklyJoined();
    g.addVertex(40);
    List<Set<Integer>> first = WeightedLabelPropagation.clusters(g, 42, 100);
    assertThat(WeightedLabelPropagation.clusters(g, 42, 100)).isEqualTo(first);
    assertThat(first).hasSize(3).last().isEqualTo(Set.of(40));
  }

  @Test
  void aChainOfStrongTiesOutweighsOneHeavierWeakPath() {
    // 0-1-2 strongly tied (5 each), 2-3 and 3-4 tied (5), 2 also tied to 5 (1).
    Graph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (int v = 0; v < 6; v++) {
      g.addVertex(v);
    }
    g.setEdgeWeight(g.addEdge(0, 1), 5);
    g.setEdgeWeight(g.addEdge(1, 2), 5);
    g.setEdgeWeight(g.addEdge(0, 2), 5);
    g.setEdgeWeight(g.addEdge(2, 5), 1);
    g.setEdgeWeight(g.addEdge(3, 4), 5);
    List<Set<Integer>> c = WeightedLabelPropagation.clusters(g, 7, 100);
    assertThat(c).contains(Set.of(3, 4));
    assertThat(c.stream().filter(s -> s.contains(0)).findFirst().orElseThrow()).contains(0, 1, 2);
  }

  @Test
  void rejectsNoRounds() {
    assertThatThrownBy(() -> WeightedLabelPropagation.clusters(twoGroupsWeaklyJoined(), 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRounds");
  }
}
