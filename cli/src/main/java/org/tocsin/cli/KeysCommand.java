package org.tocsin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tocsin.node.keys.ApiKey;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tocsin keys}: API keys (create, list, revoke). */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = {
      "Manages API keys. A key is shown once, when it is made; only its hash is kept."
    },
    subcommands = {
      KeysCommand.Create.class,
      KeysCommand.ListKeys.class,
      KeysCommand.Revoke.class,
      KeysCommand.Show.class
    })
final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "a subcommand is required: create, list or revoke");
  }

  /** {@code tocsin keys create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Makes an API key and prints it once, alone on the last line. Roles: analyst, trust,"
            + " prosecutor, admin."
      })
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory.")
    Path data;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "R",
        description = "analyst, trust, prosecutor or admin.")
    String role;

    @Option(
        names = "--name",
        required = true,
        paramLabel = "N",
        description = "Who or what the key is for.")
    String name;

    @Override
    public Integer call() throws Exception {
      Role r;
      try {
        r = Role.parse(role);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      ApiKeyStore.CreatedKey k = ApiKeyStore.open(data).create(r, name);
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "created key "
              + k.key().id()
              + " ("
              + r.jsonName()
              + ", "
              + k.key().name()
              + "); it is shown once:");
      out.println(k.token());
      return 0;
    }
  }

  /** {@code tocsin keys list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {"Lists API keys (never their secrets)."})
  static final class ListKeys implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory.")
    Path data;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      for (ApiKey k : ApiKeyStore.open(data).list()) {
        out.printf(
            java.util.Locale.ROOT,
            "%s  %-10s  %-8s  %s  %s%n",
            k.id(),
            k.role().jsonName(),
            k.active() ? "active" : "revoked",
            k.createdAt(),
            k.name());
      }
      return 0;
    }
  }

  /** {@code tocsin keys show}: the ledger's tree-head signing public key. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "Prints the public key (PEM) that signs the ledger's tree heads, and its key id. Publish"
            + " it, so that anyone can check exported bundles against it."
      })
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory.")
    Path data;

    @Override
    public Integer call() throws Exception {
      Path dir = data.resolve("ledger-keys");
      Path pem = dir.resolve(org.tocsin.evidence.sign.TreeHeadKeys.PUBLIC_FILE);
      if (!java.nio.file.Files.exists(pem)) {
        throw new IllegalArgumentException(
            "no signing key yet in "
                + dir
                + " (it is made when a node first opens the data directory)");
      }
      java.security.PublicKey key = org.tocsin.evidence.sign.TreeHeadKeys.readPublicKey(pem);
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "key id (sha256 of the public key): "
              + java.util.HexFormat.of()
                  .formatHex(org.tocsin.evidence.sign.TreeHeadKeys.keyId(key)));
      out.println("file: " + pem);
      out.print(java.nio.file.Files.readString(pem));
      return 0;
    }
  }

  /** {@code tocsin keys revoke}. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = {"Revokes an API key at once."})
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory.")
    Path data;

    @Parameters(paramLabel = "ID", description = "The key's id (tocsin keys list).")
    String id;

    @Override
    public Integer call() throws Exception {
      if (!ApiKeyStore.open(data).revoke(id)) {
        throw new IllegalArgumentException("no active key " + id);
      }
      spec.commandLine().getOut().println("revoked " + id);
      return 0;
    }
  }
}
