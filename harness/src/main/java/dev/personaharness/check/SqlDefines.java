package dev.personaharness.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * {@code sql-defines}: the SQL in the answer (all its sql blocks, PostgreSQL forms accepted) defines
 * the named {@code tables}, {@code columns} ({@code table.column}), {@code indexes} and
 * {@code constraints}, by CREATE TABLE, ALTER TABLE ... ADD and CREATE INDEX. Names compare
 * without case or quotes and without a schema prefix. Scores the fraction found.
 */
final class SqlDefines extends TypedCheck<Map<String, List<String>>> {
  private static final List<String> KINDS = List.of("tables", "columns", "indexes", "constraints");
  private static final Map<String, String> SINGULAR =
      Map.of("tables", "table", "columns", "column", "indexes", "index", "constraints", "constraint");

  SqlDefines() {
    super("sql-defines");
  }

  @Override
  Map<String, List<String>> parse(Object argument) {
    Map<String, Object> m = Arguments.map(argument, KINDS);
    if (m.isEmpty()) {
      throw new Arguments.Bad("needs at least one of " + KINDS);
    }
    Map<String, List<String>> wanted = new java.util.LinkedHashMap<>();
    for (String k : KINDS) {
      if (m.containsKey(k)) {
        List<String> names = Arguments.texts(m.get(k), 1);
        if (k.equals("columns") && names.stream().anyMatch(n -> !n.contains("."))) {
          throw new Arguments.Bad("names columns as table.column");
        }
        wanted.put(k, names.stream().map(SqlDefines::norm).toList());
      }
    }
    return wanted;
  }

  @Override
  CheckResult evaluate(String answer, Map<String, List<String>> wanted) {
    Map<String, Set<String>> defined = Map.of("tables", new TreeSet<>(), "columns", new TreeSet<>(), "indexes", new TreeSet<>(),
        "constraints", new TreeSet<>());
    for (Text.Block b : Text.blocks(answer)) {
      if (SqlValid.LANGUAGES.contains(b.language())) {
        for (Statement st : SqlBlocks.parse(b.body(), SqlBlocks.Dialect.POSTGRESQL).statements()) {
          collect(st, defined);
        }
      }
    }
    int total = 0;
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : wanted.entrySet()) {
      for (String name : e.getValue()) {
        total++;
        if (!defined.get(e.getKey()).contains(name)) {
          missing.add(SINGULAR.get(e.getKey()) + " " + name);
        }
      }
    }
    double score = (double) (total - missing.size()) / total;
    String evidence = (total - missing.size()) + " of " + total + " defined" + (missing.isEmpty() ? "" : "; missing " + missing);
    return CheckResult.of(missing.isEmpty(), score, evidence);
  }

  private static void collect(Statement st, Map<String, Set<String>> defined) {
    if (st instanceof CreateTable ct) {
      String table = norm(ct.getTable().getName());
      defined.get("tables").add(table);
      if (ct.getColumnDefinitions() != null) {
        for (ColumnDefinition c : ct.getColumnDefinitions()) {
          defined.get("columns").add(table + "." + norm(c.getColumnName()));
          List<String> spec = c.getColumnSpecs() == null ? List.of() : c.getColumnSpecs();
          for (int i = 0; i + 1 < spec.size(); i++) {
            if (spec.get(i).equalsIgnoreCase("CONSTRAINT")) {
              defined.get("constraints").add(norm(spec.get(i + 1)));
            }
          }
        }
      }
      if (ct.getIndexes() != null) {
        for (Index i : ct.getIndexes()) {
          if (i.getName() != null) {
            defined.get("constraints").add(norm(i.getName()));
            defined.get("indexes").add(norm(i.getName()));
          }
        }
      }
    } else if (st instanceof CreateIndex ci) {
      defined.get("indexes").add(norm(ci.getIndex().getName()));
    } else if (st instanceof Alter a && a.getAlterExpressions() != null) {
      String table = norm(a.getTable().getName());
      for (AlterExpression e : a.getAlterExpressions()) {
        if (e.getColDataTypeList() != null && e.getOperation() == net.sf.jsqlparser.statement.alter.AlterOperation.ADD) {
          e.getColDataTypeList().forEach(c -> defined.get("columns").add(table + "." + norm(c.getColumnName())));
        }
        if (e.getConstraintName() != null) {
          defined.get("constraints").add(norm(e.getConstraintName()));
        }
        if (e.getIndex() != null && e.getIndex().getName() != null) {
          defined.get("constraints").add(norm(e.getIndex().getName()));
        }
      }
    }
  }

  /** Lowercase, unquoted, without a schema prefix on a single name ({@code public.users} → {@code users}). */
  static String norm(String name) {
    String n = name.replace("\"", "").replace("`", "").strip().toLowerCase(Locale.ROOT);
    String[] parts = n.split("\\.");
    return parts.length == 3 ? parts[1] + "." + parts[2] : n;
  }
}
