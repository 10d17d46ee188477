package dev.personaharness.check;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A built-in check whose argument is parsed once into a typed form (a compiled regex, a list of
 * terms) and cached, so validation and every evaluation share one parse.
 */
abstract class TypedCheck<A> implements Check {
  private final String type;
  private final Map<Object, A> parsed = new ConcurrentHashMap<>();

  TypedCheck(String type) {
    this.type = type;
  }

  @Override
  public final String type() {
    return type;
  }

  /** Parses the suite's argument; throws {@link Arguments.Bad} when its shape is wrong. */
  abstract A parse(Object argument);

  abstract CheckResult evaluate(String answer, A argument);

  @Override
  public final List<String> validate(Object argument) {
    try {
      arg(argument);
      return List.of();
    } catch (Arguments.Bad e) {
      return List.of(e.getMessage());
    }
  }

  @Override
  public final CheckResult evaluate(CheckInput input) {
    A a;
    try {
      a = arg(input.argument());
    } catch (Arguments.Bad e) {
      return new CheckResult.Errored("'" + type + "' " + e.getMessage());
    }
    return evaluate(input, a);
  }

  /** Checks that need more than the answer (the task, say) override this one. */
  CheckResult evaluate(CheckInput input, A argument) {
    return evaluate(input.answer(), argument);
  }

  private A arg(Object argument) {
    if (argument == null) {
      return parse(null);
    }
    A cached = parsed.get(argument);
    if (cached == null) {
      cached = parse(argument);
      parsed.put(argument, cached);
    }
    return cached;
  }
}
