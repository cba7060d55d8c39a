package org.tocsin.campaigns.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.core.post.Post;
import org.tocsin.testkit.RealPosts;

class NearDuplicatesTest {

  private static final long SEED = Long.getLong("tests.seed", 7L);
  private final CampaignConfig cfg = CampaignConfig.defaults();

  @Test
  void groupsNearDuplicatesAndLeavesUnrelatedTextsAlone() {
    Random rnd = new Random(SEED);
    List<String> real = new ArrayList<>();
    for (Post p : RealPosts.sample()) {
      if (TextShingles.words(p.text()).size() >= 12) {
        real.add(p.text());
      }
    }
    List<String> texts = new ArrayList<>(real);
    int base = texts.size();
    int originals = 20;
    for (int i = 0; i < originals; i++) {
      String original = real.get(i * 3);
      texts.add("RT @someone: " + original + " https://t.co/x" + rnd.nextInt(1000));
      texts.add(dropOneWord(original, rnd).toUpperCase(java.util.Locale.ROOT));
    }
    int[] root = NearDuplicates.group(texts.size(), texts::get, cfg);
    for (int i = 0; i < originals; i++) {
      int original = i * 3;
      assertThat(root[base + 2 * i])
          .as("retweet of text %d, seed %d", original, SEED)
          .isEqualTo(root[original]);
      assertThat(root[base + 2 * i + 1])
          .as("one word dropped from text %d, seed %d", original, SEED)
          .isEqualTo(root[original]);
    }
    long merged = 0;
    for (int i = 0; i < base; i++) {
      if (root[i] != i && root[i] >= 0 && !real.get(root[i]).equals(real.get(i))) {
        merged++;
      }
    }
    assertThat(merged)
        .as("distinct real texts merged, seed %d", SEED)
        .isLessThanOrEqualTo(base / 50);
  }

  @Test
  void shortTextsMatchByTheirExactWordSet() {
    List<String> texts =
        List.of("Wake UP now!", "now wake up", "wake up", "", "https://t.co/x @someone", "wake up");
    int[] root = NearDuplicates.group(texts.size(), texts::get, cfg);
    // case, punctuation and order do not matter; a word more or less does; no words, no part
    assertThat(root).containsExactly(0, 0, 2, -1, -1, 2);
  }

  @Test
  void swappedAndReplacedWordsStillMatch() {
    String original = "they are coming for our jobs and our homes so wake up before it is too late";
    List<String> texts =
        List.of(
            original,
            "they are coming for our homes and our jobs so wake up before it is too late",
            "they are coming for our jobs and our houses so wake up before it is much late",
            "a quiet walk in the park with the dog today and then home for a long nap");
    int[] root = NearDuplicates.group(texts.size(), texts::get, cfg);
    assertThat(root).containsExactly(0, 0, 0, 3);
  }

  @Test
  void candidateCurveRisesAroundTheThreshold() {
    MinHash mh = new MinHash(cfg.permutations(), cfg.bands());
    assertThat(mh.candidateProbability(0.2)).isLessThan(0.2);
    assertThat(mh.candidateProbability(0.5)).isGreaterThan(0.9);
    assertThat(mh.candidateProbability(0.7)).isGreaterThan(0.999);
  }

  @Test
  void estimatedSimilarityTracksJaccard() {
    MinHash mh = new MinHash(cfg.permutations(), cfg.bands());
    long[] a = new long[100];
    long[] b = new long[100];
    for (int i = 0; i < 100; i++) {
      a[i] = i;
      b[i] = i < 60 ? i : 1000 + i; // 60 shared of 140: Jaccard 0.43
    }
    int[] sa = new int[mh.permutations()];
    int[] sb = new int[mh.permutations()];
    mh.signature(a, sa);
    mh.signature(b, sb);
    byte[] sigs = new byte[2 * mh.permutations()];
    for (int i = 0; i < mh.permutations(); i++) {
      sigs[i] = (byte) sa[i];
      sigs[mh.permutations() + i] = (byte) sb[i];
    }
    assertThat(mh.similarity(sigs, 0, 1)).isBetween(0.43 - 0.2, 0.43 + 0.2);
    assertThat(mh.similarity(sigs, 0, 0)).isEqualTo(1.0);
  }

  private static String dropOneWord(String text, Random rnd) {
    List<String> words = new ArrayList<>(List.of(text.split("\\s+")));
    words.remove(words.size() / 2 + rnd.nextInt(2));
    return String.join(" ", words);
  }
}
