package org.tocsin.crawler.parse.internal;

import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to plain text with jsoup: keeps the text, drops the markup, decodes entities, and turns line
 * breaks and block elements into new lines.
 */
public final class HtmlText {

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "li",
          "ul",
          "ol",
          "blockquote",
          "pre",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "tr",
          "table",
          "section",
          "article",
          "header",
          "footer");

  /**
   * The most tags an HTML fragment (a status, a 4chan comment, a feed entry) may have before it is
   * read as text with the tags stripped: a real one has hundreds, and jsoup's cost grows with the
   * nesting of hostile ones (200,000 unclosed tags took seconds).
   */
  public static final int MAX_FRAGMENT_TAGS = 20_000;

  /** The most tags a whole page (t.me/s) may have; a real one has a few thousand. */
  public static final int MAX_PAGE_TAGS = 100_000;

  private HtmlText() {}

  /** The plain text of an HTML fragment (never {@code null}; empty for {@code null} input). */
  public static String of(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    return of(fragment(html));
  }

  /**
   * An HTML fragment parsed into a body element; a fragment with more than {@link
   * #MAX_FRAGMENT_TAGS} tags becomes its text alone (tags stripped in one linear pass, entities
   * decoded), so that hostile markup costs no more than its length and the text is still kept.
   */
  public static Element fragment(String html) {
    String h = html == null ? "" : html;
    if (tags(h) <= MAX_FRAGMENT_TAGS) {
      return Jsoup.parseBodyFragment(h).body();
    }
    Element body = Jsoup.parseBodyFragment("").body();
    body.appendChild(new TextNode(Parser.unescapeEntities(stripTags(h), false)));
    return body;
  }

  /** The number of tag openings ({@code <} followed by a letter, {@code /} or {@code !}). */
  public static int tags(String html) {
    int n = 0;
    for (int i = 0, end = html.length() - 1; i < end; i++) {
      if (html.charAt(i) == '<') {
        char c = html.charAt(i + 1);
        if (Character.isLetter(c) || c == '/' || c == '!') {
          n++;
        }
      }
    }
    return n;
  }

  private static String stripTags(String html) {
    StringBuilder sb = new StringBuilder(Math.min(html.length(), 1 << 20));
    boolean inTag = false;
    for (int i = 0; i < html.length(); i++) {
      char c = html.charAt(i);
      if (inTag) {
        inTag = c != '>';
      } else if (c == '<'
          && i + 1 < html.length()
          && (Character.isLetter(html.charAt(i + 1))
              || html.charAt(i + 1) == '/'
              || html.charAt(i + 1) == '!')) {
        inTag = true;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The plain text of a parsed element and its descendants. */
  public static String of(Element root) {
    StringBuilder sb = new StringBuilder();
    NodeTraversor.traverse(new TextCollector(sb), root);
    return tidy(sb);
  }

  /** The {@code href} values of the links in an element that are absolute http(s) URLs. */
  public static List<String> links(Element root, int max) {
    return root.select("a[href]").stream()
        .map(a -> a.attr("href"))
        .filter(Parsing::isWebUrl)
        .distinct()
        .limit(max)
        .toList();
  }

  private static String tidy(StringBuilder sb) {
    String s = sb.toString().replace('\u00a0', ' ');
    StringBuilder out = new StringBuilder(s.length());
    int newlines = 0;
    for (String line : s.split("\n", -1)) {
      String t = line.strip();
      if (t.isEmpty()) {
        newlines++;
        continue;
      }
      if (out.length() > 0) {
        out.append(newlines > 1 ? "\n\n" : "\n");
      }
      out.append(t);
      newlines = 1;
    }
    return out.toString();
  }

  /** Appends text nodes and a new line at each {@code br} and block boundary. */
  private static final class TextCollector implements NodeVisitor {
    private final StringBuilder sb;

    TextCollector(StringBuilder sb) {
      this.sb = sb;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        String text = t.text();
        if (!text.isBlank() || (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n')) {
          sb.append(text);
        }
      } else if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("br")) {
          sb.append('\n');
        } else if (BLOCKS.contains(tag)) {
          sb.append("\n\n");
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
        sb.append("\n\n");
      }
    }
  }
}
