package org.tocsin.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tocsin.node.CatchUpReport;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKeyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tocsin serve}: the node with its API and dashboard on a data directory. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a Tocsin node on a data directory: recovers the ledger, catches the index up with it, keeps indexing, signing and alerting, and serves the API and the dashboard (unless --no-http) until stopped (Ctrl-C)."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataOptions data = new DataOptions();

  @Option(names = "--port", paramLabel = "N", description = "HTTP port (overrides the config).")
  Integer port;

  @Option(
      names = "--no-http",
      description =
          "Serve no HTTP (like http.enabled: false): the node still indexes what reaches the"
              + " ledger, signs tree heads and delivers alerts.")
  boolean noHttp;

  @Override
  public Integer call() throws Exception {
    TocsinConfig config = data.loadConfig();
    if (port != null) {
      config = config.withPort(checkPort(spec, port));
    }
    if (noHttp) {
      config = config.withoutHttp();
    }
    PrintWriter out = spec.commandLine().getOut();
    TocsinNode node = TocsinNode.open(data.data, config);
    try {
      describe(out, node);
      ApiKeyStore keys = ApiKeyStore.open(data.data);
      if (keys.list().stream().noneMatch(k -> k.active())) {
        out.println(
            "no API keys yet: create one with  tocsin keys create --data "
                + data.data
                + " --role admin --name you");
      }
      NodeServer.runUntilStopped(node, keys, out, "Tocsin is serving at {url}");
    } catch (Exception e) {
      node.close();
      throw e;
    }
    return 0;
  }

  static int checkPort(CommandSpec spec, int port) {
    if (port < 0 || port > 65535) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--port must be in 0..65535 [got " + port + "]");
    }
    return port;
  }

  static void describe(PrintWriter out, TocsinNode node) throws java.io.IOException {
    CatchUpReport c = node.startupCatchUp();
    out.printf(
        Locale.ROOT,
        "data: %s%nledger: %,d records; index: %,d posts (through seq %d)%n",
        node.dataDir().toAbsolutePath(),
        node.ledger().lastSeq(),
        node.index().count(),
        node.indexer().indexedThrough());
    if (c.records() > 0) {
      out.printf(
          Locale.ROOT,
          "caught up: indexed %,d posts from ledger seq %d..%d%n",
          c.postsIndexed(),
          c.fromSeq(),
          c.toSeq());
    }
    if (node.ledger().recovery().truncatedBytes() > 0) {
      out.println("recovered: " + node.ledger().recovery().message());
    }
  }
}
