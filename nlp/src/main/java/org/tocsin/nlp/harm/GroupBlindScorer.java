package org.tocsin.nlp.harm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.edit.ScoreEdits;

/**
 * Asks a classifier whether its hate rests on a group's name alone, and if so takes it back: when
 * the classifier labels a post hate, the post names a group, and the harm vocabulary finds no
 * hostile word in it ({@link HarmGrammar#groupNames}), the post is scored again with every group
 * name replaced by a neutral word ("Leute"); if that reading is not hate, its hate and offensive
 * stand, with a note. "In welchen Ländern leben die X?" is not hate because X is a group the
 * classifier's training data mostly saw attacked. The harm grammar, applied after, still raises a
 * post in which it finds a construction.
 *
 * <p>Measured on the German classifier (hate-de): see {@code
 * bench/results/functional-2026-12-08-de-fr.md}. Thread-safe if the wrapped scorer is.
 */
public final class GroupBlindScorer implements PostScorer {

  /** What a group's name is replaced by. */
  private final String neutral;

  private final PostScorer inner;
  private final HarmGrammar grammar;

  /**
   * @param inner the classifier's scorer
   * @param grammar the harm grammar of the same language (its groups and hostile words)
   * @param neutral the neutral plural noun put in place of a group's name ("Leute")
   */
  public GroupBlindScorer(PostScorer inner, HarmGrammar grammar, String neutral) {
    this.inner = Objects.requireNonNull(inner, "inner");
    this.grammar = Objects.requireNonNull(grammar, "grammar");
    this.neutral = Objects.requireNonNull(neutral, "neutral");
  }

  @Override
  public String model() {
    return inner.model();
  }

  @Override
  public String version() {
    return inner.version();
  }

  @Override
  public Score score(Post post) {
    Score s = inner.score(post);
    if (!"hate".equals(s.label())) {
      return s;
    }
    HarmGrammar.GroupNames names = grammar.groupNames(post.text());
    if (names.written().isEmpty() || names.hostile()) {
      return s;
    }
    String masked = mask(post.text(), names.written());
    if (masked.equals(post.text())) {
      return s;
    }
    Score blind = inner.score(withText(post, masked));
    if ("hate".equals(blind.label()) || blind.hate() >= s.hate()) {
      return s;
    }
    List<String> notes = new ArrayList<>(s.explanation().notes());
    notes.add(
        String.format(
            Locale.ROOT,
            "group-blind check: with %s replaced by '%s' and no hostile word, the classifier's hate"
                + " is %.2f, not %.2f: the group's name alone carried it",
            String.join(", ", names.written()),
            neutral,
            blind.hate(),
            s.hate()));
    return ScoreEdits.with(
        s,
        ScoreEdits.round(blind.hate()),
        ScoreEdits.round(Math.min(blind.offensive(), 1 - blind.hate())),
        s.incitement(),
        s.dehumanization(),
        s.targets(),
        s.factors(),
        notes);
  }

  /** The text with every whole-word occurrence of each name replaced by the neutral word. */
  String mask(String text, List<String> names) {
    String out = text;
    for (String name : names) {
      Matcher m =
          Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])")
              .matcher(out);
      out = m.replaceAll(Matcher.quoteReplacement(neutral));
    }
    return out;
  }

  private static Post withText(Post p, String text) {
    return new Post(
        p.platform(),
        p.id(),
        p.url(),
        p.author(),
        p.createdAt(),
        text,
        p.lang(),
        p.replyTo(),
        p.repostOf(),
        p.quoteOf(),
        p.links(),
        p.hashtags(),
        p.mentions(),
        p.media(),
        p.metrics(),
        p.edited(),
        p.extra());
  }
}
