package org.tocsin.nlp.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.baseline.LexiconScorer;

class WatchlistScorerTest {
  private static Post post(String text) {
    return new Post(
        "test",
        "1",
        null,
        new Author("a", null, null, null, null),
        Instant.EPOCH,
        text,
        "en",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void aWatchedTermSetsTheContextFactorAndTakesEffectWithoutRestart() {
    WatchlistScorer scorer = new WatchlistScorer(LexiconScorer.loadDefault());
    String text = "Time to clear the Cockroach Nest before dawn, kill them all";
    Score before = scorer.score(post(text));
    assertThat(before.factors().context().score()).isZero();

    scorer.setWatchlists(
        List.of(
            new Watchlist(
                "w1",
                "coded terms",
                "country X, 2026 election",
                0.9,
                List.of("cockroach nest", "Tall Trees"))));
    Score after = scorer.score(post(text));
    assertThat(after.factors().context().score()).isEqualTo(0.9);
    assertThat(after.factors().context().evidence()).anyMatch(e -> e.contains("cockroach nest"));
    assertThat(after.explanation().lexicon()).anyMatch(h -> h.category().equals("watchlist"));
    assertThat(after.incitement()).isGreaterThanOrEqualTo(before.incitement());
    // a post without the term is unchanged
    Score other = scorer.score(post("we planted tall pines"));
    assertThat(other.factors().context().score()).isZero();

    scorer.setWatchlists(List.of());
    assertThat(scorer.score(post(text)).factors().context().score()).isZero();
  }

  @Test
  void badWatchlistsAreRefusedWithTheFieldNamed() {
    assertThatThrownBy(() -> new Watchlist("w", "", "c", 0.5, List.of("x")))
        .hasMessageContaining("name");
    assertThatThrownBy(() -> new Watchlist("w", "n", "c", 1.5, List.of("x")))
        .hasMessageContaining("risk");
    assertThatThrownBy(() -> new Watchlist("w", "n", "c", 0.5, List.of()))
        .hasMessageContaining("terms");
  }
}
