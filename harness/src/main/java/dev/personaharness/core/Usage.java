package dev.personaharness.core;

/** Token usage of one answer, as the provider reported it; either count may be unknown (null). */
public record Usage(Long inputTokens, Long outputTokens) {
  public static final Usage UNKNOWN = new Usage(null, null);
}
