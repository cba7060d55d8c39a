package org.tocsin.crawler.parse.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.tocsin.core.json.PostFormatException;

/**
 * Bounds on XML before a tree is built from it. A tree builder (ROME over JDOM) spent 89 s on a 600
 * KB document nested 200,000 levels deep before failing; a streaming pass with a depth counter
 * refuses it in milliseconds. The pass uses the JDK's StAX reader with DTDs and external entities
 * off, and refuses any DOCTYPE, so that no entity can be declared (XXE, billion laughs).
 */
public final class BoundedXml {

  /** The deepest element nesting accepted; real feeds stay under 20, XHTML content under 100. */
  public static final int MAX_DEPTH = 256;

  /** The most elements accepted in one document. */
  public static final int MAX_ELEMENTS = 2_000_000;

  /** The longest the streaming pass may take. */
  public static final Duration MAX_TIME = Duration.ofSeconds(5);

  private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
  private static final Set<String> FEED_NS =
      Set.of(
          "",
          "http://www.w3.org/2005/Atom",
          "http://purl.org/atom/ns#",
          "http://purl.org/rss/1.0/",
          "http://my.netscape.com/rdf/simple/0.9/");

  private BoundedXml() {}

  /**
   * Checks a document in one streaming pass, and notes the base URI in effect at each feed entry
   * ({@code entry} or {@code item}): {@code xml:base} resolved through its ancestors against the
   * document's URL (RFC 3986 5.1), since ROME resolves a relative {@code xml:base} not at all.
   *
   * @param documentUrl the document's own URL, the base of a relative {@code xml:base}; may be
   *     {@code null}
   * @return the base in effect at each entry, in document order ({@code null} where unknown)
   * @throws PostFormatException if it is not well-formed, has a DOCTYPE, or passes a bound; the
   *     message names {@code where}, the bound and the line
   */
  public static List<URI> check(String xml, String where, URI documentUrl)
      throws PostFormatException {
    long deadline = System.nanoTime() + MAX_TIME.toNanos();
    List<URI> entryBases = new ArrayList<>();
    Deque<Optional<URI>> bases = new ArrayDeque<>();
    try (Reader in = new StringReader(xml)) {
      // The document is in memory: a reader left open on failure holds nothing else.
      // A factory per document: the JDK does not promise that one may be shared by threads, and
      // parsers must be thread-safe; making one costs microseconds.
      XMLStreamReader r = factory().createXMLStreamReader(in);
      int depth = 0;
      long elements = 0;
      while (r.hasNext()) {
        int e = r.next();
        if (e == XMLStreamConstants.START_ELEMENT) {
          if (++depth > MAX_DEPTH) {
            throw new PostFormatException(
                where
                    + ": XML nested too deeply [max "
                    + MAX_DEPTH
                    + " levels, at line "
                    + r.getLocation().getLineNumber()
                    + "]");
          }
          if (++elements > MAX_ELEMENTS) {
            throw new PostFormatException(
                where + ": too many XML elements [max " + MAX_ELEMENTS + "]");
          }
          if ((elements & 1023) == 0 && System.nanoTime() > deadline) {
            throw new PostFormatException(
                where + ": XML took too long to read [max " + MAX_TIME.toMillis() + " ms]");
          }
          URI parent = bases.isEmpty() ? documentUrl : bases.peek().orElse(null);
          URI base = resolve(parent, r.getAttributeValue(XML_NS, "base"));
          bases.push(Optional.ofNullable(base));
          String name = r.getLocalName();
          if (("entry".equals(name) || "item".equals(name)) && FEED_NS.contains(ns(r))) {
            entryBases.add(base);
          }
        } else if (e == XMLStreamConstants.END_ELEMENT) {
          depth--;
          bases.pop();
        } else if (e == XMLStreamConstants.DTD) {
          throw new PostFormatException(where + ": DOCTYPE is not allowed");
        } else if (e == XMLStreamConstants.ENTITY_REFERENCE) {
          throw new PostFormatException(
              where + ": undeclared entity reference [got &" + r.getLocalName() + ";]");
        }
      }
      r.close();
      return entryBases;
    } catch (XMLStreamException e) {
      throw new PostFormatException(where + ": not well-formed XML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new PostFormatException(where + ": not readable: " + e.getMessage(), e);
    }
  }

  /**
   * Replaces the characters XML 1.0 forbids (C0 controls but tab, new line and carriage return;
   * U+FFFE, U+FFFF; lone surrogates) with U+FFFD, so that one stray control character in one entry
   * does not reject a whole feed. Returns the input itself if it had none.
   */
  public static Cleaned clean(String s) {
    StringBuilder sb = null;
    int replaced = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)) {
        ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        if (ok) {
          if (sb != null) {
            sb.append(c).append(s.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else if (Character.isLowSurrogate(c)) {
        ok = false;
      } else {
        ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
      }
      if (ok) {
        if (sb != null) {
          sb.append(c);
        }
      } else {
        if (sb == null) {
          sb = new StringBuilder(s.length());
          sb.append(s, 0, i);
        }
        sb.append('\uFFFD');
        replaced++;
      }
    }
    return new Cleaned(sb == null ? s : sb.toString(), replaced);
  }

  /** A document with its forbidden characters replaced, and how many there were. */
  public record Cleaned(String xml, int replaced) {}

  private static String ns(XMLStreamReader r) {
    String ns = r.getNamespaceURI();
    return ns == null ? "" : ns;
  }

  /** {@code ref} resolved against {@code base}; {@code base} if there is no ref, null if bad. */
  private static URI resolve(URI base, String ref) {
    if (ref == null) {
      return base;
    }
    try {
      URI u = new URI(ref.strip());
      if (u.isAbsolute()) {
        return u;
      }
      return base == null ? null : base.resolve(u);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    return f;
  }
}
