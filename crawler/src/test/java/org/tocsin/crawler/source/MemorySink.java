package org.tocsin.crawler.source;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.EvidenceRef;

/** A sink for tests that keeps captures in memory and fails the calls a predicate picks. */
public final class MemorySink implements CaptureSink {
  private final List<Capture> stored = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final IntPredicate failCall;
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

  private record Waiter(int count, Promise<Void> promise) {}

  /** A sink that fails call number {@code n} (1-based) when {@code failCall.test(n)}. */
  public MemorySink(IntPredicate failCall) {
    this.failCall = failCall;
  }

  /** A sink that never fails. */
  public MemorySink() {
    this(n -> false);
  }

  @Override
  public Future<EvidenceRef> store(Capture c) {
    int n = calls.incrementAndGet();
    if (failCall.test(n)) {
      return Future.failedFuture(
          new IllegalStateException("ledger unavailable (test) [call " + n + "]"));
    }
    stored.add(c);
    for (Waiter w : waiters) {
      if (stored.size() >= w.count()) {
        waiters.remove(w);
        w.promise().tryComplete();
      }
    }
    return Future.succeededFuture(new EvidenceRef(stored.size(), sha256(c.body()), Instant.now()));
  }

  /** The captures acknowledged so far. */
  public List<Capture> stored() {
    return new ArrayList<>(stored);
  }

  /** Completes once at least {@code n} captures were acknowledged. */
  public Future<Void> awaitStored(int n) {
    Promise<Void> p = Promise.promise();
    waiters.add(new Waiter(n, p));
    if (stored.size() >= n && waiters.remove(new Waiter(n, p))) {
      p.tryComplete();
    }
    return p.future();
  }

  /** How many times store was called. */
  public int calls() {
    return calls.get();
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
