package dev.personaharness.suite;

import dev.personaharness.core.Diagnostic;
import dev.personaharness.core.Similarity;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reading YAML as a tree of positioned nodes: every value keeps its line and column, so every
 * problem can be reported where it is. Composing builds no objects, and the loader limits bound
 * alias expansion, nesting and size.
 */
final class Yaml {
  private final String path;
  private final List<Diagnostic> out;

  Yaml(String path, List<Diagnostic> out) {
    this.path = path;
    this.out = out;
  }

  /** Suites may use aliases and nesting, within bounds no real suite comes near. */
  static final LoaderOptions OPTIONS = SafeYaml.options(50, 50, 8 * 1024 * 1024);

  static Node compose(String text) {
    return new org.yaml.snakeyaml.Yaml(new SafeConstructor(OPTIONS)).compose(new StringReader(text));
  }

  static int line(Node n) {
    return n.getStartMark().getLine() + 1;
  }

  static int col(Node n) {
    return n.getStartMark().getColumn() + 1;
  }

  static int line(Mark m) {
    return m == null ? 0 : m.getLine() + 1;
  }

  static int col(Mark m) {
    return m == null ? 0 : m.getColumn() + 1;
  }

  void error(Node at, String message) {
    out.add(Diagnostic.error(path, line(at), col(at), message));
  }

  void warning(Node at, String message) {
    out.add(Diagnostic.warning(path, line(at), col(at), message));
  }

  /**
   * The entries of a mapping by key, in order. Duplicate keys and keys outside {@code allowed} are
   * reported (with a "did you mean" hint); null when {@code node} is not a mapping.
   */
  Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
    if (!(node instanceof MappingNode m)) {
      error(node, what + " must be a mapping of 'key: value' entries, found " + kind(node));
      return null;
    }
    Map<String, Node> result = new LinkedHashMap<>();
    Map<String, Node> keys = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      Node k = t.getKeyNode();
      if (!(k instanceof ScalarNode ks)) {
        error(k, "keys in " + what + " must be plain names");
        continue;
      }
      String key = ks.getValue();
      if (keys.containsKey(key)) {
        error(k, "duplicate key '" + key + "' in " + what + " (first at line " + line(keys.get(key)) + ")");
        continue;
      }
      keys.put(key, k);
      if (allowed != null && !allowed.contains(key)) {
        String hint = Similarity.closest(key, allowed).map(s -> " (did you mean '" + s + "'?)")
            .orElse("; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
        error(k, "unknown key '" + key + "' in " + what + hint);
        continue;
      }
      result.put(key, t.getValueNode());
    }
    return result;
  }

  /** The key node of an entry, for diagnostics that point at a key rather than its value. */
  static Map<String, Node> keyNodes(MappingNode m) {
    Map<String, Node> keys = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode ks) {
        keys.putIfAbsent(ks.getValue(), ks);
      }
    }
    return keys;
  }

  String string(Node node, String what) {
    if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
      return s.getValue();
    }
    error(node, what + " must be text, found " + kind(node));
    return null;
  }

  Integer integer(Node node, String what, int min, int max) {
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
      try {
        int v = Integer.parseInt(s.getValue().replace("_", ""));
        if (v >= min && v <= max) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    String range = min == Integer.MIN_VALUE ? "" : max == Integer.MAX_VALUE ? " of at least " + min : " from " + min + " to " + max;
    error(node, what + " must be a whole number" + range + ", found " + kind(node));
    return null;
  }

  Double number(Node node, String what, double min, double max) {
    if (node instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
      try {
        double v = Double.parseDouble(s.getValue().replace("_", ""));
        if (v >= min && v <= max) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    // a minimum of Double.MIN_VALUE means "more than 0"
    String range = min == Double.MIN_VALUE ? " greater than 0 and at most " + fmt(max) : " from " + fmt(min) + " to " + fmt(max);
    error(node, what + " must be a number" + range + ", found " + kind(node));
    return null;
  }

  List<Node> sequence(Node node, String what) {
    if (node instanceof SequenceNode s) {
      return s.getValue();
    }
    error(node, what + " must be a list, found " + kind(node));
    return null;
  }

  List<String> strings(Node node, String what) {
    List<Node> items = sequence(node, what);
    if (items == null) {
      return List.of();
    }
    List<String> result = new ArrayList<>();
    for (Node item : items) {
      String s = string(item, "each entry of " + what);
      if (s != null) {
        result.add(s);
      }
    }
    return result;
  }

  /** A node as plain Java values (String, Long, Double, Boolean, List, Map), for check arguments. */
  static Object plain(Node node) {
    if (node instanceof ScalarNode s) {
      Tag tag = s.getTag();
      String v = s.getValue();
      try {
        if (tag.equals(Tag.INT)) {
          return Long.parseLong(v.replace("_", ""));
        }
        if (tag.equals(Tag.FLOAT)) {
          return Double.parseDouble(v.replace("_", ""));
        }
      } catch (NumberFormatException e) {
        return v;
      }
      if (tag.equals(Tag.BOOL)) {
        return Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT))
            || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on");
      }
      return tag.equals(Tag.NULL) ? null : v;
    }
    if (node instanceof SequenceNode s) {
      List<Object> list = new ArrayList<>();
      s.getValue().forEach(n -> list.add(plain(n)));
      return java.util.Collections.unmodifiableList(list);
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (NodeTuple t : ((MappingNode) node).getValue()) {
      map.put(String.valueOf(plain(t.getKeyNode())), plain(t.getValueNode()));
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode s = (ScalarNode) node;
    if (s.getTag().equals(Tag.NULL)) {
      return "nothing";
    }
    String v = s.getValue();
    return "'" + (v.length() > 40 ? v.substring(0, 37) + "..." : v) + "'";
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
