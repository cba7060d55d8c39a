package org.tocsin.node;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.node.config.TocsinConfig;

/**
 * The child JVM of {@link CrashImportTest}: imports a file and prints {@code ACK <lastSeq> <lines>}
 * after every batch the ledger acknowledged, until it is killed.
 */
public final class CrashImportChild {
  private CrashImportChild() {}

  /** Args: DATA_DIR CONFIG_FILE JSONL_FILE. */
  @SuppressForbidden(reason = "the parent test reads acknowledgements from stdout")
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
    try (TocsinNode node = TocsinNode.open(Path.of(args[0]), TocsinConfig.load(Path.of(args[1])))) {
      out.println("READY");
      node.importer()
          .importFile(
              Path.of(args[2]),
              new ImportListener() {
                @Override
                public void acknowledged(List<EvidenceRef> refs, long linesRead, long bytesRead) {
                  out.println("ACK " + refs.get(refs.size() - 1).seq() + " " + linesRead);
                }
              });
      out.println("DONE");
    }
  }
}
