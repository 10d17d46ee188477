package dev.personaharness.stats;

/**
 * A mean with its standard error and a confidence interval, and the number of values behind it.
 * The error and bounds are null when they cannot be estimated (fewer than two values).
 */
public record Interval(double mean, Double standardError, Double low, Double high, int n, String method) {}
