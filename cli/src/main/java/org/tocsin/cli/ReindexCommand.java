package org.tocsin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tocsin.node.IndexRebuild;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.config.TocsinConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tocsin reindex}: rebuilds the index from the ledger (after a model or schema change) with
 * progress output. The rebuild is the one a running node does for {@code POST
 * /api/v1/admin/reindex} ({@link IndexRebuild}): built beside the old index, which stays in place
 * until the new one is complete and is then swapped out in one step. A node that is serving the
 * data directory holds its lock: then ask that node, not this command.
 */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds the search index from the ledger with the current scorer and schema, beside the"
          + " old index, which stays until the new one is complete. For a node that is serving"
          + " the data directory, use its admin API instead: POST /api/v1/admin/reindex."
    })
final class ReindexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataOptions data = new DataOptions();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path dataDir = data.data;
    if (!Files.isDirectory(dataDir.resolve("ledger"))) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "no ledger in " + dataDir);
    }
    TocsinConfig config = data.loadConfig();
    Progress progress = new Progress(spec.commandLine().getErr(), System.console() != null);
    TocsinNode opened;
    try {
      opened = TocsinNode.open(dataDir, config);
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).contains("already open")) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "a node is serving "
                + dataDir
                + ": rebuild through it with POST /api/v1/admin/reindex (admin key)");
      }
      throw e;
    }
    try (TocsinNode node = opened) {
      CompletableFuture<IndexRebuild.Status> done = node.rebuild().start();
      IndexRebuild.Status s;
      while (true) {
        try {
          s = done.get(200, TimeUnit.MILLISECONDS);
          break;
        } catch (TimeoutException e) {
          IndexRebuild.Status now = node.rebuild().status();
          progress.update("reindex", now.posts(), now.indexedSeq(), now.ledgerSeq());
        }
      }
      progress.finish();
      if (s.phase() != IndexRebuild.Phase.DONE) {
        throw new IOException("the rebuild failed, the old index is kept: " + s.error());
      }
      out.printf(
          Locale.ROOT,
          "rebuilt the index from the ledger through seq %,d: %,d posts in %.1f s%n",
          s.indexedSeq(),
          node.index().count(),
          progress.elapsedSeconds());
    }
    return 0;
  }
}
