package org.tocsin.api.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tocsin.api.config.TocsinConfig;
import org.tocsin.api.node.TocsinNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tocsin reindex}: rebuilds the index from the ledger (after a model or schema change). The
 * old index is moved aside, not deleted, until the rebuild is complete; if the rebuild fails it is
 * put back. (Serving searches from the old index while the new one builds, inside a running node,
 * is not done yet: run this with the node stopped.)
 */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds the search index from the ledger with the current scorer and schema. The old"
          + " index is kept aside until the rebuild completes and put back if it fails. Run it"
          + " while no node serves the data directory."
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
    Path building = dataDir.resolve("reindex-work");
    if (Files.exists(building)) {
      TocsinNode.deleteTree(building);
    }
    Files.createDirectories(building);
    Progress timer = new Progress(spec.commandLine().getErr(), false);
    Path index = dataDir.resolve("index");
    Files.move(index, building.resolve("index.old"), StandardCopyOption.ATOMIC_MOVE);
    try (TocsinNode node = TocsinNode.open(dataDir, config)) {
      out.printf(
          Locale.ROOT,
          "rebuilt the index from %,d ledger records: %,d posts in %.1f s%n",
          node.startupCatchUp().records(),
          node.index().count(),
          timer.elapsedSeconds());
    } catch (Exception e) {
      // put the old index back: searches keep working as before
      TocsinNode.deleteTree(index);
      Files.move(building.resolve("index.old"), index, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    TocsinNode.deleteTree(building);
    return 0;
  }
}
