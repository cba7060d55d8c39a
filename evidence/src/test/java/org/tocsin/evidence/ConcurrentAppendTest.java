package org.tocsin.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ConcurrentAppendTest {

  private static final int THREADS = 8;
  private static final int PER_THREAD = 2000;

  @TempDir Path dir;

  private static byte[] payload(int thread, int i) {
    String s = "thread " + thread + " record " + i + " " + "z".repeat(1000);
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void concurrentAppendersGetDistinctContiguousSeqs() throws Exception {
    List<List<LedgerEntry>> perThread = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean appending = new AtomicBoolean(true);
    CountDownLatch start = new CountDownLatch(1);
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int id = t;
        threads.add(
            new Thread(
                () -> {
                  try {
                    start.await();
                    List<CompletableFuture<LedgerEntry>> fs = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                      fs.add(log.append(RecordType.CAPTURE, payload(id, i)));
                    }
                    List<LedgerEntry> mine = new ArrayList<>();
                    for (CompletableFuture<LedgerEntry> f : fs) {
                      mine.add(f.get());
                    }
                    perThread.add(mine);
                  } catch (InterruptedException | ExecutionException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                  }
                },
                "appender-" + t));
      }
      Thread reader =
          new Thread(
              () -> {
                try {
                  while (appending.get()) {
                    long last = log.lastSeq();
                    if (last > 0) {
                      assertThat(log.read(last).seq()).isEqualTo(last);
                      assertThat(log.read(1 + last / 2).seq()).isEqualTo(1 + last / 2);
                    }
                  }
                } catch (IOException | RuntimeException | AssertionError e) {
                  failure.compareAndSet(null, e);
                }
              },
              "concurrent-reader");
      threads.forEach(Thread::start);
      reader.start();
      start.countDown();
      for (Thread t : threads) {
        t.join();
      }
      appending.set(false);
      reader.join();
      assertThat(failure.get()).isNull();

      int total = THREADS * PER_THREAD;
      assertThat(log.lastSeq()).isEqualTo(total);
      Set<Long> seqs = new HashSet<>();
      for (List<LedgerEntry> mine : perThread) {
        for (int i = 1; i < mine.size(); i++) {
          // One thread's appends were queued in order, so they got increasing seqs.
          assertThat(mine.get(i).seq()).isGreaterThan(mine.get(i - 1).seq());
        }
        mine.forEach(e -> seqs.add(e.seq()));
      }
      assertThat(seqs).hasSize(total);
      assertThat(Collections.min(seqs)).isEqualTo(1);
      assertThat(Collections.max(seqs)).isEqualTo(total);
      for (List<LedgerEntry> mine : perThread) {
        LedgerEntry e = mine.get(PER_THREAD / 2);
        assertThat(log.read(e.seq()).hash()).isEqualTo(e.hash());
      }
      long[] count = {0};
      log.scan(1, r -> ++count[0] > 0);
      assertThat(count[0]).isEqualTo(total);
      assertThat(log.syncCount())
          .as("group commit, not one fsync per record")
          .isLessThan(total / 2);
      assertThat(log.verify()).isEqualTo(VerifyReport.passed(total));
    }
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      assertThat(log.lastSeq()).isEqualTo(THREADS * PER_THREAD);
    }
  }

  @Test
  void anInterruptedReaderDoesNotBreakTheLog() throws Exception {
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      log.append(RecordType.CAPTURE, payload(0, 0)).get();
      Thread.currentThread().interrupt();
      try {
        assertThatThrownBy(() -> log.read(1)).isInstanceOf(InterruptedIOException.class);
      } finally {
        assertThat(Thread.interrupted()).isTrue();
      }
      assertThat(log.read(1).payload()).isEqualTo(payload(0, 0));
      assertThat(log.append(RecordType.CAPTURE, payload(0, 1)).get().seq()).isEqualTo(2);
      assertThat(log.verify().ok()).isTrue();
    }
  }

  @Test
  void aWriteFailureFailsTheBatchAndClosesTheLogToAppends() throws Exception {
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      log.append(RecordType.CAPTURE, payload(0, 0)).get();
      // An interrupt makes the writer's next channel call fail with ClosedByInterruptException,
      // a real IOException from the real channel.
      log.writerThread().interrupt();
      CompletableFuture<LedgerEntry> doomed = log.append(RecordType.CAPTURE, payload(0, 1));
      assertThatThrownBy(doomed::get)
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(IOException.class);
      assertThatThrownBy(() -> log.append(RecordType.CAPTURE, payload(0, 2)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("write failure");
      assertThatThrownBy(() -> log.appendAll(RecordType.CAPTURE, List.of(payload(0, 3))))
          .isInstanceOf(IllegalStateException.class);
      assertThat(log.lastSeq()).isEqualTo(1);
      assertThat(log.read(1).payload()).isEqualTo(payload(0, 0));
    }
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      assertThat(log.lastSeq()).isEqualTo(1);
      assertThat(log.verify().ok()).isTrue();
    }
  }
}
