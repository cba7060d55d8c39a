package org.tocsin.node.sources;

import io.vertx.core.Vertx;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.config.TocsinConfig;

/**
 * The child JVM of {@link CrashCrawlTest}: runs a node's configured sources and prints {@code ACK
 * <lastSeq>} whenever the ledger acknowledged more, until it is killed.
 */
public final class CrashCrawlChild {
  private CrashCrawlChild() {}

  /** Args: DATA_DIR CONFIG_FILE. */
  @SuppressForbidden(reason = "the parent test reads acknowledgements from stdout")
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
    TocsinNode node = TocsinNode.open(Path.of(args[0]), TocsinConfig.load(Path.of(args[1])));
    Vertx vertx = Vertx.vertx();
    SourceManager.start(vertx, node).await();
    out.println("READY");
    long[] last = {0};
    vertx.setPeriodic(
        10,
        id -> {
          long seq = node.ledger().lastSeq();
          if (seq > last[0]) {
            last[0] = seq;
            out.println("ACK " + seq);
          }
        });
  }
}
