package org.tocsin.cli;

import picocli.CommandLine.Command;

/** The top-level command; every action is a subcommand. */
@Command(
    name = "tocsin",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Watches public social media for incitement to violence and hate against protected groups, detects coordinated campaigns, and preserves every post as verifiable evidence."
    },
    subcommands = {
      DemoCommand.class,
      ServeCommand.class,
      ImportCommand.class,
      VerifyCommand.class,
      CampaignsCommand.class,
      AttributionCommand.class,
      ParseCommand.class,
      KeysCommand.class,
      ExportCommand.class,
      VerifyBundleCommand.class,
      ReindexCommand.class,
      ScoreCommand.class,
      EvalIncitementCommand.class,
      CalibrateIncitementCommand.class,
      EvalFunctionalCommand.class,
      picocli.CommandLine.HelpCommand.class
    })
public final class TocsinCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "a command is required: demo, serve, import, verify or campaigns");
  }
}
