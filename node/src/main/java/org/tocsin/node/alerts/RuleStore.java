package org.tocsin.node.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tocsin.core.json.Json;
import org.tocsin.index.InvalidQueryException;
import org.tocsin.node.files.AtomicFiles;

/** Alert rules in {@code DATA/alerts/rules.json}, compiled and ready to match. Thread-safe. */
public final class RuleStore {
  private final Path file;
  private final Map<String, RuleMatcher> rules = new LinkedHashMap<>();

  private RuleStore(Path file) {
    this.file = file;
  }

  /**
   * Opens the rules of an alerts directory.
   *
   * @throws IOException if the file cannot be read or holds an invalid rule
   */
  public static RuleStore open(Path alertsDir) throws IOException {
    RuleStore s = new RuleStore(alertsDir.resolve("rules.json"));
    if (Files.exists(s.file)) {
      AtomicFiles.restrictToOwner(s.file); // it holds webhook secrets
      JsonNode root = Json.mapper().readTree(s.file.toFile());
      for (JsonNode r : root.path("rules")) {
        try {
          AlertRule rule =
              AlertJson.ruleFromNode(
                  r,
                  r.path("id").asText(),
                  Instant.parse(r.path("createdAt").asText()),
                  r.path("createdBy").asText(null));
          s.rules.put(rule.id(), new RuleMatcher(rule));
        } catch (IllegalArgumentException | InvalidQueryException e) {
          throw new IOException(
              s.file + ": invalid rule " + r.path("id") + ": " + e.getMessage(), e);
        }
      }
    }
    return s;
  }

  /**
   * Adds a rule after compiling it.
   *
   * @throws InvalidQueryException if its query is invalid
   * @throws IOException if the store cannot be written
   */
  public synchronized void add(AlertRule rule) throws IOException, InvalidQueryException {
    rules.put(rule.id(), new RuleMatcher(rule));
    save();
  }

  /**
   * Deletes a rule.
   *
   * @return whether it existed
   * @throws IOException if the store cannot be written
   */
  public synchronized boolean delete(String id) throws IOException {
    if (rules.remove(id) == null) {
      return false;
    }
    save();
    return true;
  }

  /** The rules, in creation order. */
  public synchronized List<AlertRule> list() {
    List<AlertRule> out = new ArrayList<>();
    rules.values().forEach(m -> out.add(m.rule()));
    return out;
  }

  /** One rule. */
  public synchronized Optional<AlertRule> get(String id) {
    RuleMatcher m = rules.get(id);
    return m == null ? Optional.empty() : Optional.of(m.rule());
  }

  synchronized List<RuleMatcher> matchers() {
    return new ArrayList<>(rules.values());
  }

  private void save() throws IOException {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("format", 1);
    ArrayNode arr = root.putArray("rules");
    for (RuleMatcher m : rules.values()) {
      arr.add(AlertJson.toNode(m.rule(), true));
    }
    // owner only: the rules hold their webhooks' signing secrets
    AtomicFiles.writePrivate(
        file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
  }
}
