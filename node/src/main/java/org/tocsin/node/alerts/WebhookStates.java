package org.tocsin.node.alerts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The delivery state of every rule's webhook, as the {@link WebhookDispatcher} leaves it: node
 * state, so that whatever shows it (the API's rule list) needs no handle on the dispatcher, which
 * runs in the node's pipeline.
 */
public final class WebhookStates {
  private final Map<String, State> states = new ConcurrentHashMap<>();

  /** Delivery state of one rule's webhook. */
  public static final class State {
    State() {}

    volatile long cursor;
    volatile boolean cursorLoaded;
    volatile int failures;
    volatile long nextAttemptMillis;
    volatile boolean inFlight;
    volatile String lastError;
    volatile long delivered;
    volatile int lastStatus;
    volatile long lastLatencyMillis;
    volatile long lastAttemptMillis;

    /** The last alert position delivered. */
    public long cursor() {
      return cursor;
    }

    /** Consecutive failures since the last success. */
    public int failures() {
      return failures;
    }

    /** The last failure, or null. */
    public String lastError() {
      return lastError;
    }

    /** The HTTP status of the last attempt, or 0 if it got no answer (or none was made). */
    public int lastStatus() {
      return lastStatus;
    }

    /** How long the last answered attempt took, in milliseconds. */
    public long lastLatencyMillis() {
      return lastLatencyMillis;
    }

    /** When the last attempt ended (epoch milliseconds), or 0 if none was made. */
    public long lastAttemptMillis() {
      return lastAttemptMillis;
    }

    /** Alerts delivered since start. */
    public long delivered() {
      return delivered;
    }
  }

  /** The delivery state of a rule's webhook, or null before its first delivery attempt. */
  public State state(String ruleId) {
    return states.get(ruleId);
  }

  /** The state of a rule's webhook, made on first use (the dispatcher's side). */
  State of(String ruleId) {
    return states.computeIfAbsent(ruleId, id -> new State());
  }
}
