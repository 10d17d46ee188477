package dev.personaharness.model;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/** A provider's error response, keeping the {@code Retry-After} header that langchain4j's own exception drops. */
final class ProviderHttpException extends HttpException {
  private static final long serialVersionUID = 1L;
  private final transient Duration retryAfter;

  ProviderHttpException(int status, String body, Duration retryAfter) {
    super(status, body);
    this.retryAfter = retryAfter;
  }

  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
