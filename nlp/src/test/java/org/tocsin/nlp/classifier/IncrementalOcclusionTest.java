package org.tocsin.nlp.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.Post;
import org.tocsin.testkit.HostilePosts;
import org.tocsin.testkit.RealPosts;

/**
 * Incremental occlusion against the reference: every shortened text vectorised and classified
 * afresh, on real posts.
 */
class IncrementalOcclusionTest {
  @TempDir static Path tmp;
  static HateClassifier mlp;
  static HateClassifier mixed;

  @BeforeAll
  static void load() throws IOException {
    TinyArtifacts.write(tmp.resolve("mlp"));
    TinyArtifacts.writeMixed(tmp.resolve("mixed"));
    mlp = HateClassifier.load(tmp.resolve("mlp"));
    mixed = HateClassifier.load(tmp.resolve("mixed"));
  }

  static List<String> texts() {
    List<String> out = new ArrayList<>();
    for (Post p : RealPosts.sample()) {
      out.add(p.text());
    }
    out.add("");
    out.add("vermin");
    out.add("they are vermin vermin they are Vermin");
    out.add("stupid stupid stupid");
    out.add("they are they are they are vermin");
    for (Post p : HostilePosts.all()) {
      out.add(p.text());
    }
    return out;
  }

  /** Applies a change to a block: bucket -> weight of the shortened text. */
  static Map<Integer, Float> applied(TfidfVectorizer.Block block, TfidfVectorizer.Change change) {
    Map<Integer, Float> w = new HashMap<>();
    for (int i = 0; i < block.buckets.length; i++) {
      if (block.weights[i] > 0) {
        w.put(block.buckets[i], block.weights[i]);
      }
    }
    for (int i = 0; i < change.buckets().length; i++) {
      int b = change.buckets()[i];
      double now = w.getOrDefault(b, 0f) + change.delta()[i];
      if (Math.abs(now) < 1e-6) {
        w.remove(b);
      } else {
        w.put(b, (float) now);
      }
    }
    return w;
  }

  static Map<Integer, Float> weights(TfidfVectorizer.Block block) {
    Map<Integer, Float> w = new HashMap<>();
    for (int i = 0; i < block.buckets.length; i++) {
      if (block.weights[i] > 0) {
        w.put(block.buckets[i], block.weights[i]);
      }
    }
    return w;
  }

  @Test
  void removingAWordChangesTheBlocksExactlyAsRevectorisingDoes() {
    List<List<String>> corpus = new ArrayList<>();
    for (Post p : RealPosts.sample()) {
      corpus.add(TfidfVectorizer.tokens(p.text()));
    }
    // small hash spaces collide often; every word n-gram length the configuration allows
    for (FeatureConfig config :
        List.of(
            new FeatureConfig(8, 1, 3, 5, 1, 3),
            new FeatureConfig(10, 2, 3, 5, 1, 20200),
            new FeatureConfig(12, 3, 2, 4, 2, 5),
            new FeatureConfig(16, 4, 1, 6, 1, 9),
            new FeatureConfig(12, 2, 0, 0, 1, 1))) {
      TfidfVectorizer v = TfidfVectorizer.fit(config, corpus);
      NgramHasher h = v.hasher();
      int checked = 0;
      for (List<String> words : corpus.subList(0, 60)) {
        TfidfVectorizer.Block wb = v.wordBlock(words);
        TfidfVectorizer.Block cb = v.charBlock(words);
        for (int i = 0; i < words.size(); i++) {
          List<String> shorter = new ArrayList<>(words);
          shorter.remove(i);
          TfidfVectorizer.Block ws = v.wordBlock(shorter);
          TfidfVectorizer.Block cs = v.charBlock(shorter);
          TfidfVectorizer.Change cw =
              wb.without(h.wordBucketsContaining(words, i), h.wordBucketsBridging(words, i));
          TfidfVectorizer.Change cc = cb.without(h.charBuckets(words.get(i)), new int[0]);
          assertThat(applied(wb, cw))
              .as(config + " " + words + " without " + i)
              .isEqualTo(weights(ws));
          assertThat(applied(cb, cc))
              .as(config + " " + words + " without " + i)
              .isEqualTo(weights(cs));
          assertThat(cw.kept()).isEqualTo(ws.kept);
          assertThat(cc.kept()).isEqualTo(cs.kept);
          assertThat(cw.norm2()).isCloseTo(ws.norm2, offset(1e-9 * (1 + ws.norm2)));
          assertThat(cc.norm2()).isCloseTo(cs.norm2, offset(1e-9 * (1 + cs.norm2)));
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(500);
    }
  }

  @Test
  void incrementalDropsEqualReclassificationOnRealPosts() {
    for (HateClassifier c : List.of(mlp, mixed)) {
      for (String text : texts()) {
        TextFeatures f = TextFeatures.of(text);
        int n = Math.min(f.words().size(), OcclusionExplainer.MAX_OCCLUDED);
        double[] fast = c.abusiveWithoutEach(f, n);
        for (int i = 0; i < n; i++) {
          List<String> shorter = new ArrayList<>(f.words());
          shorter.remove(i);
          double slow = c.predictTokens(List.of(shorter)).get(0).abusive();
          assertThat(fast[i]).as(text + " without word " + i).isCloseTo(slow, offset(1e-6));
        }
      }
    }
  }

  @Test
  void explanationsEqualTheReference() {
    int explainedTokens = 0;
    for (HateClassifier c : List.of(mlp, mixed)) {
      for (String text : texts()) {
        Explained fast = c.explain(text, 8);
        Explained slow = OcclusionExplainer.explainByReclassification(c, text, 8);
        assertThat(fast.prediction()).isEqualTo(slow.prediction());
        assertThat(fast.occludedTokens()).isEqualTo(slow.occludedTokens());
        assertThat(fast.tokens()).hasSameSizeAs(slow.tokens());
        for (int i = 0; i < slow.tokens().size(); i++) {
          assertThat(fast.tokens().get(i).token()).isEqualTo(slow.tokens().get(i).token());
          assertThat(fast.tokens().get(i).weight())
              .as(text)
              .isCloseTo(slow.tokens().get(i).weight(), offset(1e-6));
        }
        explainedTokens += slow.tokens().size();
      }
    }
    assertThat(explainedTokens).isGreaterThan(10);
  }

  @Test
  void sharedFeaturesGiveWhatTheTextGives() {
    for (String text : texts()) {
      TextFeatures f = TextFeatures.of(text);
      assertThat(mixed.predict(f)).isEqualTo(mixed.predict(text));
      assertThat(mlp.predict(f)).isEqualTo(mlp.predict(text));
    }
    assertThat(mlp.vectorizer().sameFeatures(mlp.vectorizer())).isTrue();
    assertThat(mlp.vectorizer().sameFeatures(null)).isFalse();
  }
}
