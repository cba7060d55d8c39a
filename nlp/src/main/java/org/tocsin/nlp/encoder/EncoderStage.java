package org.tocsin.nlp.encoder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Factor;
import org.tocsin.core.score.Factors;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.edit.ScoreEdits;

/**
 * Lifts an English score with the encoder heads ({@link EncoderHeads}) where the gate lets a post
 * through: the router's language is English and the score already names a target group (the
 * lexicon's or the target classifier's). Only those posts are embedded; the rest pass untouched, at
 * no cost.
 *
 * <p>When the hate head's probability {@code p} reaches its threshold, hate becomes {@code
 * max(hate, max(p, 0.5))} (so the label is hate) and offensive is rescaled so the three labels
 * still sum to one; when the incitement head's probability {@code q} reaches its threshold,
 * incitement becomes {@code max(incitement, q)} and the intent factor gains the evidence. The stage
 * only raises: it runs before the harm grammar, whose blockers (negation, quotation,
 * counter-speech, news) then cap what it raised as they cap the classifier. Every score it changes
 * says so in a note.
 *
 * <p>Thread-safe. {@link #apply} never throws for any post content: an encoder failure leaves the
 * score as it was, with a note.
 */
public final class EncoderStage {

  private final EncoderHeads heads;
  private final Function<String, float[]> vectors;
  private final AtomicLong seen = new AtomicLong();
  private final AtomicLong gated = new AtomicLong();

  /**
   * A stage over heads and a source of encoder vectors.
   *
   * @param vectors the encoder's vector of a text ({@link SentenceEncoder#embed})
   */
  public EncoderStage(EncoderHeads heads, Function<String, float[]> vectors) {
    this.heads = Objects.requireNonNull(heads, "heads");
    this.vectors = Objects.requireNonNull(vectors, "vectors");
  }

  /** The shipped heads over the shipped encoder (loads the ONNX model: about a second). */
  public static EncoderStage loadDefault() throws IOException {
    SentenceEncoder encoder = SentenceEncoder.load();
    return new EncoderStage(EncoderHeads.loadDefault(), encoder::embed);
  }

  /** The heads this stage applies. */
  public EncoderHeads heads() {
    return heads;
  }

  /** How many scores the stage was asked about, and how many passed its gate (for benchmarks). */
  public long[] counts() {
    return new long[] {seen.get(), gated.get()};
  }

  /** Whether the stage reads this score at all: English, with a target group named. */
  public static boolean gate(String language, Score s) {
    return "en".equals(language) && !s.targets().isEmpty();
  }

  /**
   * The score lifted by the heads, or {@code s} itself when the gate stops the post or no head
   * reaches its threshold.
   *
   * @param language the ISO 639-1 code the router scored the post in
   */
  public Score apply(String language, Post post, Score s) {
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(s, "score");
    seen.incrementAndGet();
    if (!gate(language, s)) {
      return s;
    }
    gated.incrementAndGet();
    float[] x;
    try {
      x = vectors.apply(post.text());
    } catch (RuntimeException e) {
      List<String> notes = new ArrayList<>(s.explanation().notes());
      notes.add("encoder stage could not read this post (" + e.getClass().getSimpleName() + ")");
      return ScoreEdits.with(
          s,
          s.hate(),
          s.offensive(),
          s.incitement(),
          s.dehumanization(),
          s.targets(),
          s.factors(),
          notes);
    }
    double p = heads.hate().probability(x);
    double q = heads.incitement().probability(x);
    boolean liftHate = p >= heads.hateThreshold() && p > s.hate();
    boolean liftIncitement = q >= heads.incitementThreshold() && q > s.incitement();
    if (!liftHate && !liftIncitement) {
      return s;
    }
    String name = heads.name() + " v" + heads.version();
    List<String> notes = new ArrayList<>(s.explanation().notes());
    double hate = s.hate();
    double offensive = s.offensive();
    if (liftHate) {
      hate = Math.max(s.hate(), Math.max(p, 0.5));
      offensive = ScoreEdits.offensiveAfter(s, hate);
      notes.add(
          String.format(
              Locale.ROOT,
              "encoder stage %s: hate head %.3f >= %.3f, hate raised from %.3f",
              name,
              p,
              heads.hateThreshold(),
              s.hate()));
    }
    double incitement = s.incitement();
    Factors factors = s.factors();
    if (liftIncitement) {
      incitement = q;
      String ev =
          String.format(
              Locale.ROOT,
              "encoder stage %s: incitement head %.3f >= %.3f",
              name,
              q,
              heads.incitementThreshold());
      notes.add(ev + ", incitement raised from " + ScoreEdits.round(s.incitement()));
      Factor in = factors.intent();
      List<String> evidence = new ArrayList<>(in.evidence());
      evidence.add(ev);
      factors = ScoreEdits.withIntent(factors, new Factor(Math.max(in.score(), q), evidence));
    }
    return ScoreEdits.with(
        s,
        ScoreEdits.round(hate),
        ScoreEdits.round(offensive),
        ScoreEdits.round(incitement),
        s.dehumanization(),
        s.targets(),
        factors,
        notes);
  }
}
