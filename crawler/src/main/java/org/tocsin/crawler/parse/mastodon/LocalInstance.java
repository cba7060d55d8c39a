package org.tocsin.crawler.parse.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.crawler.parse.internal.Parsing;

/**
 * Finds the instance that served a Mastodon body when the capture URL does not say (a saved file):
 * an account whose {@code acct} has no domain is local to that instance, so the host of its status
 * URL (or its profile URL) is the instance. Remote statuses prove nothing: their URLs name the
 * instance they came from, while their ids belong to the serving instance.
 */
final class LocalInstance {

  private static final int MAX_LOOKED_AT = 10_000;

  private LocalInstance() {}

  /** The serving instance's host, or {@code null} if no local account's status is in the body. */
  static String of(JsonNode root) {
    List<JsonNode> todo = new ArrayList<>();
    todo.add(root);
    int looked = 0;
    while (!todo.isEmpty() && looked++ < MAX_LOOKED_AT) {
      JsonNode n = todo.remove(todo.size() - 1);
      if (n == null) {
        continue;
      }
      if (n.isArray()) {
        n.forEach(todo::add);
        continue;
      }
      if (!n.isObject()) {
        continue;
      }
      JsonNode account = n.get("account");
      String acct = account == null ? null : Parsing.nonBlank(account, "acct");
      if (acct != null && !acct.contains("@") && n.has("content")) {
        String host = Parsing.host(Parsing.nonBlank(n, "url"));
        if (host == null) {
          host = Parsing.host(Parsing.nonBlank(account, "url"));
        }
        if (host != null) {
          return host;
        }
      }
      todo.add(n.get("status"));
      todo.add(n.get("reblog"));
      todo.add(n.get("ancestors"));
      todo.add(n.get("descendants"));
    }
    return null;
  }
}
