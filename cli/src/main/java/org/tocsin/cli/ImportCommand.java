package org.tocsin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.node.ImportListener;
import org.tocsin.node.ImportReport;
import org.tocsin.node.PostImporter;
import org.tocsin.node.TocsinNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tocsin import}: Post JSONL files into the ledger and the index. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports Post JSONL files (.jsonl or .jsonl.gz) into the ledger and the index. Each valid line is preserved as a capture before it is scored and indexed; an invalid line is reported with its line number and skipped."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataOptions data = new DataOptions();

  @Option(names = "--strict", description = "Exit with 1 if any line was rejected.")
  boolean strict;

  @Option(
      names = "--max-errors-shown",
      defaultValue = "50",
      paramLabel = "N",
      description = "Show at most N rejected lines per file (default: ${DEFAULT-VALUE}).")
  int maxErrorsShown;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Post JSONL files.")
  List<Path> files;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "not a readable file: " + f);
      }
    }
    long rejected = 0;
    try (TocsinNode node = TocsinNode.open(data.data, data.loadConfig())) {
      for (Path f : files) {
        ImportReport r = importOne(node, f, err, maxErrorsShown);
        rejected += r.rejected();
        out.printf(
            Locale.ROOT,
            "%s: %,d posts stored (ledger seq %d..%d), %,d lines rejected%n",
            f,
            r.accepted(),
            r.firstSeq(),
            r.lastSeq(),
            r.rejected());
      }
      node.indexer().flush();
      out.printf(
          Locale.ROOT,
          "ledger: %,d records; index: %,d posts (through seq %d)%n",
          node.ledger().lastSeq(),
          node.index().count(),
          node.indexer().indexedThrough());
    }
    return strict && rejected > 0 ? 1 : 0;
  }

  static ImportReport importOne(TocsinNode node, Path file, PrintWriter err, int maxErrorsShown)
      throws IOException {
    boolean gz = file.getFileName().toString().endsWith(".gz");
    try (InputStream in = PostImporter.openJsonl(file)) {
      return importWithProgress(
          node,
          "import:" + file.getFileName(),
          file.toAbsolutePath().toUri(),
          file.toString(),
          in,
          gz ? 0 : Files.size(file),
          err,
          maxErrorsShown);
    }
  }

  static ImportReport importWithProgress(
      TocsinNode node,
      String source,
      URI origin,
      String label,
      InputStream in,
      long size,
      PrintWriter err,
      int maxErrorsShown)
      throws IOException {
    Progress progress = new Progress(err, System.console() != null);
    ImportListener listener =
        new ImportListener() {
          long stored;
          long shown;

          @Override
          public void rejected(long lineNumber, String reason) {
            if (shown++ < maxErrorsShown) {
              progress.finish();
              err.println(label + ":" + lineNumber + ": skipped: " + reason);
            } else if (shown == maxErrorsShown + 1) {
              err.println(label + ": more rejected lines not shown");
            }
          }

          @Override
          public void acknowledged(List<EvidenceRef> refs, long linesRead, long bytesRead) {
            stored += refs.size();
            progress.update("importing " + label, stored, bytesRead, size);
          }
        };
    ImportReport report = node.importer().importStream(source, origin, in, listener);
    progress.finish();
    return report;
  }
}
