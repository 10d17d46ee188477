package dev.personaharness.model;

/** A source of answers: a live provider or recorded responses. Per-case failures are returned, not thrown. */
public interface ModelClient {
  /** A name for reports, e.g. {@code replay} or {@code openai:gpt-4o}; never contains a secret. */
  String name();

  Completion complete(ModelRequest request);
}
