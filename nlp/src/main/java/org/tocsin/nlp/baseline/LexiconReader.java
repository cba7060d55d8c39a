package org.tocsin.nlp.baseline;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tocsin.core.score.Ground;
import org.tocsin.nlp.text.Token;
import org.tocsin.nlp.text.WordTokenizer;

/** Parses the lexicon file format of {@link Lexicon}, refusing anything it does not understand. */
final class LexiconReader {
  static final String MAGIC = "tocsin-lexicon";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
  private static final int FIELDS = 6;

  /** The header's name and language. */
  private record Header(String name, String language) {}

  private LexiconReader() {}

  static Lexicon read(BufferedReader in, String resource) throws IOException {
    String header = in.readLine();
    if (header == null) {
      throw new LexiconFormatException(
          "empty file; expected the header '" + MAGIC + "<TAB>format=1<TAB>name=...'", resource, 1);
    }
    Header head = readHeader(header, resource);
    List<LexiconEntry> entries = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Ground> groundOfGroup = new HashMap<>();
    int lineNo = 1;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      LexiconEntry e = parseEntry(line, resource, lineNo);
      Integer first = seen.putIfAbsent(e.term() + '\t' + e.category(), lineNo);
      if (first != null) {
        throw new LexiconFormatException(
            "duplicate entry '"
                + e.term()
                + "' ("
                + e.category().jsonName()
                + "), first on line "
                + first,
            resource,
            lineNo);
      }
      if (e.group() != null) {
        Ground known = groundOfGroup.putIfAbsent(e.group(), e.ground());
        if (known != null && known != e.ground()) {
          throw new LexiconFormatException(
              "group '"
                  + e.group()
                  + "' has ground "
                  + known.jsonName()
                  + " elsewhere [got "
                  + e.ground().jsonName()
                  + "]",
              resource,
              lineNo);
        }
      }
      entries.add(e);
    }
    return new Lexicon(head.name(), head.language(), entries);
  }

  private static Header readHeader(String header, String resource) throws LexiconFormatException {
    String h = header.startsWith("\uFEFF") ? header.substring(1) : header;
    String[] fields = h.split("\t", -1);
    if (!fields[0].equals(MAGIC)) {
      throw new LexiconFormatException(
          "not a Tocsin lexicon: the first line must start with '"
              + MAGIC
              + "' [got '"
              + clip(h)
              + "']",
          resource,
          1);
    }
    String version = null;
    String name = null;
    String language = Lexicon.DEFAULT_LANGUAGE;
    for (int k = 1; k < fields.length; k++) {
      if (fields[k].startsWith("format=")) {
        version = fields[k].substring("format=".length());
      } else if (fields[k].startsWith("name=")) {
        name = fields[k].substring("name=".length());
      } else if (fields[k].startsWith("lang=")) {
        language = fields[k].substring("lang=".length());
        if (!LANGUAGE.matcher(language).matches()) {
          throw new LexiconFormatException(
              "header lang= must be an ISO 639 code of 2 or 3 lower-case letters [got '"
                  + clip(language)
                  + "']",
              resource,
              1);
        }
      } else {
        throw new LexiconFormatException(
            "unknown header field [got '" + clip(fields[k]) + "']", resource, 1);
      }
    }
    if (version == null) {
      throw new LexiconFormatException("header has no format=<version>", resource, 1);
    }
    if (!version.equals(Integer.toString(Lexicon.FORMAT_VERSION))) {
      throw new LexiconFormatException(
          "unsupported lexicon format version '"
              + clip(version)
              + "'; this reader supports "
              + "version "
              + Lexicon.FORMAT_VERSION
              + " only",
          resource,
          1);
    }
    if (name == null || !NAME.matcher(name).matches()) {
      throw new LexiconFormatException(
          "header needs name=<[a-z0-9._-], at most 64 chars> [got '" + clip(name) + "']",
          resource,
          1);
    }
    return new Header(name, language);
  }

  private static LexiconEntry parseEntry(String line, String resource, int lineNo)
      throws LexiconFormatException {
    String[] f = line.split("\t", -1);
    if (f.length != FIELDS) {
      throw new LexiconFormatException(
          "expected 6 tab-separated fields (term, category, weight, group, ground, source) [got "
              + f.length
              + " in '"
              + clip(line)
              + "']",
          resource,
          lineNo);
    }
    String term = f[0];
    checkTerm(term, resource, lineNo);
    LexiconCategory category;
    try {
      category = LexiconCategory.fromJsonName(f[1]);
    } catch (IllegalArgumentException e) {
      throw fail("unknown category [got '" + clip(f[1]) + "']", resource, lineNo, e);
    }
    double weight;
    try {
      weight = Double.parseDouble(f[2]);
    } catch (NumberFormatException e) {
      throw fail("weight is not a number [got '" + clip(f[2]) + "']", resource, lineNo, e);
    }
    if (!(weight > 0 && weight <= 1)) {
      throw new LexiconFormatException(
          "weight must lie in (0, 1] [got " + clip(f[2]) + "]", resource, lineNo);
    }
    String group = null;
    Ground ground = null;
    if (category.namesGroup()) {
      if (!GROUP.matcher(f[3]).matches()) {
        throw new LexiconFormatException(
            "a "
                + category.jsonName()
                + " entry needs a group name [a-z][a-z0-9_]* [got '"
                + clip(f[3])
                + "']",
            resource,
            lineNo);
      }
      group = f[3];
      try {
        ground = Ground.fromJson(f[4]);
      } catch (IllegalArgumentException e) {
        throw fail("unknown ground [got '" + clip(f[4]) + "']", resource, lineNo, e);
      }
    } else if (!f[3].equals("-") || !f[4].equals("-")) {
      throw new LexiconFormatException(
          "group and ground must be '-' for a "
              + category.jsonName()
              + " entry [got '"
              + clip(f[3])
              + "', '"
              + clip(f[4])
              + "']",
          resource,
          lineNo);
    }
    if (!NAME.matcher(f[5]).matches()) {
      throw new LexiconFormatException(
          "source must be a tag [a-z0-9._-] [got '" + clip(f[5]) + "']", resource, lineNo);
    }
    return new LexiconEntry(term, category, weight, group, ground, f[5]);
  }

  /** A term must read back as itself through the tokenizer, or it could never match. */
  private static void checkTerm(String term, String resource, int lineNo)
      throws LexiconFormatException {
    List<Token> tokens = WordTokenizer.tokenize(term).tokens();
    StringBuilder joined = new StringBuilder(term.length());
    for (Token t : tokens) {
      if (joined.length() > 0) {
        joined.append(' ');
      }
      joined.append(t.text());
    }
    if (tokens.isEmpty() || !joined.toString().equals(term)) {
      throw new LexiconFormatException(
          "term must be lower-case words separated by single spaces, as the tokenizer reads them"
              + " [got '"
              + clip(term)
              + "', reads as '"
              + clip(joined.toString())
              + "']",
          resource,
          lineNo);
    }
    if (tokens.size() > Lexicon.MAX_TERM_WORDS) {
      throw new LexiconFormatException(
          "term has more than " + Lexicon.MAX_TERM_WORDS + " words [got '" + clip(term) + "']",
          resource,
          lineNo);
    }
  }

  private static LexiconFormatException fail(
      String message, String resource, int lineNo, Exception cause) {
    LexiconFormatException e = new LexiconFormatException(message, resource, lineNo);
    e.initCause(cause);
    return e;
  }

  private static String clip(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
