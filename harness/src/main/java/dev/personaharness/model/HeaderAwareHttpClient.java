package dev.personaharness.model;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The HTTP client langchain4j's chat models talk through: the JDK client, HTTP/1.1, and on an
 * error status a {@link ProviderHttpException} that carries {@code Retry-After}, which the
 * retry policy honours. Streaming is not used by the harness.
 */
final class HeaderAwareHttpClient implements HttpClient {
  private final java.net.http.HttpClient client;
  private final Duration readTimeout;
  private final Clock clock;

  HeaderAwareHttpClient(Duration connectTimeout, Duration readTimeout, Clock clock) {
    this.client = java.net.http.HttpClient.newBuilder()
        .version(java.net.http.HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .build();
    this.readTimeout = readTimeout;
    this.clock = clock;
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
    request.headers().forEach((name, values) -> values.forEach(v -> {
      if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("host")) {
        b.header(name, v);
      }
    }));
    String body = request.body();
    b.method(request.method().name(), body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
        : java.net.http.HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response;
    try {
      response = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.net.http.HttpTimeoutException e) {
      throw new dev.langchain4j.exception.TimeoutException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    Map<String, List<String>> headers = response.headers().map();
    if (response.statusCode() >= 400) {
      throw new ProviderHttpException(response.statusCode(), response.body(),
          response.headers().firstValue("retry-after").map(v -> retryAfter(v, clock.instant())).orElse(null));
    }
    return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(headers).body(response.body()).build();
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    throw new UnsupportedOperationException("the harness does not stream");
  }

  /** {@code Retry-After} as delay-seconds or an HTTP-date (RFC 9110 §10.2.3); null when unreadable. */
  static Duration retryAfter(String value, Instant now) {
    String v = value.strip();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      try {
        Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** Builder langchain4j's model builders accept through {@code httpClientBuilder(...)}. */
  static final class Builder implements HttpClientBuilder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(120);
    private final Clock clock;

    Builder(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration d) {
      if (d != null) {
        connectTimeout = d;
      }
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration d) {
      if (d != null) {
        readTimeout = d;
      }
      return this;
    }

    @Override
    public HttpClient build() {
      return new HeaderAwareHttpClient(connectTimeout, readTimeout, clock);
    }
  }
}
