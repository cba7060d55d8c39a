package org.tocsin.evidence.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The incremental tree and the verifiers against a naive recomputation written straight from the
 * definitions of RFC 9162 section 2.1, with seeded randomness ({@code -Dtests.seed=N} reproduces).
 */
class MerkleTreeTest {

  private static final long SEED = Long.getLong("tests.seed", 0x70c51bL);

  private static byte[] leafData(int i) {
    return ("leaf " + i).getBytes(StandardCharsets.UTF_8);
  }

  private static List<byte[]> leaves(int n) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(MerkleHash.leaf(leafData(i)));
    }
    return out;
  }

  private static MerkleTree tree(List<byte[]> leaves) {
    MerkleTree t = new MerkleTree();
    leaves.forEach(t::append);
    return t;
  }

  @Test
  void rootsMatchTheNaiveDefinitionForEverySizeUpTo130() {
    List<byte[]> all = leaves(130);
    MerkleTree t = new MerkleTree();
    assertThat(t.root()).isEqualTo(NaiveMerkle.mth(List.of()));
    for (int n = 1; n <= all.size(); n++) {
      t.append(all.get(n - 1));
      assertThat(t.root()).as("size %d", n).isEqualTo(NaiveMerkle.mth(all.subList(0, n)));
    }
    for (int m = 0; m <= all.size(); m++) {
      assertThat(t.root(m)).isEqualTo(NaiveMerkle.mth(all.subList(0, m)));
    }
  }

  @Test
  void knownVectorFromRfc6962StyleLeaves() {
    // Three leaves "a", "b", "c": root = node(node(leaf(a), leaf(b)), leaf(c)).
    MerkleTree t = new MerkleTree();
    for (String s : List.of("a", "b", "c")) {
      t.append(MerkleHash.leaf(s.getBytes(StandardCharsets.US_ASCII)));
    }
    byte[] ab =
        MerkleHash.node(MerkleHash.leaf(new byte[] {'a'}), MerkleHash.leaf(new byte[] {'b'}));
    assertThat(t.root()).isEqualTo(MerkleHash.node(ab, MerkleHash.leaf(new byte[] {'c'})));
    assertThat(HexFormat.of().formatHex(MerkleHash.emptyRoot()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void inclusionProofsMatchNaiveAndVerifyForRandomIndexesAndSizes() {
    Random rnd = new Random(SEED);
    List<byte[]> all = leaves(1000);
    MerkleTree t = tree(all);
    for (int iter = 0; iter < 400; iter++) {
      int n = 1 + rnd.nextInt(iter < 200 ? 40 : all.size());
      int m = rnd.nextInt(n);
      List<byte[]> proof = t.inclusionProof(m, n);
      List<byte[]> sub = all.subList(0, n);
      String why = "seed " + SEED + " m=" + m + " n=" + n;
      assertThat(proof).as(why).containsExactlyElementsOf(NaiveMerkle.path(m, sub));
      byte[] root = NaiveMerkle.mth(sub);
      assertThat(MerkleVerifier.verifyInclusion(all.get(m), m, n, proof, root)).as(why).isTrue();
      // Any other leaf, index, size or a changed sibling fails.
      int other = (m + 1 + rnd.nextInt(Math.max(1, n - 1))) % n;
      if (other != m) {
        assertThat(MerkleVerifier.verifyInclusion(all.get(other), m, n, proof, root)).isFalse();
        assertThat(MerkleVerifier.verifyInclusion(all.get(m), other, n, proof, root)).isFalse();
      }
      // The root of another size fails (a head binds its size to its root, so that is the check).
      byte[] rootPlusOne = NaiveMerkle.mth(all.subList(0, n + 1));
      assertThat(MerkleVerifier.verifyInclusion(all.get(m), m, n + 1, proof, rootPlusOne))
          .as(why)
          .isFalse();
      if (!proof.isEmpty()) {
        List<byte[]> bad = new ArrayList<>(proof);
        int at = rnd.nextInt(bad.size());
        byte[] flipped = bad.get(at).clone();
        flipped[rnd.nextInt(32)] ^= 1;
        bad.set(at, flipped);
        assertThat(MerkleVerifier.verifyInclusion(all.get(m), m, n, bad, root)).as(why).isFalse();
        assertThat(
                MerkleVerifier.verifyInclusion(
                    all.get(m), m, n, proof.subList(1, proof.size()), root))
            .isFalse();
      }
    }
  }

  @Test
  void consistencyProofsMatchNaiveAndVerifyForRandomSizes() {
    Random rnd = new Random(SEED ^ 0x5eed);
    List<byte[]> all = leaves(1000);
    MerkleTree t = tree(all);
    for (int iter = 0; iter < 400; iter++) {
      int n = 1 + rnd.nextInt(iter < 200 ? 40 : all.size());
      int m = rnd.nextInt(n + 1);
      String why = "seed " + SEED + " m=" + m + " n=" + n;
      List<byte[]> proof = t.consistencyProof(m, n);
      List<byte[]> expected =
          m == 0 || m == n ? List.of() : NaiveMerkle.proof(m, all.subList(0, n));
      assertThat(proof).as(why).containsExactlyElementsOf(expected);
      byte[] r1 = NaiveMerkle.mth(all.subList(0, m));
      byte[] r2 = NaiveMerkle.mth(all.subList(0, n));
      assertThat(MerkleVerifier.verifyConsistency(m, n, r1, r2, proof)).as(why).isTrue();
      if (m > 0 && m < n) {
        byte[] wrong = r1.clone();
        wrong[0] ^= 1;
        assertThat(MerkleVerifier.verifyConsistency(m, n, wrong, r2, proof)).as(why).isFalse();
        assertThat(MerkleVerifier.verifyConsistency(m, n, r1, wrong, proof)).as(why).isFalse();
        // A tree whose first m leaves differ is not consistent with the old root.
        List<byte[]> forged = new ArrayList<>(all.subList(0, n));
        forged.set(rnd.nextInt(m), MerkleHash.leaf(new byte[] {7}));
        MerkleTree ft = tree(forged);
        assertThat(MerkleVerifier.verifyConsistency(m, n, r1, ft.root(), ft.consistencyProof(m, n)))
            .as(why)
            .isFalse();
      }
    }
  }
}
