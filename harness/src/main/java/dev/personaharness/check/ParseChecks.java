package dev.personaharness.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Checks that the answer's fenced blocks of a language parse: JSON, YAML, SQL. */
final class ParseChecks {
  private ParseChecks() {}

  static List<Check> all() {
    return List.of(new Parses("json-valid", Set.of("json"), ParseChecks::json),
        new Parses("yaml-valid", Set.of("yaml", "yml"), ParseChecks::yaml),
        new Parses("sql-valid", Set.of("sql", "postgresql", "postgres", "psql", "mysql"), ParseChecks::sql));
  }

  /** Parses one block; returns null when it is valid, else the parser's complaint. */
  interface Parser {
    String problem(String block);
  }

  static final class Parses extends TypedCheck<Integer> {
    private final Set<String> languages;
    private final Parser parser;

    Parses(String type, Set<String> languages, Parser parser) {
      super(type);
      this.languages = languages;
      this.parser = parser;
    }

    @Override
    Integer parse(Object argument) {
      if (argument == null || Boolean.TRUE.equals(argument)) {
        return 1;
      }
      Map<String, Object> m = Arguments.map(argument, Set.of("min"));
      return Math.max(1, Arguments.count(m, "min", 1));
    }

    @Override
    CheckResult evaluate(String answer, Integer min) {
      List<Text.Block> blocks = Text.blocks(answer).stream().filter(b -> languages.contains(b.language())).toList();
      String lang = languages.iterator().next();
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

  private static final ObjectMapper JSON = new ObjectMapper();

  static String json(String block) {
    try {
      JSON.readTree(block);
      return null;
    } catch (JsonProcessingException e) {
      return firstLine(e.getOriginalMessage()) + " (line " + e.getLocation().getLineNr() + ")";
    }
  }

  static String yaml(String block) {
    LoaderOptions o = new LoaderOptions();
    o.setMaxAliasesForCollections(20);
    o.setNestingDepthLimit(50);
    try {
      for (Object ignored : new Yaml(new SafeConstructor(o)).loadAll(block)) {
        // parsing every document is the check
      }
      return null;
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      return firstLine(e.getMessage());
    }
  }

  static String sql(String block) {
    String trimmed = block.strip();
    if (trimmed.isEmpty()) {
      return "empty block";
    }
    try {
      CCJSqlParserUtil.parseStatements(trimmed, parser -> parser.withTimeOut(5000));
      return null;
    } catch (JSQLParserException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return firstLine(String.valueOf(cause.getMessage()));
    }
  }

  private static String firstLine(String s) {
    String line = s == null ? "parse error" : s.strip().split("\n", 2)[0];
    return line.length() > 200 ? line.substring(0, 197) + "..." : line;
  }
}
