package org.tocsin.evidence.custody;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a record's seq to the seqs of the custody records that name it, in ledger order. Built when
 * the ledger opens and updated as each custody record becomes durable. Thread-safe.
 */
public final class CustodyIndex {

  private static final long[] NONE = new long[0];

  private final Map<Long, long[]> bySubject = new HashMap<>();
  private final Map<Long, Integer> counts = new HashMap<>();
  private long events;

  /** Records that custody record {@code custodySeq} names {@code subjects}. */
  public synchronized void add(long custodySeq, List<Long> subjects) {
    for (long s : subjects) {
      long[] seqs = bySubject.getOrDefault(s, NONE);
      int n = counts.getOrDefault(s, 0);
      if (n > 0 && seqs[n - 1] == custodySeq) {
        continue; // the same subject named twice in one event
      }
      if (n == seqs.length) {
        seqs = Arrays.copyOf(seqs, Math.max(4, n * 2));
        bySubject.put(s, seqs);
      }
      seqs[n] = custodySeq;
      counts.put(s, n + 1);
    }
    events++;
  }

  /** The seqs of the custody records naming {@code subject}, oldest first. */
  public synchronized long[] custodySeqs(long subject) {
    return Arrays.copyOf(bySubject.getOrDefault(subject, NONE), counts.getOrDefault(subject, 0));
  }

  /** How many custody records were indexed. */
  public synchronized long events() {
    return events;
  }
}
