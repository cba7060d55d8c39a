package org.tocsin.nlp.corenlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tocsin.core.score.LexiconHit;

/**
 * The Arabic deep stage on the real pipeline (CoreNLP's Arabic segmenter and ATB tagger load:
 * slow). Corpus lines are quoted with their file and line (L-HSAB, {@code Dataset/L-HSAB}) or HITId
 * (MLMA, {@code ar_dataset.csv}).
 */
@Tag("slow")
class ArabicDeepStageTest {

  static DeepStage deep;

  @BeforeAll
  static void load() {
    deep = DeepStages.of("ar");
  }

  static List<LexiconHit> hit(String term, String category) {
    return List.of(new LexiconHit(term, category, "tocsin-baseline-ar-v1"));
  }

  @Test
  void handWrittenCallsAimedAtAGroupAreFound() {
    // the segmenter splits the object off: "اقتلو" "هم"
    DeepEvidence e = deep.analyze("اقتلوهم جميعا!", List.of());
    assertThat(e.imperatives()).containsExactly("اقتلو");
    assertThat(e.targetedCalls()).containsExactly("اقتلو -> هم");
    e = deep.analyze("اذبحوا الشيعة", hit("الشيعة", "group"));
    assertThat(e.targetedCalls()).containsExactly("اذبحوا -> الشيعة");
    // after "و" the object stays on the verb: a fused form is its own target
    e = deep.analyze("هيا يا شباب، واقتلوهم", List.of());
    assertThat(e.targetedCalls()).containsExactly("اقتلوهم -> اقتلوهم");
    // modal + verbal noun, tagged NN: "يجب" "قتل" "هم"
    e = deep.analyze("يجب قتلهم كلهم.", List.of());
    assertThat(e.modalViolence()).containsExactly("يجب قتل");
    assertThat(e.targetedCalls()).containsExactly("قتل -> هم");
    // Levantine modal + passive
    e = deep.analyze("اليهود لازم يندبحوا", hit("اليهود", "group"));
    assertThat(e.modalViolence()).containsExactly("لازم يندبحوا");
    assertThat(e.targetedCalls()).containsExactly("يندبحوا -> اليهود");
    // "لا بد" is a modal: its "لا" does not negate the call
    e = deep.analyze("لا بد أن نحرقهم", List.of());
    assertThat(e.modalViolence()).containsExactly("لا بد ان نحرق");
    assertThat(e.targetedCalls()).containsExactly("نحرق -> هم");
  }

  @Test
  void newsQuestionsAndNegatedSentencesAreNoTargetedCalls() {
    DeepEvidence e = deep.analyze("قال الرئيس إن الهجوم أسفر عن مقتل عشرة أشخاص", List.of());
    assertThat(e.callToAction()).isFalse();
    assertThat(e.eventNouns()).containsExactly("الهجوم/DTNN", "مقتل/NN");
    assertThat(e.eventNounsOnly()).isTrue();
    assertThat(e.reporting()).containsExactly("قال");
    e = deep.analyze("أعلنت الشرطة عن تفجير ومجزرة", List.of());
    assertThat(e.callToAction()).isFalse();
    assertThat(e.eventNouns()).containsExactly("تفجير/NN", "مجزرة/NN");
    assertThat(e.reporting()).containsExactly("اعلنت");
    // a question ends with "؟" (the tokenizer writes "?"): the imperative form is no call
    e = deep.analyze("هل اقتل الحشرة في البيت؟", List.of());
    assertThat(e.callToAction()).isFalse();
    // negated: the modal call is found, but not as a targeted call
    e = deep.analyze("مش لازم نقتلهم", List.of());
    assertThat(e.modalViolence()).containsExactly("لازم نقتل");
    assertThat(e.targetedCalls()).isEmpty();
    e = deep.analyze("يجب ألا نقتلهم", List.of());
    assertThat(e.targetedCalls()).isEmpty();
    // a negative imperative ("لا تقتلوهم") is not an imperative form
    e = deep.analyze("لا تقتلوهم", List.of());
    assertThat(e.callToAction()).isFalse();
  }

  @Test
  void realCallsAreFound() {
    // L-HSAB line 3598 (lhsab-3596, hate): "in revenge for the migrants we must exterminate the
    // Syrians"
    DeepEvidence e = deep.analyze("انتقاما للمهاجرين لازم نبيد السوريين", hit("السوريين", "group"));
    assertThat(e.modalViolence()).containsExactly("لازم نبيد");
    assertThat(e.targetedCalls()).containsExactly("نبيد -> السوريين");
    // L-HSAB line 5372 (lhsab-5367, hate): "the dogs of the Emirates need burning, God curse
    // them"; the segmenter splits "بدهم" into "بد" "هم" (the profile's "بد هم" was added after the
    // first measurement missed this post)
    e = deep.analyze("كلاب الامارات بدهم حرق الله يلعنهم", hit("كلاب", "dehumanization"));
    assertThat(e.modalViolence()).containsExactly("بد هم حرق");
    assertThat(e.targetedCalls()).isNotEmpty();
    // MLMA Arabic HITId 3084 (hateful): "kill the pigs of Iran"
    e = deep.analyze("اقتلوا خنازير ايران", hit("خنازير", "dehumanization"));
    assertThat(e.imperatives()).containsExactly("اقتلوا");
    assertThat(e.targetedCalls()).containsExactly("اقتلوا -> خنازير");
  }

  @Test
  void realNewsAndQuestionsAreNoCalls() {
    // L-HSAB line 605 (lhsab-603, normal): "is it allowed that you be the cause of killing the
    // Druze in Sweida ...?", without a question mark
    DeepEvidence e =
        deep.analyze(
            "وهل يجوز ان تكون السبب في قتل الدروز بالسويداء بالتعاون مع المماتعة",
            List.of(
                new LexiconHit("قتل", "violence", "tocsin-baseline-ar-v1"),
                new LexiconHit("الدروز", "group", "tocsin-baseline-ar-v1")));
    assertThat(e.callToAction()).isFalse();
    assertThat(e.eventNouns()).containsExactly("قتل/NN");
    // MLMA Arabic HITId 2661 (hateful): a toll of the dead, glorified but no call
    e =
        deep.analyze(
            "#حصيلة قتلى خنازير ملالي ايران الحوثي لهذا اليوم ، استطاع التحالف وقوات العمالقة"
                + " والتهامية وابطال اليمن من قتل العش… @url",
            hit("خنازير", "dehumanization"));
    assertThat(e.callToAction()).isFalse();
  }

  @Test
  void theProfileNamesNoNer() {
    assertThat(deep.pipeline(true))
        .isEqualTo("tokenize,ssplit,pos(arabic) (CoreNLP has no NER model for ar)");
    assertThat(deep.analyze("اقتلوهم", List.of()).namedEntities()).isFalse();
  }
}
