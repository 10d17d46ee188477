package dev.personaharness.model;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * How live providers are reached: base URL override, per-request timeout, retry caps, the most
 * requests in flight, the environment keys are read from (the process environment, or a map in
 * tests) and the clock.
 */
public record LiveOptions(
    String baseUrl, Duration timeout, int maxAttempts, Duration maxTotal, Duration backoffBase, int maxInFlight,
    Map<String, String> env, Clock clock) {
  public LiveOptions {
    env = Map.copyOf(env);
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  public static LiveOptions defaults() {
    return new LiveOptions(null, Duration.ofSeconds(120), 6, Duration.ofMinutes(10), Duration.ofSeconds(1), 4, System.getenv(),
        Clock.systemUTC());
  }
}
