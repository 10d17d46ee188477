package dev.personaharness.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code sql-valid}: every statement of the answer's SQL blocks parses in the chosen dialect
 * ({@code postgresql}, the default, {@code mysql} or {@code ansi}); see {@link SqlBlocks}.
 */
final class SqlValid extends TypedCheck<SqlValid.Arg> {
  static final List<String> LANGUAGES = List.of("sql", "postgresql", "postgres", "psql", "mysql");

  record Arg(int min, SqlBlocks.Dialect dialect) {}

  SqlValid() {
    super("sql-valid");
  }

  @Override
  Arg parse(Object argument) {
    if (argument == null || Boolean.TRUE.equals(argument)) {
      return new Arg(1, SqlBlocks.Dialect.POSTGRESQL);
    }
    Map<String, Object> m = Arguments.map(argument, List.of("min", "dialect"));
    SqlBlocks.Dialect d = SqlBlocks.Dialect.POSTGRESQL;
    if (m.containsKey("dialect")) {
      d = SqlBlocks.Dialect.parse(Arguments.text(m.get("dialect")));
      if (d == null) {
        throw new Arguments.Bad("has unknown dialect " + Arguments.describe(m.get("dialect")) + "; use postgresql, mysql or ansi");
      }
    }
    return new Arg(Math.max(1, Arguments.count(m, "min", 1)), d);
  }

  @Override
  CheckResult evaluate(String answer, Arg arg) {
    List<Text.Block> blocks = Text.blocks(answer).stream().filter(b -> LANGUAGES.contains(b.language())).toList();
    if (blocks.isEmpty()) {
      return new CheckResult.Failed(0, "no ```" + String.join("/```", LANGUAGES.stream().sorted().toList()) + " block found");
    }
    int valid = 0;
    List<String> problems = new ArrayList<>();
    for (Text.Block b : blocks) {
      String problem = SqlBlocks.parse(b.body(), arg.dialect()).problem();
      if (problem == null) {
        valid++;
      } else {
        problems.add("block at line " + b.line() + ": " + problem);
      }
    }
    boolean ok = problems.isEmpty() && blocks.size() >= arg.min();
    String evidence = valid + " of " + blocks.size() + " sql block" + (blocks.size() == 1 ? "" : "s") + " valid"
        + (arg.dialect() == SqlBlocks.Dialect.POSTGRESQL ? "" : " (" + arg.dialect().name().toLowerCase(java.util.Locale.ROOT) + ")")
        + (blocks.size() < arg.min() ? "; need " + arg.min() : "") + (problems.isEmpty() ? "" : "; " + String.join("; ", problems));
    return CheckResult.of(ok, (double) valid / Math.max(blocks.size(), arg.min()), evidence);
  }
}
