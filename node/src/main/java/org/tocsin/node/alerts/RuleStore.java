package org.tocsin.node.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tocsin.core.json.Json;
import org.tocsin.index.InvalidQueryException;
import org.tocsin.node.files.AtomicFiles;

/**
 * Alert rules in {@code DATA/alerts/rules.json}, compiled and ready to match. A paused rule stays
 * listed but matches nothing until it is resumed (posts that arrive meanwhile never alert through
 * it); its webhook still delivers what it raised before. Thread-safe.
 */
public final class RuleStore {
  private final Path file;
  private final Map<String, RuleMatcher> rules = new LinkedHashMap<>();
  private final Set<String> paused = new HashSet<>();

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
          if (r.path("paused").asBoolean(false)) {
            s.paused.add(rule.id());
          }
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
    paused.remove(id);
    save();
    return true;
  }

  /**
   * Replaces a rule's conditions, name and webhook by those of {@code rule} (same id), keeping its
   * place in the list and whether it is paused.
   *
   * @return whether a rule with that id existed
   * @throws InvalidQueryException if its query is invalid
   * @throws IOException if the store cannot be written
   */
  public synchronized boolean replace(AlertRule rule) throws IOException, InvalidQueryException {
    if (!rules.containsKey(rule.id())) {
      return false;
    }
    rules.put(rule.id(), new RuleMatcher(rule));
    save();
    return true;
  }

  /**
   * Pauses or resumes a rule.
   *
   * @return whether a rule with that id existed
   * @throws IOException if the store cannot be written
   */
  public synchronized boolean setPaused(String id, boolean pause) throws IOException {
    if (!rules.containsKey(id)) {
      return false;
    }
    boolean changed = pause ? paused.add(id) : paused.remove(id);
    if (changed) {
      save();
    }
    return true;
  }

  /** Whether a rule is paused. */
  public synchronized boolean isPaused(String id) {
    return paused.contains(id);
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

  /** The compiled rules that are not paused. */
  synchronized List<RuleMatcher> matchers() {
    List<RuleMatcher> out = new ArrayList<>(rules.size());
    rules.forEach(
        (id, m) -> {
          if (!paused.contains(id)) {
            out.add(m);
          }
        });
    return out;
  }

  private void save() throws IOException {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("format", 1);
    ArrayNode arr = root.putArray("rules");
    for (RuleMatcher m : rules.values()) {
      ObjectNode r = AlertJson.toNode(m.rule(), true);
      if (paused.contains(m.rule().id())) {
        r.put("paused", true);
      }
      arr.add(r);
    }
    // owner only: the rules hold their webhooks' signing secrets
    AtomicFiles.writePrivate(
        file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
  }
}
