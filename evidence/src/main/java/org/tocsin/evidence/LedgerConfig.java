package org.tocsin.evidence;

import java.time.Duration;
import java.util.Objects;

/**
 * How the ledger's writer groups appends into one write and one fsync.
 *
 * @param maxBatchRecords the most queued records the writer takes into one batch; a single {@code
 *     appendAll} list is never split, so a batch can be larger when it holds one big list
 * @param maxBatchDelay how long the writer waits for more records once it has some; zero (the
 *     default) means it writes at once, and batches form from what queues during the previous fsync
 */
public record LedgerConfig(int maxBatchRecords, Duration maxBatchDelay) {

  /** The default number of records per batch. */
  public static final int DEFAULT_MAX_BATCH_RECORDS = 4096;

  /** The default wait for more records: none. */
  public static final Duration DEFAULT_MAX_BATCH_DELAY = Duration.ZERO;

  /** The largest accepted {@link #maxBatchDelay}. */
  public static final Duration MAX_BATCH_DELAY_LIMIT = Duration.ofSeconds(1);

  /** The defaults. */
  public static final LedgerConfig DEFAULT =
      new LedgerConfig(DEFAULT_MAX_BATCH_RECORDS, DEFAULT_MAX_BATCH_DELAY);

  /** Checks the values. */
  public LedgerConfig {
    if (maxBatchRecords < 1 || maxBatchRecords > 1 << 20) {
      throw new IllegalArgumentException(
          "maxBatchRecords must be in [1, 1048576] [got " + maxBatchRecords + "]");
    }
    Objects.requireNonNull(maxBatchDelay, "maxBatchDelay");
    if (maxBatchDelay.isNegative() || maxBatchDelay.compareTo(MAX_BATCH_DELAY_LIMIT) > 0) {
      throw new IllegalArgumentException(
          "maxBatchDelay must be in [0, "
              + MAX_BATCH_DELAY_LIMIT
              + "] [got "
              + maxBatchDelay
              + "]");
    }
  }
}
