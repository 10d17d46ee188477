package dev.personaharness.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Checks that the answer's fenced blocks of a language parse: JSON, YAML, SQL. */
final class ParseChecks {
  private ParseChecks() {}

  static List<Check> all() {
    return List.of(new Parses("json-valid", List.of("json"), ParseChecks::json),
        new Parses("yaml-valid", List.of("yaml", "yml"), ParseChecks::yaml),
        new SqlValid());
  }

  /** Parses one block; returns null when it is valid, else the parser's complaint. */
  interface Parser {
    String problem(String block);
  }

  /** Counts the blocks whose info string is one of {@code languages}; the first names them in evidence. */
  static final class Parses extends TypedCheck<Integer> {
    private final List<String> languages;
    private final Parser parser;

    Parses(String type, List<String> languages, Parser parser) {
      super(type);
      this.languages = languages;
      this.parser = parser;
    }

    @Override
    Integer parse(Object argument) {
      if (argument == null || Boolean.TRUE.equals(argument)) {
        return 1;
      }
      Map<String, Object> m = Arguments.map(argument, List.of("min"));
      return Math.max(1, Arguments.count(m, "min", 1));
    }

    @Override
    CheckResult evaluate(String answer, Integer min) {
      List<Text.Block> blocks = Text.blocks(answer).stream().filter(b -> languages.contains(b.language())).toList();
      String lang = languages.get(0);
      if (blocks.isEmpty()) {
        return new CheckResult.Failed(0, "no ```" + String.join("/```", languages.stream().sorted().toList()) + " block found");
      }
      int valid = 0;
      List<String> problems = new ArrayList<>();
      for (Text.Block b : blocks) {
        String problem = parser.problem(b.body());
        if (problem == null) {
          valid++;
        } else {
          problems.add("block at line " + b.line() + ": " + problem);
        }
      }
      double score = (double) valid / Math.max(blocks.size(), min);
      boolean ok = problems.isEmpty() && blocks.size() >= min;
      String evidence = valid + " of " + blocks.size() + " " + lang + " block" + (blocks.size() == 1 ? "" : "s") + " valid"
          + (blocks.size() < min ? "; need " + min : "") + (problems.isEmpty() ? "" : "; " + String.join("; ", problems));
      return CheckResult.of(ok, score, evidence);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  static String json(String block) {
    if (block.isBlank()) {
      return "empty block";
    }
    try {
      JSON.readTree(block);
      return null;
    } catch (JsonProcessingException e) {
      return firstLine(e.getOriginalMessage()) + " (line " + e.getLocation().getLineNr() + ")";
    }
  }

  static String yaml(String block) {
    if (block.isBlank()) {
      return "empty block";
    }
    LoaderOptions o = new LoaderOptions();
    o.setMaxAliasesForCollections(20);
    o.setNestingDepthLimit(50);
    try {
      for (Object ignored : new Yaml(new SafeConstructor(o)).loadAll(block)) {
        // parsing every document is the check
      }
      return null;
    } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      return firstLine(problem) + (e.getProblemMark() != null ? " (line " + (e.getProblemMark().getLine() + 1) + ")" : "");
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      return firstLine(e.getMessage());
    }
  }

  static String firstLine(String s) {
    String line = s == null ? "parse error" : s.strip().split("\n", 2)[0];
    return line.length() > 200 ? line.substring(0, 197) + "..." : line;
  }
}
