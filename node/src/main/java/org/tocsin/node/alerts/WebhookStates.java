package org.tocsin.node.alerts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The delivery state of every rule's webhook, as the {@link WebhookDispatcher} leaves it: node
 * state, so that whatever shows it (the API's rule list) needs no handle on the dispatcher, which
 * runs in the node's pipeline. Each rule also keeps its last {@link #MAX_ATTEMPTS} delivery
 * attempts (its delivery log), in memory: a restart starts the log afresh.
 */
public final class WebhookStates {
  /** Attempts kept per rule. */
  public static final int MAX_ATTEMPTS = 200;

  private final Map<String, State> states = new ConcurrentHashMap<>();
  private final Map<String, Deque<DeliveryAttempt>> logs = new ConcurrentHashMap<>();

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

  /** Adds an attempt to a rule's delivery log, dropping the oldest past {@link #MAX_ATTEMPTS}. */
  public void record(String ruleId, DeliveryAttempt attempt) {
    Deque<DeliveryAttempt> log = logs.computeIfAbsent(ruleId, id -> new ArrayDeque<>());
    synchronized (log) {
      log.addLast(attempt);
      while (log.size() > MAX_ATTEMPTS) {
        log.removeFirst();
      }
    }
  }

  /** A rule's delivery log, newest first; empty if nothing was attempted since the node started. */
  public List<DeliveryAttempt> attempts(String ruleId) {
    Deque<DeliveryAttempt> log = logs.get(ruleId);
    if (log == null) {
      return List.of();
    }
    List<DeliveryAttempt> out;
    synchronized (log) {
      out = new ArrayList<>(log);
    }
    Collections.reverse(out);
    return out;
  }

  /** The state of a rule's webhook, made on first use (the dispatcher's side). */
  State of(String ruleId) {
    return states.computeIfAbsent(ruleId, id -> new State());
  }
}
