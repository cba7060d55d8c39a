package org.tocsin.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.tocsin.core.score.PostScorer;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.config.TocsinConfig;
import picocli.CommandLine.Option;

/**
 * The options of the commands that score posts without opening a node ({@code score}, {@code
 * eval-functional}, {@code eval-incitement}): the config file and the English encoder stage.
 */
final class ScorerOptions {
  @Option(
      names = "--encoder",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "The English sentence-encoder stage (nlp.encoder; default on for this command,"
              + " off in the node's default configuration): --no-encoder scores without it.")
  boolean encoder = true;

  @Option(names = "--config", paramLabel = "FILE", description = "Configuration (nlp.scorer).")
  Path config;

  /** The configured scorer, with the encoder stage as asked. */
  PostScorer scorer() throws IOException {
    TocsinConfig cfg = config == null ? TocsinConfig.defaults() : TocsinConfig.load(config);
    return TocsinNode.scorer(cfg, encoder);
  }
}
