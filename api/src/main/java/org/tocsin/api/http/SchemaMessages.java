package org.tocsin.api.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the JSON-schema validator's findings about a request body ("String is too short (5 < 16) at
 * #/webhook/secret") into sentences a person understands ("webhook.secret must have at least 16
 * characters; it has 5"). A finding it does not recognise is passed on as it is, with its field.
 */
final class SchemaMessages {
  private static final Pattern AT = Pattern.compile("\\s*at\\s+#(/\\S*)\\s*$");
  private static final Pattern SHORT =
      Pattern.compile("(?i)string is too short \\((\\d+) < (\\d+)\\)");
  private static final Pattern LONG =
      Pattern.compile("(?i)string is too long \\((\\d+) > (\\d+)\\)");
  private static final Pattern REQUIRED =
      Pattern.compile("(?i)instance does not have required property \"([^\"]+)\"");
  private static final Pattern TYPE =
      Pattern.compile("(?i)instance type (\\w+) is invalid\\. expected (\\w+)");
  private static final Pattern FEW =
      Pattern.compile("(?i)array has too few items \\((\\d+) < (\\d+)\\)");
  private static final Pattern MANY =
      Pattern.compile("(?i)array has too many items \\((\\d+) > (\\d+)\\)");
  private static final Pattern BOUND =
      Pattern.compile("(?i)(-?[0-9.eE+-]+) is (less|greater) than (or equal to )?(-?[0-9.eE+-]+)");

  private SchemaMessages() {}

  /** The finding in plain words. */
  static String plain(String reason) {
    String r = reason == null ? "" : reason.strip();
    String field = "the body";
    Matcher at = AT.matcher(r);
    if (at.find()) {
      String pointer = at.group(1);
      r = r.substring(0, at.start()).strip();
      if (pointer.length() > 1) {
        field = pointer.substring(1).replace('/', '.');
      }
    }
    Matcher m;
    if ((m = SHORT.matcher(r)).find()) {
      return field + " must have at least " + m.group(2) + " characters; it has " + m.group(1);
    }
    if ((m = LONG.matcher(r)).find()) {
      return field + " may have at most " + m.group(2) + " characters; it has " + m.group(1);
    }
    if ((m = REQUIRED.matcher(r)).find()) {
      String f = field.equals("the body") ? m.group(1) : field + "." + m.group(1);
      return f + " is required";
    }
    if ((m = TYPE.matcher(r)).find()) {
      return field + " must be " + article(m.group(2)) + ", not " + article(m.group(1));
    }
    if ((m = FEW.matcher(r)).find()) {
      return field + " needs at least " + m.group(2) + " entries; it has " + m.group(1);
    }
    if ((m = MANY.matcher(r)).find()) {
      return field + " may have at most " + m.group(2) + " entries; it has " + m.group(1);
    }
    if ((m = BOUND.matcher(r)).find()) {
      boolean low = m.group(2).equalsIgnoreCase("less");
      return field
          + (low ? " must be at least " : " must be at most ")
          + m.group(4)
          + "; it is "
          + m.group(1);
    }
    String lower = r.toLowerCase(Locale.ROOT);
    if (lower.contains("does not match pattern") && field.endsWith("url")) {
      return field + " must be a web address starting with http:// or https://";
    }
    if (lower.contains("enum")) {
      return field + " is not one of the allowed values";
    }
    return field + ": " + (r.isEmpty() ? r : Character.toLowerCase(r.charAt(0)) + r.substring(1));
  }

  private static String article(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    return switch (t) {
      case "object" -> "an object";
      case "array" -> "a list";
      case "integer" -> "a whole number";
      case "null" -> "null";
      default -> "a " + t;
    };
  }
}
