package org.tocsin.node.keys;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process on one key store, as {@code tocsin keys} beside a running node: makes {@code N}
 * keys, revokes every other one, and prints {@code created ID} and {@code revoked ID} lines.
 */
final class KeyStoreChild {
  private KeyStoreChild() {}

  public static void main(String[] args) throws Exception {
    ApiKeyStore store = ApiKeyStore.open(Path.of(args[0]));
    int n = Integer.parseInt(args[1]);
    try (PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        String id = store.create(Role.ANALYST, "child " + i).key().id();
        out.println("created " + id);
        if (i % 2 == 0) {
          if (!store.revoke(id)) {
            throw new IllegalStateException("own key not found: " + id);
          }
          out.println("revoked " + id);
        }
      }
    }
  }
}
