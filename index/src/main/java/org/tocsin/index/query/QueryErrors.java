package org.tocsin.index.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.IndexSearcher;
import org.tocsin.index.InvalidQueryException;

/**
 * Turns the classic query parser's errors into messages a user can act on.
 *
 * <p>The parser's own messages echo the whole query and list every token it expected; these say
 * what went wrong, where (the column, from 1), and what to do about it.
 */
final class QueryErrors {

  private static final Pattern COLUMN = Pattern.compile("column (\\d+)");
  private static final int MAX_IMAGE_CHARS = 40;

  private QueryErrors() {}

  /** The user-facing error for a parse failure. */
  static InvalidQueryException translate(ParseException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IndexSearcher.TooManyClauses) {
      return PostQueries.tooManyTerms(-1, e);
    }
    if (cause instanceof TokenMgrError lexical) {
      return lexical(lexical, e);
    }
    ParseException inner = cause instanceof ParseException pe ? pe : e;
    if (inner.currentToken != null) {
      return syntax(inner.currentToken, e);
    }
    // Thrown by PostQueryParser or QueryParserBase with a message written for users.
    return new InvalidQueryException(stripPrefix(inner.getMessage()), -1, e);
  }

  private static InvalidQueryException syntax(Token last, ParseException e) {
    Token bad = last.next;
    String after = last.image == null || last.image.isEmpty() ? "" : " after " + quote(last.image);
    if (bad == null || bad.kind == QueryParserConstants.EOF) {
      int column = last.image == null ? 1 : last.endColumn + 1;
      return new InvalidQueryException(
          "the query ends too early"
              + after
              + " (column "
              + column
              + "): a term, a closing bracket or a closing quote is missing",
          column,
          e);
    }
    // FastCharStream counts begin columns from 0 and end columns (exclusive) from 0, i.e. the
    // 1-based column of a token's last character.
    int column = bad.beginColumn + 1;
    return new InvalidQueryException(
        "unexpected "
            + quote(bad.image)
            + after
            + " at column "
            + column
            + ": check the brackets and operators, or put the text in quotes or escape special"
            + " characters with \\ to search for it literally",
        column,
        e);
  }

  private static InvalidQueryException lexical(TokenMgrError lexical, ParseException e) {
    String message = lexical.getMessage() == null ? "" : lexical.getMessage();
    Matcher m = COLUMN.matcher(message);
    int column = m.find() ? Integer.parseInt(m.group(1)) : -1;
    String where = column > 0 ? " (column " + column + ")" : "";
    if (message.contains("<EOF>")) {
      return new InvalidQueryException(
          "the query ends inside a quoted phrase, a regular expression or an escape"
              + where
              + ": close the \" or /, or escape it with \\",
          column,
          e);
    }
    return new InvalidQueryException(
        "the query has a character the syntax does not allow there"
            + where
            + ": escape it with \\ or put the text in quotes",
        column,
        e);
  }

  private static String stripPrefix(String message) {
    if (message == null) {
      return "invalid query";
    }
    // QueryParserBase#parse prefixes "Cannot parse '<the whole query>': ".
    if (message.startsWith("Cannot parse '")) {
      int at = message.lastIndexOf("': ");
      if (at >= 0) {
        return message.substring(at + 3);
      }
    }
    return message;
  }

  private static String quote(String image) {
    String s = image == null ? "" : image;
    if (s.length() > MAX_IMAGE_CHARS) {
      s = s.substring(0, MAX_IMAGE_CHARS) + "…";
    }
    return "'" + s + "'";
  }
}
