package org.tocsin.node.alerts;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt to deliver an alert (or a test) to a rule's webhook.
 *
 * @param at when the attempt ended
 * @param alertNumber the alert's position in the outbox, or 0 for a test delivery
 * @param alertId the alert's stable id ({@code X-Tocsin-Alert-Id}), or the test's id
 * @param attempt 1 for the first try of this alert, 2 for its first retry, and so on
 * @param status the receiver's HTTP status, or 0 when it gave no answer
 * @param latencyMillis from the address check to the answer, or to the failure
 * @param delivered whether the receiver took it (2xx)
 * @param error {@code CODE: detail} when it was not delivered, else null; the detail may name
 *     addresses
 * @param nextAttempt when the dispatcher tries again after a failure, else null
 * @param test whether it was a test delivery asked for through the API
 */
public record DeliveryAttempt(
    Instant at,
    long alertNumber,
    String alertId,
    int attempt,
    int status,
    long latencyMillis,
    boolean delivered,
    String error,
    Instant nextAttempt,
    boolean test) {

  /** Checks the fields. */
  public DeliveryAttempt {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(alertId, "alertId");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1 [got " + attempt + "]");
    }
  }
}
