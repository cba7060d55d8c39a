package org.tocsin.nlp.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tocsin.nlp.baseline.TestPosts.post;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Metrics;
import org.tocsin.core.score.Factor;
import org.tocsin.core.score.Ground;
import org.tocsin.core.score.LexiconHit;
import org.tocsin.core.score.Score;
import org.tocsin.core.score.TargetScore;
import org.tocsin.core.score.TokenWeight;

class LexiconScorerTest {
  private static final LexiconScorer SCORER = LexiconScorer.loadDefault();

  @Test
  void aCallCountsFullyOnlyWhenItsViolentActIsAimedAtAGroup() {
    Score near = SCORER.score(post("we must kill the muslims"));
    Score far = SCORER.score(post("we must kill said one of the men who met the muslims"));
    assertThat(near.factors().intent().score()).isEqualTo(1.0);
    assertThat(far.factors().intent().score()).isEqualTo(0.5);
    assertThat(far.factors().intent().evidence())
        .containsExactly("call to action 'we must' 1 token before violence term 'kill'");
    assertThat(near.incitement()).isGreaterThan(far.incitement() + 0.5);
  }

  @Test
  void theOnlyGoodSloganReadsAsACallToKill() {
    Score s = SCORER.score(post("the only good kike is a dead kike"));
    assertThat(s.factors().intent().evidence())
        .anyMatch(e -> e.startsWith("call to action 'the only good'") && e.contains("'dead'"));
    assertThat(s.incitement()).isGreaterThan(0.15); // the dev threshold is 0.0539
    Score report = SCORER.score(post("two jews were found dead in the house"));
    assertThat(report.incitement()).isLessThan(s.incitement() / 3);
  }

  @Test
  void namesModelAndVersion() {
    Score s = SCORER.score(post("hello"));
    assertThat(s.model()).isEqualTo("tocsin-lexicon-baseline").isEqualTo(SCORER.model());
    assertThat(s.version()).isEqualTo("2").isEqualTo(SCORER.version());
  }

  @Test
  void defaultLexiconCoversEveryCategory() {
    Lexicon lexicon = SCORER.lexicon();
    assertThat(lexicon.name()).isEqualTo("tocsin-baseline-v2");
    assertThat(lexicon.countByCategory()).containsOnlyKeys(LexiconCategory.values());
    assertThat(lexicon.countByCategory().values()).allMatch(n -> n >= 10);
    assertThat(lexicon.entries())
        .filteredOn(e -> e.category() == LexiconCategory.GROUP)
        .extracting(LexiconEntry::ground)
        .contains(
            Ground.ETHNIC,
            Ground.NATIONAL,
            Ground.RACIAL,
            Ground.RELIGIOUS,
            Ground.POLITICAL,
            Ground.GENDER,
            Ground.SEXUAL_ORIENTATION,
            Ground.DISABILITY,
            Ground.MIGRATION_STATUS);
  }

  @Test
  void callToExterminateAGroupScoresFarAboveANeutralMention() {
    Score incitement = SCORER.score(post("we must exterminate the rohingya vermin tonight"));
    Score neutral = SCORER.score(post("the rohingya crisis needs aid"));

    assertThat(incitement.incitement()).isGreaterThan(0.5);
    assertThat(neutral.incitement()).isLessThan(0.05);
    assertThat(incitement.incitement()).isGreaterThan(neutral.incitement() + 0.4);
    assertThat(incitement.dehumanization()).isGreaterThan(0.5);
    assertThat(neutral.dehumanization()).isZero();
    assertThat(incitement.label()).isEqualTo("hate");
    assertThat(neutral.label()).isEqualTo("normal");

    assertThat(incitement.targets())
        .extracting(TargetScore::group, TargetScore::ground)
        .contains(tuple("rohingya", Ground.ETHNIC));
    TargetScore rohingya = incitement.targets().get(0);
    assertThat(rohingya.confidence()).isGreaterThan(0.7);
    assertThat(neutral.targets()).allMatch(t -> t.confidence() <= 0.3 + 1e-9);

    assertThat(incitement.explanation().tokens())
        .extracting(TokenWeight::token)
        .contains("exterminate", "vermin");
    assertThat(incitement.explanation().tokens().get(0).weight())
        .isGreaterThanOrEqualTo(incitement.explanation().tokens().get(1).weight());
    assertThat(incitement.explanation().lexicon())
        .contains(
            new LexiconHit("exterminate", "violence", "tocsin-baseline-v2"),
            new LexiconHit("vermin", "dehumanization", "tocsin-baseline-v2"),
            new LexiconHit("we must", "call_to_action", "tocsin-baseline-v2"),
            new LexiconHit("tonight", "imminence", "tocsin-baseline-v2"),
            new LexiconHit("rohingya", "group", "tocsin-baseline-v2"));

    var f = incitement.factors();
    assertThat(f.content().evidence())
        .contains(
            "violence term 'exterminate' within 2 tokens of group 'rohingya'",
            "dehumanising term 'vermin' within 1 token of group 'rohingya'");
    assertThat(f.intent().evidence())
        .contains(
            "call to action 'we must' 1 token before violence term 'exterminate', aimed at group"
                + " 'rohingya'");
    assertThat(f.likelihood().evidence()).contains("imminence cue 'tonight'");
    assertThat(f.context().evidence()).containsExactly("no watchlist context yet");
    assertThat(f.content().score()).isGreaterThan(0.5);
    assertThat(f.intent().score()).isGreaterThan(0.5);
    assertThat(f.likelihood().score()).isGreaterThan(0.5);
    for (Factor factor :
        List.of(f.context(), f.speaker(), f.intent(), f.content(), f.extent(), f.likelihood())) {
      assertThat(factor.evidence()).isNotEmpty();
    }
    assertThat(incitement.explanation().notes())
        .anyMatch(n -> n.contains("negation and quotation are not detected"));
  }

  @Test
  void ordinarySentenceIsNormalWithNoTargets() {
    Score s =
        SCORER.score(
            post("The weather in the park was lovely this afternoon, and we had a picnic."));
    assertThat(s.label()).isEqualTo("normal");
    assertThat(s.targets()).isEmpty();
    assertThat(s.incitement()).isZero();
    assertThat(s.dehumanization()).isZero();
    assertThat(s.hate()).isLessThan(0.05);
    assertThat(s.explanation().tokens()).isEmpty();
  }

  @Test
  void reachAndSpeakerAreLogScaledWithEvidence() {
    String text = "kill all the jews";
    Score quiet = SCORER.score(post(text));
    Score loud = SCORER.score(post(text, "en", new Metrics(10L, 1_204L, 37L, null), 25_300L));

    assertThat(loud.factors().extent().evidence()).containsExactly("1,204 reposts", "37 replies");
    assertThat(loud.factors().speaker().evidence()).containsExactly("author has 25,300 followers");
    assertThat(loud.factors().extent().score()).isBetween(0.6, 0.7);
    assertThat(loud.factors().speaker().score()).isBetween(0.6, 0.65);
    assertThat(quiet.factors().extent().evidence())
        .containsExactly("reposts and replies not reported");
    assertThat(quiet.factors().speaker().evidence()).containsExactly("follower count not reported");
    assertThat(loud.incitement()).isGreaterThan(quiet.incitement());
  }

  @Test
  void reachAloneNeverRaisesIncitement() {
    Score s =
        SCORER.score(
            post(
                "the jews celebrate tonight",
                null,
                new Metrics(1L, 9_000_000L, 1L, 1L),
                10L << 30));
    assertThat(s.incitement()).isZero();
  }

  @Test
  void violenceWithoutAGroupIsNotIncitement() {
    Score s = SCORER.score(post("we must kill the boredom tonight, let's go dancing"));
    assertThat(s.incitement()).isZero();
    assertThat(s.targets()).isEmpty();
    assertThat(s.explanation().notes())
        .contains("violence terms found but none aimed at a group term, so incitement is 0");
  }

  @Test
  void slursNameTheirTargetGroup() {
    Score s = SCORER.score(post("Those kikes and muzzies again"));
    assertThat(s.targets())
        .extracting(TargetScore::group, TargetScore::ground)
        .containsExactlyInAnyOrder(
            tuple("jewish", Ground.RELIGIOUS), tuple("muslim", Ground.RELIGIOUS));
    assertThat(s.targets()).allMatch(t -> t.confidence() > 0.8);
    assertThat(s.label()).isEqualTo("hate");
    assertThat(s.factors().content().evidence()).contains("slur 'kikes' names group 'jewish'");
  }

  @Test
  void hashtagsPossessivesAndCaseAreMatched() {
    Score s = SCORER.score(post("#WipeOutTheKurds Kurds' day is over. KILL THEM"));
    assertThat(s.targets()).extracting(TargetScore::group).containsExactly("kurdish");
    assertThat(s.incitement()).isGreaterThan(0.2);
    assertThat(s.factors().intent().evidence())
        .contains("violence term 'kill' opens a sentence (possible imperative)");
  }

  @Test
  void profanityWithoutAGroupIsOffensiveNotHate() {
    Score s = SCORER.score(post("shut up you fucking bitch"));
    assertThat(s.label()).isEqualTo("offensive");
    assertThat(s.targets()).isEmpty();
  }

  @Test
  void hateAndOffensiveNeverExceedOne() {
    List<String> texts =
        List.of(
            "",
            "kike ".repeat(500),
            "fucking bitch cunt whore ".repeat(200),
            "kill exterminate slaughter the jews muslims vermin rats kike faggot tonight "
                .repeat(300),
            "we must wipe out the tutsi inyenzi cockroaches at dawn");
    for (String text : texts) {
      Score s = SCORER.score(post(text));
      assertThat(s.hate() + s.offensive()).as(text).isLessThanOrEqualTo(1.0);
      assertThat(s.normal()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void isThreadSafe() throws InterruptedException {
    List<String> texts =
        List.of(
            "we must exterminate the rohingya vermin tonight",
            "the rohingya crisis needs aid",
            "those kikes should hang",
            "lovely day");
    List<Score> expected = texts.stream().map(t -> SCORER.score(post(t))).toList();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      Thread t =
          new Thread(
              () -> {
                for (int i = 0; i < 2_000; i++) {
                  int k = i % texts.size();
                  if (!SCORER.score(post(texts.get(k))).equals(expected.get(k))) {
                    failures.add(new AssertionError("different score for " + texts.get(k)));
                  }
                }
              },
              "lexicon-scorer-test-" + n);
      t.setUncaughtExceptionHandler((th, e) -> failures.add(e));
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void notesNonEnglishPostsAndTruncation() {
    Score s = SCORER.score(post("word ".repeat(30_000), "th", Metrics.UNKNOWN, null));
    assertThat(s.explanation().notes())
        .contains(
            "no lexicon for post language 'th' (lexicons: ar, de, en, es, fr, my, ru); the en"
                + " lexicon was used")
        .anyMatch(n -> n.startsWith("text too long"));
    assertThat(SCORER.score(post("hi", "en-GB", Metrics.UNKNOWN, null)).explanation().notes())
        .noneMatch(n -> n.contains("no lexicon for post language"));
    assertThat(SCORER.score(post("   ")).explanation().notes())
        .contains("no words found in the text");
  }
}
