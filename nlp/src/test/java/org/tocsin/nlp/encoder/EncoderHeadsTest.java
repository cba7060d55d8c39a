package org.tocsin.nlp.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.tocsin.nlp.classifier.ModelFormatException;

/** The heads' file format. */
class EncoderHeadsTest {

  @Test
  void theShippedHeadsLoadAndRoundTrip() throws IOException {
    EncoderHeads h = EncoderHeads.loadDefault();
    assertThat(h.name()).isEqualTo("encoder-heads-en");
    assertThat(h.hateThreshold()).isBetween(0.0, 1.0);
    EncoderHeads again = EncoderHeads.parse(h.toJson(), "round trip");
    float[] x = new float[SentenceEncoder.DIMENSION];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(i) / 10;
    }
    assertThat(again.hate().probability(x))
        .isCloseTo(h.hate().probability(x), org.assertj.core.data.Offset.offset(1e-4));
    assertThat(again.incitement().probability(x))
        .isCloseTo(h.incitement().probability(x), org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void anotherFormatOrAMalformedHeadIsRefused() {
    assertThatThrownBy(() -> EncoderHeads.parse("{\"format\": \"x\"}", "f.json"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("got 'x'");
    assertThatThrownBy(
            () ->
                EncoderHeads.parse(
                    "{\"format\": \"tocsin-encoder-heads-v1\", \"heads\": {\"hate\":"
                        + " {\"hidden\": 0, \"w2\": [1, 2], \"b2\": 0}}}",
                    "f.json"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("w2 must have 384");
  }
}
