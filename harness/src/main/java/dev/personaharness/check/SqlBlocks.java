package dev.personaharness.check;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * {@code sql-valid}: every statement of a block must parse with JSqlParser. JSqlParser 5.3 rejects
 * some everyday PostgreSQL that reviewers write; those forms are handled here, each on purpose:
 * <ul>
 *   <li>transaction control ({@code BEGIN}, {@code COMMIT}, {@code START TRANSACTION}, ...) is accepted;
 *   <li>{@code CONCURRENTLY} in {@code CREATE/DROP INDEX} and a trailing {@code NOT VALID} are removed
 *       before parsing (they change locking, not syntax);
 *   <li>a partial index's {@code WHERE} predicate is parsed on its own as a condition;
 *   <li>an index's {@code INCLUDE (...)} list is removed before parsing;
 *   <li>statements JSqlParser has no grammar for are checked against their documented shape:
 *       {@code CREATE TYPE ... AS ENUM (...)}, {@code CREATE EXTENSION}, {@code DO $$...$$},
 *       {@code CREATE [OR REPLACE] FUNCTION/PROCEDURE ... AS $$...$$}, {@code CREATE/DROP TRIGGER},
 *       {@code LOCK TABLE}, {@code ALTER DATABASE/ROLE/USER ... SET/RESET}, and
 *       {@code ALTER TABLE ... ADD CONSTRAINT ... PRIMARY KEY/UNIQUE USING INDEX ...}.
 * </ul>
 */
final class SqlBlocks {
  private static final Pattern TRANSACTION = Pattern.compile(
      "(?is)(BEGIN|COMMIT|ROLLBACK|END|START\\s+TRANSACTION|BEGIN\\s+(TRANSACTION|WORK))(\\s+ISOLATION\\s+LEVEL\\s+[\\w ]+)?");
  private static final Pattern ENUM = Pattern.compile(
      "(?is)CREATE\\s+TYPE\\s+[\\w.\"]+\\s+AS\\s+ENUM\\s*\\(\\s*('(?:[^']|'')*'\\s*(,\\s*'(?:[^']|'')*'\\s*)*)?\\)");
  private static final Pattern EXTENSION = Pattern.compile(
      "(?is)CREATE\\s+EXTENSION\\s+(IF\\s+NOT\\s+EXISTS\\s+)?[\\w\"-]+(\\s+(WITH\\s+)?SCHEMA\\s+[\\w\"]+)?(\\s+CASCADE)?");
  private static final Pattern DO_BLOCK = Pattern.compile("(?is)DO\\s+(LANGUAGE\\s+\\w+\\s+)?(\\$\\w*\\$).*\\2(\\s+LANGUAGE\\s+\\w+)?");
  private static final String NAME = "[\\w.\"]+";
  private static final List<Pattern> SHAPES = List.of(
      Pattern.compile("(?is)CREATE\\s+(OR\\s+REPLACE\\s+)?(FUNCTION|PROCEDURE)\\s+" + NAME + "\\s*\\(.*?\\).*?\\bAS\\s+(\\$\\w*\\$).*\\3.*"),
      Pattern.compile("(?is)CREATE\\s+(OR\\s+REPLACE\\s+)?(CONSTRAINT\\s+)?TRIGGER\\s+" + NAME
          + "\\s+(BEFORE|AFTER|INSTEAD\\s+OF)\\s+.+?\\s+ON\\s+" + NAME + "\\s.*EXECUTE\\s+(FUNCTION|PROCEDURE)\\s+" + NAME + "\\s*\\(.*\\)"),
      Pattern.compile("(?is)DROP\\s+TRIGGER\\s+(IF\\s+EXISTS\\s+)?" + NAME + "\\s+ON\\s+" + NAME + "(\\s+(CASCADE|RESTRICT))?"),
      Pattern.compile("(?is)LOCK\\s+(TABLE\\s+)?(ONLY\\s+)?" + NAME + "(\\s*,\\s*" + NAME + ")*"
          + "(\\s+IN\\s+(ACCESS\\s+SHARE|ROW\\s+SHARE|ROW\\s+EXCLUSIVE|SHARE\\s+UPDATE\\s+EXCLUSIVE|SHARE|SHARE\\s+ROW\\s+EXCLUSIVE|EXCLUSIVE|ACCESS\\s+EXCLUSIVE)\\s+MODE)?(\\s+NOWAIT)?"),
      Pattern.compile("(?is)ALTER\\s+(DATABASE|ROLE|USER)\\s+" + NAME + "\\s+(IN\\s+DATABASE\\s+" + NAME + "\\s+)?"
          + "(SET\\s+[\\w.]+\\s*(=|TO)\\s*\\S.*|RESET\\s+[\\w.]+)"),
      Pattern.compile("(?is)ALTER\\s+TABLE\\s+(ONLY\\s+)?" + NAME + "\\s+ADD\\s+CONSTRAINT\\s+" + NAME
          + "\\s+(PRIMARY\\s+KEY|UNIQUE)\\s+USING\\s+INDEX\\s+" + NAME + "(\\s+(NOT\\s+)?DEFERRABLE.*)?"));
  private static final Pattern INCLUDE = Pattern.compile("(?is)^(CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s.*?\\))\\s+INCLUDE\\s*\\([^)]*\\)");
  private static final Pattern CONCURRENTLY = Pattern.compile("(?is)^((?:CREATE\\s+(?:UNIQUE\\s+)?|DROP\\s+)INDEX\\s+)CONCURRENTLY\\s+");
  private static final Pattern PARTIAL_INDEX = Pattern.compile("(?is)^(CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s.*?\\))\\s+WHERE\\s+(.+)$");
  private static final Pattern NOT_VALID = Pattern.compile("(?is)\\s+NOT\\s+VALID\\s*$");

  /** JSqlParser parses on an executor (for its time-out); a daemon thread never keeps the JVM alive. */
  private static final ExecutorService PARSER = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "sql-valid-parser");
    t.setDaemon(true);
    return t;
  });

  private SqlBlocks() {}

  /** SQL dialects sql-valid knows; PostgreSQL's everyday forms above are accepted only for {@code postgresql}. */
  enum Dialect {
    POSTGRESQL, MYSQL, ANSI;

    static Dialect parse(String s) {
      return switch (s) {
        case "postgresql", "postgres" -> POSTGRESQL;
        case "mysql" -> MYSQL;
        case "ansi" -> ANSI;
        default -> null;
      };
    }
  }

  /** A block read: the first problem (null when all is valid) and the statements JSqlParser built. */
  record Parsed(String problem, List<Statement> statements) {}

  /** Null when every statement of the block is valid PostgreSQL, else what is wrong with the first bad one. */
  static String problem(String block) {
    return parse(block, Dialect.POSTGRESQL).problem();
  }

  static Parsed parse(String block, Dialect dialect) {
    List<String> statements = split(block);
    if (statements.isEmpty()) {
      return new Parsed("empty block", List.of());
    }
    List<Statement> built = new ArrayList<>();
    for (String statement : statements) {
      String problem = statementProblem(statement, dialect, built);
      if (problem != null) {
        String head = statement.replaceAll("\\s+", " ");
        return new Parsed(problem + " in \"" + (head.length() > 60 ? head.substring(0, 57) + "..." : head) + "\"", built);
      }
    }
    return new Parsed(null, built);
  }

  private static String statementProblem(String statement, Dialect dialect, List<Statement> built) {
    boolean postgres = dialect == Dialect.POSTGRESQL;
    if (TRANSACTION.matcher(statement).matches() || (postgres && (ENUM.matcher(statement).matches()
        || EXTENSION.matcher(statement).matches() || DO_BLOCK.matcher(statement).matches()
        || SHAPES.stream().anyMatch(p -> p.matcher(statement).matches())))) {
      return null;
    }
    String s = statement;
    if (postgres) {
      s = CONCURRENTLY.matcher(s).replaceFirst("$1");
      s = INCLUDE.matcher(s).replaceFirst("$1");
      s = NOT_VALID.matcher(s).replaceFirst("");
      Matcher partial = PARTIAL_INDEX.matcher(s);
      if (partial.matches()) {
        String predicate = parseCondition(partial.group(2));
        if (predicate != null) {
          return predicate;
        }
        s = partial.group(1);
      }
    }
    try {
      Statements parsed = CCJSqlParserUtil.parseStatements(s, PARSER, parser -> parser.withTimeOut(5000));
      boolean unsupported = parsed == null || parsed.isEmpty()
          || parsed.stream().anyMatch(st -> st == null || st instanceof UnsupportedStatement);
      if (unsupported) {
        return "not a statement JSqlParser recognises";
      }
      built.addAll(parsed);
      return null;
    } catch (JSQLParserException e) {
      return message(e);
    }
  }

  private static String parseCondition(String predicate) {
    try {
      CCJSqlParserUtil.parseCondExpression(predicate, false);
      return null;
    } catch (JSQLParserException e) {
      return message(e);
    }
  }

  private static String message(JSQLParserException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String m = String.valueOf(cause.getMessage()).replaceFirst("^net\\.sf\\.jsqlparser\\.parser\\.ParseException:\\s*", "");
    return ParseChecks.firstLine(m);
  }

  /** Splits on top-level semicolons, respecting quotes, dollar quotes and comments. */
  static List<String> split(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end;
        current.append(' ');
        continue;
      }
      if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        current.append(' ');
        continue;
      }
      if (c == '\'' || c == '"') {
        int end = i + 1;
        while (end < n && sql.charAt(end) != c) {
          end++;
        }
        current.append(sql, i, Math.min(n, end + 1));
        i = end + 1;
        continue;
      }
      if (c == '$') {
        Matcher tag = Pattern.compile("\\$\\w*\\$").matcher(sql).region(i, n);
        if (tag.lookingAt()) {
          int end = sql.indexOf(tag.group(), tag.end());
          int stop = end < 0 ? n : end + tag.group().length();
          current.append(sql, i, stop);
          i = stop;
          continue;
        }
      }
      if (c == ';') {
        add(out, current);
        current.setLength(0);
      } else {
        current.append(c);
      }
      i++;
    }
    add(out, current);
    return out;
  }

  private static void add(List<String> out, StringBuilder statement) {
    String s = statement.toString().strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
  }
}
