package dev.personaharness.suite;

import dev.personaharness.core.CheckSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads one rubric entry: exactly one type key with its argument, plus optional weight and label. */
final class CheckSpecs {
  private static final Set<String> COMMON = Set.of("weight", "label");

  private CheckSpecs() {}

  static CheckSpec read(Node node, Yaml yaml) {
    Map<String, Node> m = yaml.mapping(node, "a check", null);
    if (m == null) {
      return null;
    }
    List<String> types = new ArrayList<>();
    Node typeKey = null;
    for (NodeTuple t : ((MappingNode) node).getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && !COMMON.contains(k.getValue())) {
        types.add(k.getValue());
        typeKey = typeKey == null ? k : typeKey;
      }
    }
    if (types.isEmpty()) {
      yaml.error(node, "the check names no type; write e.g. '- icontains: cursor' (see docs/suites.md)");
      return null;
    }
    if (types.size() > 1) {
      String hint = dev.personaharness.core.Similarity.closest(types.get(1), COMMON)
          .map(s -> " (did you mean '" + s + "' for '" + types.get(1) + "'?)").orElse("");
      yaml.error(node, "one check has several type keys (" + String.join(", ", types)
          + "); each list item is one check with optional 'weight' and 'label'" + hint);
      return null;
    }
    double weight = 1;
    if (m.containsKey("weight")) {
      Double w = yaml.number(m.get("weight"), "weight", Double.MIN_VALUE, 1000);
      if (w == null) {
        return null;
      }
      weight = w;
    }
    String label = m.containsKey("label") ? yaml.string(m.get("label"), "label") : null;
    String type = types.get(0);
    return new CheckSpec(type, Yaml.plain(m.get(type)), weight, label, Yaml.line(typeKey), Yaml.col(typeKey));
  }
}
