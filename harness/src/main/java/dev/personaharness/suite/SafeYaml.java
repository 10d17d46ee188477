package dev.personaharness.suite;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * The YAML limits every loader reads with (aliases, nesting, size, no duplicate keys, and no global
 * tags, which snakeyaml refuses by default), and each failure described at its place in words a
 * user can act on. Suites and persona front matter share it.
 */
public final class SafeYaml {
  private static final String STANDARD_TAG = "tag:yaml.org,2002:";

  private SafeYaml() {}

  /**
   * Why a text could not be read: 1-based line and column in that text (0 when unknown), a message
   * without a subject, and whether the text was refused (a limit, a tag, a forbidden character)
   * rather than malformed.
   */
  public record Problem(int line, int column, String message, boolean refused) {}

  public static LoaderOptions options(int maxAliases, int maxDepth, int maxCodePoints) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(maxAliases);
    options.setNestingDepthLimit(maxDepth);
    options.setCodePointLimit(maxCodePoints);
    return options;
  }

  /** Describes a failure to read {@code text} with {@code options}. */
  public static Problem problem(YAMLException e, String text, LoaderOptions options) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof ReaderException r) {
      int[] at = position(text, r.getPosition());
      return new Problem(at[0], at[1], String.format(java.util.Locale.ROOT,
          "character U+%04X is not allowed in YAML; remove it", r.getCodePoint()), true);
    }
    if (m.startsWith("Number of aliases for non-scalar nodes exceeds")) {
      return refused(locate(text, options, true), "more than " + options.getMaxAliasesForCollections()
          + " aliases ('*name') of lists or mappings: the harness refuses alias bombs; write the values out");
    }
    if (m.startsWith("Nesting Depth exceeded")) {
      return refused(locate(text, options, false), "lists and mappings nested more than "
          + options.getNestingDepthLimit() + " deep; flatten the structure");
    }
    if (m.startsWith("The incoming YAML document exceeds the limit")) {
      int[] at = position(text, options.getCodePointLimit());
      return new Problem(at[0], at[1], "more than " + options.getCodePointLimit() + " characters of YAML; make it shorter", true);
    }
    if (e instanceof MarkedYAMLException mk) {
      Mark mark = mk.getProblemMark();
      int line = mark == null ? 0 : mark.getLine() + 1;
      int col = mark == null ? 0 : mark.getColumn() + 1;
      String problem = mk.getProblem() == null ? m : mk.getProblem();
      if (problem.startsWith("Global tag is not allowed: ")) {
        String tag = problem.substring("Global tag is not allowed: ".length()).strip();
        tag = tag.startsWith(STANDARD_TAG) ? "!!" + tag.substring(STANDARD_TAG.length()) : tag;
        return new Problem(line, col, "the YAML tag '" + tag + "' is not allowed: the harness reads plain data only; remove the tag", true);
      }
      if ("expected a single document in the stream".equals(mk.getContext())) {
        return new Problem(line, col, "a second YAML document starts here ('---'); keep one document per file", false);
      }
      return new Problem(line, col, "not valid YAML: " + problem + (mk.getContext() != null ? " (" + mk.getContext() + ")" : ""), false);
    }
    return new Problem(1, 1, "cannot read YAML: " + m, false);
  }

  private static Problem refused(Mark at, String message) {
    return at == null ? new Problem(1, 1, message, true) : new Problem(at.getLine() + 1, at.getColumn() + 1, message, true);
  }

  /**
   * Where a limit was crossed: the first alias of a collection past the alias limit, or the first
   * collection past the nesting limit. Reads events only, so nothing is expanded.
   */
  private static Mark locate(String text, LoaderOptions options, boolean aliases) {
    Set<String> collections = new HashSet<>();
    int count = 0;
    int depth = 0;
    try {
      for (Event e : new org.yaml.snakeyaml.Yaml(options).parse(new StringReader(text))) {
        if (e instanceof CollectionStartEvent c) {
          if (++depth > options.getNestingDepthLimit() && !aliases) {
            return e.getStartMark();
          }
          if (c.getAnchor() != null) {
            collections.add(c.getAnchor());
          }
        } else if (e instanceof CollectionEndEvent) {
          depth--;
        } else if (aliases && e instanceof AliasEvent a && collections.contains(a.getAnchor())
            && ++count > options.getMaxAliasesForCollections()) {
          return e.getStartMark();
        }
      }
    } catch (YAMLException malformedLater) {
      // the limit was crossed before any syntax error, so it was located above; otherwise unknown
    }
    return null;
  }

  /** 1-based line and column of the code point at {@code index} (line ends as the loaders read them: LF). */
  private static int[] position(String text, int index) {
    int line = 1;
    int col = 1;
    int seen = 0;
    for (int i = 0; i < text.length() && seen < index; i = text.offsetByCodePoints(i, 1), seen++) {
      if (text.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new int[] {line, col};
  }
}
