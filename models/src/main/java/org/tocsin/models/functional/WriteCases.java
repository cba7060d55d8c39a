package org.tocsin.models.functional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the expanded cases of one part as JSONL, one case a line, for review by people and for
 * training code outside the JVM. Usage: {@code WriteCases SUITE_DIR train|test OUT.jsonl}.
 */
public final class WriteCases {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WriteCases() {}

  /** Command-line entry point. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: WriteCases SUITE_DIR train|test OUT.jsonl");
    }
    List<FunctionalCase> cases =
        FunctionalSuite.load(
            SuiteSource.directory(Path.of(args[0])), Part.parse(args[1]), SuiteReader.LANGUAGES);
    try (Writer w = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(w)) {
      write(cases, out);
    }
  }

  /** Writes {@code cases} to {@code out}, one JSON object a line. */
  public static void write(List<FunctionalCase> cases, PrintWriter out) throws IOException {
    for (FunctionalCase c : cases) {
      out.println(JSON.writeValueAsString(json(c)));
    }
    out.flush();
  }

  /** One case as JSON: id, lang, part, function, group, hateful, incitement, text, template. */
  public static ObjectNode json(FunctionalCase c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", c.id());
    o.put("lang", c.lang());
    o.put("part", c.part().dir());
    o.put("function", c.function().id());
    o.put("group", c.group());
    o.put("hateful", c.hateful());
    o.put("incitement", c.incitement());
    o.put("text", c.text());
    o.put("template", c.templateId());
    if (c.obfuscation() != null) {
      o.put("obfuscation", c.obfuscation().id());
      o.put("base", c.base());
    }
    return o;
  }
}
