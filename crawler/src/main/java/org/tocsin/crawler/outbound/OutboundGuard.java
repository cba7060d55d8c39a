package org.tocsin.crawler.outbound;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which URLs the node may contact. A URL's host is taken as the network would take it
 * (numeric forms such as {@code 2130706433}, {@code 0x7f.1} or {@code 017700000001} are addresses,
 * {@code localhost} and {@code *.localhost} are loopback), resolved, and refused when any address
 * it resolves to is loopback (127/8, ::1), private (10/8, 172.16/12, 192.168/16, fc00::/7,
 * fec0::/10), link-local (169.254/16 with cloud metadata services, fe80::/10), unspecified (0/8,
 * ::), multicast (224/4, ff00::/8), shared (CGNAT 100.64/10) or reserved (240/4, 192.0.0/24,
 * 198.18/15), also when written as an IPv4-mapped, IPv4-compatible, 6to4 or NAT64 IPv6 address. An
 * admin allow-list ({@code security.outboundAllow}) of CIDRs and host names lifts the refusal for
 * what it names; nothing else does, and the empty list is the default.
 *
 * <p>Callers connect to the address this guard checked ({@link #pin}), never to a fresh lookup of
 * the name, so that a DNS answer cannot change between the check and the connection.
 */
public final class OutboundGuard {
  /** Schemes of plain HTTP requests. */
  public static final Set<String> HTTP = Set.of("http", "https");

  /** Schemes of HTTP requests and WebSockets. */
  public static final Set<String> HTTP_AND_WS = Set.of("http", "https", "ws", "wss");

  private static final Pattern LOOSE_IPV4 =
      Pattern.compile("(?:0[xX][0-9a-fA-F]*|[0-9]+)(?:\\.(?:0[xX][0-9a-fA-F]*|[0-9]+)){0,3}\\.?");
  private static final Pattern STRICT_IPV4 = Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}");
  private static final Pattern HOST_NAME =
      Pattern.compile("[a-z0-9_]([a-z0-9_.-]{0,251}[a-z0-9_])?");

  private final List<Cidr> allowedRanges;
  private final List<String> allowedHosts;
  private final List<String> entries;

  private OutboundGuard(List<Cidr> ranges, List<String> hosts, List<String> entries) {
    this.allowedRanges = List.copyOf(ranges);
    this.allowedHosts = List.copyOf(hosts);
    this.entries = List.copyOf(entries);
  }

  /** The guard with no allow-list: only public addresses may be contacted. */
  public static OutboundGuard denyPrivate() {
    return new OutboundGuard(List.of(), List.of(), List.of());
  }

  /**
   * The guard with an admin allow-list: CIDRs ({@code 10.1.0.0/16}, {@code fd00::/8}), single
   * addresses ({@code 127.0.0.1}) and host names ({@code hooks.internal}, matched exactly and
   * without regard to case; an allowed name may resolve to any address).
   *
   * @throws IllegalArgumentException naming an entry that is none of these
   */
  public static OutboundGuard allowing(List<String> allow) {
    Objects.requireNonNull(allow, "allow");
    List<Cidr> ranges = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    for (String raw : allow) {
      String e = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
      if (e.contains("/") || STRICT_IPV4.matcher(e).matches() || e.contains(":")) {
        ranges.add(Cidr.parse(e));
      } else if (HOST_NAME.matcher(e).matches()) {
        hosts.add(e.endsWith(".") ? e.substring(0, e.length() - 1) : e);
      } else {
        throw new IllegalArgumentException(
            "security.outboundAllow takes CIDRs, addresses and host names [got " + raw + "]");
      }
    }
    return new OutboundGuard(ranges, hosts, allow);
  }

  /** The allow-list as configured. */
  public List<String> allowList() {
    return entries;
  }

  /** Where a checked URL leads: its parsed form and the address to connect to. */
  public record Pinned(URI uri, String host, int port, InetAddress address) {
    /** The socket address to connect to (the checked address, not the name). */
    public SocketAddress server() {
      return SocketAddress.inetSocketAddress(port, address.getHostAddress());
    }
  }

  /**
   * Checks a URL and resolves its host on a worker thread.
   *
   * @return the checked address to connect to; fails with {@link OutboundRefusedException}
   */
  public Future<Pinned> pin(Vertx vertx, String url, Set<String> schemes) {
    return vertx.executeBlocking(() -> resolve(url, schemes), false);
  }

  /**
   * Checks a URL and resolves its host (blocking: it may ask DNS).
   *
   * @return the checked address to connect to
   * @throws OutboundRefusedException if the URL is malformed, has another scheme, or its host is or
   *     resolves to an address the node may not contact
   */
  public Pinned resolve(String url, Set<String> schemes) {
    URI uri = parse(url, schemes);
    String typed = uri.getHost();
    String host = typed.startsWith("[") ? typed.substring(1, typed.length() - 1) : typed;
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(uri.getScheme());
    boolean allowedName = allowedHosts.contains(host);
    InetAddress literal = literal(host, typed);
    if (literal != null) {
      check(literal, typed, "is");
      return new Pinned(uri, host, port, literal);
    }
    InetAddress[] all;
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      // loopback by definition (RFC 6761), whatever a resolver would say
      all = new InetAddress[] {InetAddress.getLoopbackAddress()};
    } else {
      try {
        all = InetAddress.getAllByName(host);
      } catch (UnknownHostException e) {
        throw new OutboundRefusedException(
            "unresolvable", "the host '" + typed + "' does not resolve to an address");
      }
    }
    if (!allowedName) {
      for (InetAddress a : all) {
        check(a, typed, "resolves to");
      }
    }
    return new Pinned(uri, host, port, all[0]);
  }

  /**
   * Checks a URL's form and scheme, and a host written as an address, without asking DNS.
   *
   * @throws OutboundRefusedException if the URL is malformed, has another scheme or no host, or its
   *     host is an address the node may not contact
   */
  public URI parse(String url, Set<String> schemes) {
    URI uri;
    try {
      uri = new URI(Objects.requireNonNull(url, "url"));
    } catch (URISyntaxException e) {
      throw new OutboundRefusedException("bad_url", "not a URL [got " + url + "]");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!schemes.contains(scheme)) {
      throw new OutboundRefusedException(
          "scheme",
          "the URL must use "
              + String.join(" or ", schemes.stream().sorted().toList())
              + " [got "
              + url
              + "]");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new OutboundRefusedException(
          "bad_url", "the URL has no host that can be checked [got " + url + "]");
    }
    return uri;
  }

  private static int defaultPort(String scheme) {
    String s = scheme.toLowerCase(Locale.ROOT);
    return s.equals("https") || s.equals("wss") ? 443 : 80;
  }

  /**
   * The address a host spells, as the C library would read it (decimal, octal and hex parts, one to
   * four of them), or null for a name.
   *
   * @throws OutboundRefusedException if it is numeric but no valid address
   */
  static InetAddress literal(String host, String typed) {
    try {
      if (host.contains(":")) {
        return InetAddress.getByName(host); // a bracketed IPv6 literal: no DNS
      }
      if (!LOOSE_IPV4.matcher(host).matches()) {
        return null;
      }
      String[] parts =
          host.endsWith(".")
              ? host.substring(0, host.length() - 1).split("\\.")
              : host.split("\\.");
      long[] v = new long[parts.length];
      for (int i = 0; i < parts.length; i++) {
        v[i] = number(parts[i]);
      }
      long addr;
      switch (parts.length) {
        case 1 -> addr = limit(v[0], 0xFFFFFFFFL);
        case 2 -> addr = limit(v[0], 0xFF) << 24 | limit(v[1], 0xFFFFFF);
        case 3 -> addr = limit(v[0], 0xFF) << 24 | limit(v[1], 0xFF) << 16 | limit(v[2], 0xFFFF);
        default ->
            addr =
                limit(v[0], 0xFF) << 24
                    | limit(v[1], 0xFF) << 16
                    | limit(v[2], 0xFF) << 8
                    | limit(v[3], 0xFF);
      }
      return InetAddress.getByAddress(
          new byte[] {
            (byte) (addr >>> 24), (byte) (addr >>> 16), (byte) (addr >>> 8), (byte) addr
          });
    } catch (UnknownHostException | NumberFormatException e) {
      throw new OutboundRefusedException(
          "bad_address", "the host '" + typed + "' is not a valid address");
    }
  }

  private static long number(String part) {
    if (part.startsWith("0x") || part.startsWith("0X")) {
      return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
    }
    if (part.length() > 1 && part.startsWith("0")) {
      return Long.parseLong(part.substring(1), 8);
    }
    return Long.parseLong(part);
  }

  private static long limit(long v, long max) {
    if (v < 0 || v > max) {
      throw new NumberFormatException("part out of range");
    }
    return v;
  }

  private void check(InetAddress a, String typed, String verb) {
    String reason = forbidden(a);
    if (reason != null && !allowed(a)) {
      throw refused(reason, typed, verb);
    }
  }

  private boolean allowed(InetAddress a) {
    for (Cidr c : allowedRanges) {
      if (c.contains(a)) {
        return true;
      }
    }
    InetAddress embedded = embeddedIpv4(a);
    return embedded != null && allowed(embedded);
  }

  private static OutboundRefusedException refused(String reason, String typed, String verb) {
    String what =
        switch (reason) {
          case "loopback" -> "a loopback address";
          case "private" -> "a private-network address";
          case "link_local" -> "a link-local address (these include cloud metadata services)";
          case "unspecified" -> "an unspecified address";
          case "multicast" -> "a multicast address";
          case "shared" -> "a carrier-grade NAT (shared) address";
          default -> "a reserved address";
        };
    return new OutboundRefusedException(
        reason,
        "the host '"
            + typed
            + "' "
            + verb
            + " "
            + what
            + ", which the node may not contact; an admin may allow it in"
            + " security.outboundAllow");
  }

  /** The reason an address may not be contacted, or null if it is a public address. */
  static String forbidden(InetAddress a) {
    if (a instanceof Inet4Address) {
      byte[] b = a.getAddress();
      int b0 = b[0] & 0xFF;
      int b1 = b[1] & 0xFF;
      if (b0 == 0) {
        return "unspecified";
      }
      if (b0 == 127) {
        return "loopback";
      }
      if (b0 == 10 || (b0 == 172 && (b1 & 0xF0) == 16) || (b0 == 192 && b1 == 168)) {
        return "private";
      }
      if (b0 == 169 && b1 == 254) {
        return "link_local";
      }
      if (b0 == 100 && (b1 & 0xC0) == 64) {
        return "shared";
      }
      if (b0 >= 224 && b0 <= 239) {
        return "multicast";
      }
      if (b0 >= 240
          || (b0 == 192 && b1 == 0 && (b[2] & 0xFF) == 0)
          || (b0 == 198 && (b1 & 0xFE) == 18)) {
        return "reserved";
      }
      return null;
    }
    InetAddress embedded = embeddedIpv4(a);
    if (embedded != null) {
      return forbidden(embedded);
    }
    byte[] b = a.getAddress();
    if (a.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (a.isLoopbackAddress()) {
      return "loopback";
    }
    if (a.isLinkLocalAddress()) {
      return "link_local";
    }
    if ((b[0] & 0xFE) == 0xFC || a.isSiteLocalAddress()) {
      return "private";
    }
    if (a.isMulticastAddress()) {
      return "multicast";
    }
    return null;
  }

  /**
   * The IPv4 address inside an IPv6 one that carries it (IPv4-mapped ::ffff:0:0/96, IPv4-compatible
   * ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16), or null.
   */
  static InetAddress embeddedIpv4(InetAddress a) {
    if (!(a instanceof Inet6Address)) {
      return null;
    }
    byte[] b = a.getAddress();
    boolean zero10 = true;
    for (int i = 0; i < 10; i++) {
      zero10 &= b[i] == 0;
    }
    byte[] v4 = null;
    if (zero10 && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
      v4 = new byte[] {b[12], b[13], b[14], b[15]};
    } else if (zero10 && b[10] == 0 && b[11] == 0) {
      boolean loopOrAny = true;
      for (int i = 12; i < 15; i++) {
        loopOrAny &= b[i] == 0;
      }
      if (!loopOrAny || (b[15] & 0xFF) > 1) {
        v4 = new byte[] {b[12], b[13], b[14], b[15]};
      }
    } else if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B) {
      boolean zero = true;
      for (int i = 4; i < 12; i++) {
        zero &= b[i] == 0;
      }
      if (zero) {
        v4 = new byte[] {b[12], b[13], b[14], b[15]};
      }
    } else if (b[0] == 0x20 && b[1] == 0x02) {
      v4 = new byte[] {b[2], b[3], b[4], b[5]};
    }
    if (v4 == null) {
      return null;
    }
    try {
      return InetAddress.getByAddress(v4);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are an IPv4 address", e);
    }
  }

  /** An address range. */
  private record Cidr(byte[] network, int prefix) {
    static Cidr parse(String entry) {
      int slash = entry.indexOf('/');
      String addr = slash < 0 ? entry : entry.substring(0, slash);
      if (!(STRICT_IPV4.matcher(addr).matches() || addr.contains(":"))) {
        throw new IllegalArgumentException(
            "security.outboundAllow: not an address range [got " + entry + "]");
      }
      try {
        // a dotted IPv4 is read by our own parser; a name given here would go to DNS otherwise
        byte[] net =
            (addr.contains(":") ? InetAddress.getByName(addr) : literal(addr, entry)).getAddress();
        int prefix = slash < 0 ? net.length * 8 : Integer.parseInt(entry.substring(slash + 1));
        if (prefix < 0 || prefix > net.length * 8) {
          throw new IllegalArgumentException(
              "security.outboundAllow: prefix out of range [got " + entry + "]");
        }
        return new Cidr(net, prefix);
      } catch (UnknownHostException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "security.outboundAllow: not an address range [got " + entry + "]", e);
      }
    }

    boolean contains(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (b[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (b[full] & mask) == (network[full] & mask);
    }
  }
}
