package org.tocsin.cli.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The package graph of one module's compiled classes: which of its {@code org.tocsin} packages
 * refers to which, read from the class files' constant pools (class references, field and method
 * descriptors, generic signatures), so that references without an import count too.
 */
final class PackageGraph {
  private static final Pattern CLASS_NAME =
      Pattern.compile("(org/tocsin/(?:[a-z0-9_]+/)*)[A-Za-z0-9_$]+");

  private final Map<String, Set<String>> edges = new TreeMap<>();

  /**
   * Adds an edge {@code from -> to} (dotted package names); a package's self-reference is no edge.
   */
  void add(String from, String to) {
    edges.computeIfAbsent(from, k -> new TreeSet<>());
    if (!from.equals(to)) {
      edges.get(from).add(to);
      edges.computeIfAbsent(to, k -> new TreeSet<>());
    }
  }

  /** The packages seen. */
  Set<String> packages() {
    return edges.keySet();
  }

  /** The packages {@code from} refers to. */
  Set<String> targets(String from) {
    return edges.getOrDefault(from, Set.of());
  }

  /** Reads a module's classes: a directory of class files or a jar. */
  static PackageGraph read(Path classes) {
    Map<String, Set<String>> refs = new HashMap<>();
    try {
      if (Files.isDirectory(classes)) {
        try (Stream<Path> files = Files.walk(classes)) {
          for (Path f :
              (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
            try (InputStream in = Files.newInputStream(f)) {
              collect(in, refs);
            }
          }
        }
      } else {
        try (ZipFile zip = new ZipFile(classes.toFile())) {
          for (ZipEntry e : java.util.Collections.list(zip.entries())) {
            if (e.getName().endsWith(".class")) {
              try (InputStream in = zip.getInputStream(e)) {
                collect(in, refs);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classes in " + classes, e);
    }
    PackageGraph graph = new PackageGraph();
    Set<String> own = refs.keySet();
    refs.forEach(
        (from, targets) -> {
          graph.add(from, from);
          for (String to : targets) {
            if (own.contains(to)) {
              graph.add(from, to);
            }
          }
        });
    return graph;
  }

  /** The strongly connected components with more than one package: the package cycles. */
  List<Set<String>> cycles() {
    // Tarjan's algorithm, iterative over an explicit stack
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new java.util.HashSet<>();
    List<Set<String>> result = new ArrayList<>();
    int[] counter = {0};
    for (String root : edges.keySet()) {
      if (!index.containsKey(root)) {
        strongConnect(root, index, low, stack, onStack, result, counter);
      }
    }
    return result;
  }

  private void strongConnect(
      String v,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> result,
      int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]);
    counter[0]++;
    stack.push(v);
    onStack.add(v);
    for (String w : targets(v)) {
      if (!index.containsKey(w)) {
        strongConnect(w, index, low, stack, onStack, result, counter);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        result.add(component);
      }
    }
  }

  /**
   * Reads one class file's own package and the org.tocsin packages its constant pool names (class
   * entries, descriptors and signatures; string literals excepted).
   */
  private static void collect(InputStream raw, Map<String, Set<String>> refs) throws IOException {
    DataInputStream in = new DataInputStream(raw);
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNameIndex = new int[count];
    boolean[] literal = new boolean[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNameIndex[i] = in.readUnsignedShort();
        case 8 -> literal[in.readUnsignedShort()] = true;
        case 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    in.readUnsignedShort();
    int thisClass = in.readUnsignedShort();
    String self = utf8[classNameIndex[thisClass]];
    int slash = self.lastIndexOf('/');
    if (slash < 0 || !self.startsWith("org/tocsin/")) {
      return;
    }
    String from = self.substring(0, slash).replace('/', '.');
    Set<String> targets = refs.computeIfAbsent(from, k -> new TreeSet<>());
    for (int i = 1; i < count; i++) {
      String s = utf8[i];
      // string literals (resource paths and the like) name no class
      if (s != null && !literal[i] && s.contains("org/tocsin/")) {
        Matcher m = CLASS_NAME.matcher(s);
        while (m.find()) {
          String pkg = m.group(1);
          targets.add(pkg.substring(0, pkg.length() - 1).replace('/', '.'));
        }
      }
    }
  }
}
