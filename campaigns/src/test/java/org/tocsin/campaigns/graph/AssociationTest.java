package org.tocsin.campaigns.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The lower Wilson bound behind {@code minAssociation}, on the cases its javadoc names. */
class AssociationTest {

  @Test
  void wilsonLowerBoundSeparatesFansFromRings() {
    // a ring pair: 12 of their 16 co-shared posts are with each other
    assertThat(AccountPair.wilsonLower(12, 16)).isCloseTo(0.546, within(0.005));
    // two fans of one account: 6 of 16
    assertThat(AccountPair.wilsonLower(6, 16)).isLessThan(0.3);
    // two accounts that met twice, and posted nothing else shared: exclusive, but little evidence
    assertThat(AccountPair.wilsonLower(4, 4)).isBetween(0.5, 0.7);
    assertThat(AccountPair.wilsonLower(0, 10)).isZero();
    assertThat(AccountPair.wilsonLower(10, 10)).isLessThan(1.0);
  }
}
