package org.tocsin.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.tocsin.evidence.format.v1.FormatV1;
import org.tocsin.evidence.format.v1.RecordHeader;
import org.tocsin.evidence.format.v1.Sha256;

/**
 * The ledger's single writer: a named thread that takes queued appends in batches, writes each
 * batch with as few system calls as it can, makes it durable with one fsync, publishes it to the
 * index, and only then completes the batch's futures, in seq order.
 */
final class GroupCommitWriter {

  /** One queued append: a list of payloads that must go into one batch, with consecutive seqs. */
  private record Pending(
      RecordType type, List<byte[]> payloads, CompletableFuture<List<LedgerEntry>> done) {}

  /** Told about every record once it is durable, in seq order, before its append completes. */
  @FunctionalInterface
  interface DurableListener {
    /** A record is durable; {@code leafHash} is its Merkle leaf hash. */
    void durable(long seq, RecordType type, byte[] payload, byte[] leafHash);
  }

  private static final int BUFFER_BYTES = 1 << 20;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition queued = lock.newCondition();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean closing; // guarded by lock
  private Throwable failure; // guarded by lock

  private final FileChannel channel;
  private final OffsetIndex index;
  private final LedgerConfig config;
  private final Clock clock;
  private final Thread thread;
  private final DurableListener listener;
  private volatile long syncs;

  // Writer-thread state.
  private final MessageDigest sha = Sha256.newDigest();
  private final MessageDigest leafSha = Sha256.newDigest();
  private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER_BYTES);
  private final byte[] head = new byte[FormatV1.RECORD_HEADER_BYTES];
  private long nextSeq;
  private byte[] prevHash;
  private long end;
  private long lastMicros;

  GroupCommitWriter(
      String name,
      FileChannel channel,
      OffsetIndex index,
      LedgerConfig config,
      Clock clock,
      byte[] lastHash,
      long lastMicros,
      DurableListener listener) {
    this.listener = listener;
    this.channel = channel;
    this.index = index;
    this.config = config;
    this.clock = clock;
    this.nextSeq = index.count() + 1;
    this.end = index.end();
    this.prevHash = lastHash.clone();
    this.lastMicros = lastMicros;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** The writer thread, so that callers can refuse blocking calls made from it. */
  Thread thread() {
    return thread;
  }

  /** How many batches were made durable so far. */
  long syncCount() {
    return syncs;
  }

  /** Queues payloads to be written together; the future completes when they are durable. */
  CompletableFuture<List<LedgerEntry>> submit(RecordType type, List<byte[]> payloads) {
    Pending p = new Pending(type, payloads, new CompletableFuture<>());
    lock.lock();
    try {
      if (failure != null) {
        throw new IllegalStateException(
            "ledger refuses appends after a write failure [" + failure + "]", failure);
      }
      if (closing) {
        throw new IllegalStateException("ledger is closed");
      }
      queue.add(p);
      queued.signal();
    } finally {
      lock.unlock();
    }
    return p.done();
  }

  /**
   * Queues payloads and waits until they are durable, without giving up on interrupt: once queued,
   * the records will be written, and the caller must learn their seqs. The interrupt flag is kept.
   */
  List<LedgerEntry> submitAndWait(RecordType type, List<byte[]> payloads) throws IOException {
    CompletableFuture<List<LedgerEntry>> f = submit(type, payloads);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof Error err) {
            throw err;
          }
          throw new IOException(
              "append of " + payloads.size() + " records failed: " + cause, cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops taking appends, waits until every queued append is durable or failed. */
  void close() {
    lock.lock();
    try {
      closing = true;
      queued.signal();
    } finally {
      lock.unlock();
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true; // keep waiting: the pending appends must settle before the file closes
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    try {
      while (takeBatch(batch)) {
        writeBatch(batch);
        batch.clear();
      }
    } catch (IOException | RuntimeException | Error e) {
      failAll(batch, e);
      if (e instanceof Error err) {
        throw err;
      }
    }
  }

  /**
   * Waits for appends and moves a batch of them into {@code batch}; false once closed and empty.
   */
  private boolean takeBatch(List<Pending> batch) {
    lock.lock();
    try {
      while (queue.isEmpty() && !closing) {
        queued.awaitUninterruptibly();
      }
      int records = drain(batch, 0);
      long delay = config.maxBatchDelay().toNanos();
      if (delay > 0 && !batch.isEmpty()) {
        long deadline = System.nanoTime() + delay;
        while (records < config.maxBatchRecords() && !closing) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          awaitQuietly(left);
          records = drain(batch, records);
        }
      }
      return !batch.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  private void awaitQuietly(long nanos) {
    try {
      queued.awaitNanos(nanos);
    } catch (InterruptedException e) {
      // Nobody should interrupt this thread; keep the flag so that the next I/O call fails closed.
      Thread.currentThread().interrupt();
    }
  }

  private int drain(List<Pending> batch, int records) {
    while (!queue.isEmpty()) {
      int n = queue.peek().payloads().size();
      if (!batch.isEmpty() && records + n > config.maxBatchRecords()) {
        break;
      }
      batch.add(queue.poll());
      records += n;
    }
    return records;
  }

  private void writeBatch(List<Pending> batch) throws IOException {
    int n = 0;
    for (Pending p : batch) {
      n += p.payloads().size();
    }
    long[] ends = new long[n];
    byte[][] leaves = new byte[n][];
    List<List<LedgerEntry>> results = new ArrayList<>(batch.size());
    long pos = end;
    int i = 0;
    for (Pending p : batch) {
      List<LedgerEntry> entries = new ArrayList<>(p.payloads().size());
      for (byte[] payload : p.payloads()) {
        long seq = nextSeq++;
        long micros = Math.max(lastMicros, RecordHeader.toMicros(Instant.now(clock)));
        lastMicros = micros;
        RecordHeader.write(head, payload.length, seq, micros, p.type().code(), prevHash);
        sha.update(head);
        sha.update(payload);
        byte[] hash = sha.digest();
        leafSha.update((byte) 0x00);
        leafSha.update(head);
        leafSha.update(payload);
        leafSha.update(hash);
        leaves[i] = leafSha.digest();
        pos = put(head, pos);
        pos = put(payload, pos);
        pos = put(hash, pos);
        ends[i++] = pos;
        prevHash = hash;
        entries.add(new LedgerEntry(seq, RecordHeader.toInstant(micros), Sha256.hex(hash)));
      }
      results.add(entries);
    }
    flush(pos);
    // force(false) is fdatasync on Linux: it flushes the data and the metadata needed to read it
    // back (the file length); the modification time is not evidence.
    channel.force(false);
    syncs++;
    int j = 0;
    for (int k = 0; k < batch.size(); k++) {
      Pending p = batch.get(k);
      for (int r = 0; r < p.payloads().size(); r++, j++) {
        listener.durable(results.get(k).get(r).seq(), p.type(), p.payloads().get(r), leaves[j]);
      }
    }
    index.addAll(ends, n);
    end = pos;
    for (int k = 0; k < batch.size(); k++) {
      batch.get(k).done().complete(results.get(k));
    }
  }

  /** Buffers bytes that belong at {@code pos}; returns the position after them. */
  private long put(byte[] bytes, long pos) throws IOException {
    if (bytes.length > buf.remaining()) {
      flush(pos);
      if (bytes.length >= buf.capacity()) {
        ByteBuffer big = ByteBuffer.wrap(bytes);
        long at = pos;
        while (big.hasRemaining()) {
          at += channel.write(big, at);
        }
        return pos + bytes.length;
      }
    }
    buf.put(bytes);
    return pos + bytes.length;
  }

  /** Writes the buffered bytes, which end at {@code pos}. */
  private void flush(long pos) throws IOException {
    buf.flip();
    long at = pos - buf.remaining();
    while (buf.hasRemaining()) {
      at += channel.write(buf, at);
    }
    buf.clear();
  }

  private void failAll(List<Pending> batch, Throwable e) {
    List<Pending> doomed = new ArrayList<>(batch);
    lock.lock();
    try {
      failure = e;
      doomed.addAll(queue);
      queue.clear();
    } finally {
      lock.unlock();
    }
    for (Pending p : doomed) {
      p.done().completeExceptionally(e);
    }
  }
}
