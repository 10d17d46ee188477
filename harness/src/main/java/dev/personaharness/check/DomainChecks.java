package dev.personaharness.check;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that know a domain: OpenAPI documents and HTTP status codes. */
final class DomainChecks {
  private DomainChecks() {}

  static List<Check> all() {
    return List.of(new OpenApiValid(), new HttpStatus());
  }

  /**
   * {@code openapi-valid}: every fenced YAML or JSON block that declares {@code openapi:} is parsed
   * and validated against the OpenAPI 3.x specification by swagger-parser (no remote references
   * are fetched). At least {@code min} (default 1) such documents must exist and all must be valid.
   */
  static final class OpenApiValid extends TypedCheck<Integer> {
    private static final Pattern DECLARES = Pattern.compile("(?m)^\\s*\"?openapi\"?\\s*:");

    OpenApiValid() {
      super("openapi-valid");
    }

    @Override
    Integer parse(Object argument) {
      if (argument == null || Boolean.TRUE.equals(argument)) {
        return 1;
      }
      return Math.max(1, Arguments.count(Arguments.map(argument, List.of("min")), "min", 1));
    }

    @Override
    CheckResult evaluate(String answer, Integer min) {
      List<Text.Block> docs = Text.blocks(answer).stream()
          .filter(b -> List.of("yaml", "yml", "json").contains(b.language()) && DECLARES.matcher(b.body()).find())
          .toList();
      if (docs.isEmpty()) {
        return new CheckResult.Failed(0, "no ```yaml or ```json block declaring 'openapi:' found");
      }
      int valid = 0;
      List<String> problems = new ArrayList<>();
      for (Text.Block b : docs) {
        List<String> messages = validate(b.body());
        if (messages.isEmpty()) {
          valid++;
        } else {
          problems.add("block at line " + b.line() + ": " + String.join("; ", messages.stream().limit(5).toList())
              + (messages.size() > 5 ? "; …" + (messages.size() - 5) + " more" : ""));
        }
      }
      boolean ok = problems.isEmpty() && docs.size() >= min;
      String evidence = valid + " of " + docs.size() + " OpenAPI document" + (docs.size() == 1 ? "" : "s") + " valid"
          + (docs.size() < min ? "; need " + min : "") + (problems.isEmpty() ? "" : "; " + String.join("; ", problems));
      return CheckResult.of(ok, (double) valid / Math.max(docs.size(), min), evidence);
    }

    static List<String> validate(String document) {
      // parse with the harness's own limits first: swagger-parser would expand YAML aliases without bound
      String yamlProblem = ParseChecks.yaml(document);
      if (yamlProblem != null) {
        return List.of("not valid YAML/JSON: " + yamlProblem);
      }
      ParseOptions options = new ParseOptions();
      options.setResolve(false);
      SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
      List<String> messages = new ArrayList<>(result.getMessages() == null ? List.of() : result.getMessages());
      if (result.getOpenAPI() == null && messages.isEmpty()) {
        messages.add("not an OpenAPI document");
      } else if (result.getOpenAPI() != null && (result.getOpenAPI().getOpenapi() == null
          || !result.getOpenAPI().getOpenapi().startsWith("3."))) {
        messages.add("openapi version must be 3.x");
      }
      return messages;
    }
  }

  /**
   * {@code http-status}: for each named situation, the answer gives one of the expected status
   * codes near where it speaks of the situation (within {@value #WINDOW} characters of one of its
   * phrases). Scores the fraction of situations met.
   */
  static final class HttpStatus extends TypedCheck<List<HttpStatus.Situation>> {
    static final int WINDOW = 250;

    /** A situation, with one pattern per expected code compiled when the suite is read. */
    record Situation(List<String> when, List<Integer> status, List<Pattern> codes) {}

    HttpStatus() {
      super("http-status");
    }

    @Override
    List<Situation> parse(Object argument) {
      if (!(argument instanceof List<?> items) || items.isEmpty()) {
        throw new Arguments.Bad("needs a list of situations: {when: [phrase, ...], status: [code, ...]}");
      }
      List<Situation> result = new ArrayList<>();
      for (Object item : items) {
        Map<String, Object> m = Arguments.map(item, List.of("when", "status"));
        if (!m.containsKey("when") || !m.containsKey("status")) {
          throw new Arguments.Bad("each situation needs 'when' and 'status'");
        }
        List<String> when = Arguments.oneOrMore(m.get("when"));
        Object s = m.get("status");
        List<Integer> codes = new ArrayList<>();
        for (Object c : s instanceof List<?> l ? l : List.of(s)) {
          if (!(c instanceof Number n) || n.intValue() < 100 || n.intValue() > 599 || n.doubleValue() != n.intValue()) {
            throw new Arguments.Bad("status codes must be whole numbers from 100 to 599, found " + Arguments.describe(c));
          }
          codes.add(n.intValue());
        }
        result.add(new Situation(when, List.copyOf(codes),
            codes.stream().map(code -> Pattern.compile("(?<![\\d.])" + code + "(?![\\d.])")).toList()));
      }
      return List.copyOf(result);
    }

    @Override
    CheckResult evaluate(String answer, List<Situation> situations) {
      int met = 0;
      List<String> notes = new ArrayList<>();
      for (Situation s : situations) {
        String found = near(answer, s);
        if (found != null) {
          met++;
          notes.add(Text.quote(s.when().get(0)) + " → " + found);
        } else {
          notes.add(Text.quote(s.when().get(0)) + " → none of " + s.status() + " nearby");
        }
      }
      return CheckResult.of(met == situations.size(), (double) met / situations.size(),
          met + " of " + situations.size() + " situations: " + String.join("; ", notes));
    }

    private static String near(String answer, Situation s) {
      for (String phrase : s.when()) {
        for (int i = Text.find(answer, phrase, 0); i >= 0; i = Text.find(answer, phrase, i + 1)) {
          int from = Math.max(0, i - WINDOW);
          int to = Math.min(answer.length(), i + phrase.length() + WINDOW);
          String window = answer.substring(from, to);
          for (int k = 0; k < s.codes().size(); k++) {
            Matcher m = s.codes().get(k).matcher(window);
            if (m.find()) {
              return s.status().get(k) + " at line " + Text.lineOf(answer, from + m.start());
            }
          }
        }
      }
      return null;
    }
  }
}
