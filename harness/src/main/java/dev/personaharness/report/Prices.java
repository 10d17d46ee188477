package dev.personaharness.report;

import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Diagnostic;
import dev.personaharness.core.DisplayPath;
import dev.personaharness.core.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A price table ({@code --prices FILE}): US dollars per million input and output tokens, by model.
 * A model id matches the longest key it starts with, so {@code gpt-4o-mini} prices
 * {@code gpt-4o-mini-2024-07-18}.
 *
 * <pre>
 * gpt-4o-mini: {input: 0.15, output: 0.60}
 * claude-sonnet-4-5: {input: 3, output: 15}
 * </pre>
 */
public record Prices(Map<String, Price> byModel) {
  /** Dollars per million tokens. */
  public record Price(double input, double output) {}

  public Prices {
    byModel = Map.copyOf(byModel);
  }

  public static Prices load(Path file) {
    String shown = DisplayPath.of(file);
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(TextFiles.read(file));
    } catch (YAMLException e) {
      throw fail(shown, "not valid YAML: " + e.getMessage().split("\n")[0]);
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw fail(shown, "a price table maps each model to {input: USD per 1M tokens, output: USD per 1M tokens}");
    }
    Map<String, Price> prices = new TreeMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    map.forEach((k, v) -> {
      if (v instanceof Map<?, ?> m && m.get("input") instanceof Number in && m.get("output") instanceof Number out
          && in.doubleValue() >= 0 && out.doubleValue() >= 0 && m.size() == 2) {
        prices.put(String.valueOf(k), new Price(in.doubleValue(), out.doubleValue()));
      } else {
        problems.add(Diagnostic.error(shown, 0, 0, "model '" + k + "' needs {input: N, output: N} in USD per 1M tokens"));
      }
    });
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Prices(prices);
  }

  /** The price of a model: the longest key that the model id starts with. */
  public Optional<Price> of(String model) {
    if (model == null) {
      return Optional.empty();
    }
    return byModel.entrySet().stream().filter(e -> model.startsWith(e.getKey()))
        .max(java.util.Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue);
  }

  private static ConfigException fail(String shown, String message) {
    return new ConfigException(List.of(Diagnostic.error(shown, 0, 0, message)));
  }
}
