package org.tocsin.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.tocsin.node.config.TocsinConfig;
import picocli.CommandLine.Option;

/** The options every command that opens a node shares: where the data lives and the config file. */
final class DataOptions {
  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "Data directory (ledger and index); created if absent.")
  Path data;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (JSON); see tocsin-default.json for every key.")
  Path config;

  TocsinConfig loadConfig() throws IOException {
    return config == null ? TocsinConfig.defaults() : TocsinConfig.load(config);
  }
}
