package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The CLI's part of issue 16 (item 6): picocli formats every help text with {@link String#format},
 * and a bare {@code %} (as in "95% bootstrap") made it print a WARN on every {@code --help}. Every
 * command's and argument's text must format cleanly. The verifier's cases are in {@link
 * VerifyTrustTest} and {@link VerifyBundleTrustTest}, the shipped jar in {@link PackagedJarIT}.
 */
class CliSecurityTest {

  @Test
  void everyHelpTextFormatsWithoutAPicocliWarning() {
    List<String> bad = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    walk(new CommandLine(new TocsinCommand()), bad, seen);
    assertThat(seen).as("commands walked").contains("tocsin verify", "tocsin eval-incitement");
    assertThat(bad).as("texts picocli cannot format (escape % as %%)").isEmpty();
  }

  private static void walk(CommandLine cl, List<String> bad, List<String> seen) {
    CommandSpec spec = cl.getCommandSpec();
    seen.add(spec.qualifiedName());
    List<String> texts = new ArrayList<>();
    texts.addAll(List.of(spec.usageMessage().description()));
    texts.addAll(List.of(spec.usageMessage().header()));
    texts.addAll(List.of(spec.usageMessage().footer()));
    for (ArgSpec a : spec.args()) {
      texts.addAll(List.of(a.description()));
    }
    for (String t : texts) {
      try {
        String.format(Locale.ROOT, t);
      } catch (IllegalFormatException e) {
        bad.add(spec.qualifiedName() + ": " + t + " (" + e + ")");
      }
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      walk(sub, bad, seen);
    }
  }
}
