package org.tocsin.models.sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tocsin.nlp.classifier.SparseVector;

class SparseAdaGradTest {

  @Test
  void aStepMovesOnlyTheTouchedRowsAgainstTheGradientWithAdaGradScaling() {
    SparseAdaGrad opt = new SparseAdaGrad(3, 2, 0.5, 0.0);
    SparseVector x = new SparseVector(new int[] {1}, new float[] {2f});
    opt.step(x, new double[] {1.0, -0.5});
    // first step: AdaGrad divides by |g|, so each parameter moves by the learning rate
    assertThat(opt.biases()[0]).isCloseTo(-0.5f, within(1e-6f));
    assertThat(opt.biases()[1]).isCloseTo(0.5f, within(1e-6f));
    assertThat(opt.weights()[1 * 2]).isCloseTo(-0.5f, within(1e-6f));
    assertThat(opt.weights()[1 * 2 + 1]).isCloseTo(0.5f, within(1e-6f));
    // rows 0 and 2 were not in the post
    assertThat(opt.weights()[0]).isZero();
    assertThat(opt.weights()[4]).isZero();
    // second identical step: the accumulated squares halve the move by sqrt(2)
    opt.step(x, new double[] {1.0, -0.5});
    assertThat(opt.biases()[0]).isCloseTo((float) (-0.5 - 0.5 / Math.sqrt(2)), within(1e-5f));
  }

  @Test
  void emptyShapesAreRefused() {
    assertThatThrownBy(() -> new SparseAdaGrad(0, 2, 0.1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0, 2");
  }
}
