package org.tocsin.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tocsin.node.ImportReport;
import org.tocsin.node.PostImporter;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tocsin demo}: the whole platform on the bundled corpus of real posts, no network needed.
 * The first run imports the corpus into {@code ./demo-data}; later runs reuse it.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole platform on a bundled corpus of real posts (Internet Research Agency tweets and labelled hateful posts; see the corpus ATTRIBUTION.md) and serves the dashboard.",
      "CONTENT WARNING: the corpus holds real hate speech."
    })
final class DemoCommand implements Callable<Integer> {
  /** The bundled corpus, on the classpath. */
  static final String CORPUS = "/org/tocsin/node/demo/posts.jsonl.gz";

  /** The name of the admin key each demo run makes. */
  static final String DEMO_KEY_NAME = "demo admin (made by tocsin demo)";

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      defaultValue = "demo-data",
      paramLabel = "DIR",
      description = "Where the demo keeps its ledger and index (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--port",
      defaultValue = "8080",
      paramLabel = "N",
      description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--no-serve", description = "Import the corpus and exit without serving.")
  boolean noServe;

  @Override
  public Integer call() throws Exception {
    TocsinConfig config = TocsinConfig.defaults().withPort(ServeCommand.checkPort(spec, port));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TocsinNode node = TocsinNode.open(data, config);
    try {
      if (node.ledger().lastSeq() == 0) {
        importCorpus(node, out, err);
      } else {
        out.printf(
            Locale.ROOT,
            "demo data already in %s (delete the folder to start over)%n",
            data.toAbsolutePath());
      }
      ServeCommand.describe(out, node);
      if (noServe) {
        node.close();
        return 0;
      }
      ApiKeyStore keys = ApiKeyStore.open(data);
      for (var k : keys.list()) {
        if (k.active() && DEMO_KEY_NAME.equals(k.name())) {
          keys.revoke(k.id()); // a fresh demo key each run; the old one's secret was shown once
        }
      }
      String token = keys.create(Role.ADMIN, DEMO_KEY_NAME).token();
      NodeServer.runUntilStopped(
          node,
          keys,
          out,
          "Tocsin demo is running. Open the dashboard, already signed in:\n"
              + "  {url}#key="
              + token
              + "\n"
              + "Admin API key for this run (also for curl: -H 'Authorization: Bearer KEY'):\n"
              + "  "
              + token
              + "\n"
              + "Stop with Ctrl-C.");
    } catch (Exception e) {
      node.close();
      throw e;
    }
    return 0;
  }

  private static void importCorpus(TocsinNode node, PrintWriter out, PrintWriter err)
      throws IOException {
    out.println("importing the bundled demo corpus (first run only) ...");
    out.flush();
    Progress timer = new Progress(err, false);
    ImportReport r;
    try (InputStream raw = DemoCommand.class.getResourceAsStream(CORPUS)) {
      if (raw == null) {
        throw new IllegalStateException("the demo corpus is missing from the jar: " + CORPUS);
      }
      r =
          ImportCommand.importWithProgress(
              node,
              "demo-corpus",
              URI.create("classpath:" + CORPUS),
              "demo corpus",
              PostImporter.gunzipIf(true, new BufferedInputStream(raw)),
              0,
              err,
              50);
    }
    node.indexer().flush();
    out.printf(
        Locale.ROOT,
        "imported %,d posts in %.1f s (%,d lines rejected)%n",
        r.accepted(),
        timer.elapsedSeconds(),
        r.rejected());
  }
}
