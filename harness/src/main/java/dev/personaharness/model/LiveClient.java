package dev.personaharness.model;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;
import dev.personaharness.core.GenerationSettings;
import dev.personaharness.core.Secrets;
import dev.personaharness.core.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A live provider behind langchain4j. langchain4j's own retries are off; this class decides them
 * in one place (Failsafe): 429, 5xx, time-outs and connection errors are retried with exponential
 * backoff and jitter, honouring {@code Retry-After}, within a cap on attempts and on total time.
 * A case that still fails is returned as a failure with the provider's message, never thrown.
 */
final class LiveClient implements ModelClient {
  private final String kind;
  private final String model;
  private final String baseUrl;
  private final ChatModel chat;
  private final LiveOptions options;
  private final List<String> secrets;
  private final AdaptiveLimit limit;

  LiveClient(String kind, String model, String baseUrl, ChatModel chat, LiveOptions options, List<String> secrets) {
    this.limit = new AdaptiveLimit(options.maxInFlight());
    this.kind = kind;
    this.model = model;
    this.baseUrl = baseUrl;
    this.chat = chat;
    this.options = options;
    this.secrets = secrets;
  }

  @Override
  public String name() {
    return kind + ":" + model;
  }

  String baseUrl() {
    return baseUrl;
  }

  @Override
  public Completion complete(ModelRequest request) {
    AtomicInteger retries = new AtomicInteger();
    RetryPolicy<ChatResponse> policy = RetryPolicy.<ChatResponse>builder()
        .handleIf(LiveClient::retryable)
        .withDelayFn(ctx -> delay(ctx.getLastException(), ctx.getAttemptCount(), options.backoffBase()))
        .withMaxAttempts(options.maxAttempts())
        .withMaxDuration(options.maxTotal())
        .onRetry(e -> retries.incrementAndGet())
        .build();
    ChatRequest chatRequest = ChatRequest.builder()
        .messages(SystemMessage.from(request.prompt().system()), UserMessage.from(request.prompt().user()))
        .parameters(parameters(request.settings(), model(request)))
        .build();
    long start = System.nanoTime();
    try {
      ChatResponse response = Failsafe.with(policy).get(() -> limited(chatRequest));
      long ms = (System.nanoTime() - start) / 1_000_000;
      String raw = response.aiMessage() == null ? null : response.aiMessage().text();
      // a server that echoes the key back in its reply must not get it into the run log, the cache or a recording
      String text = Secrets.redact(raw, secrets);
      String answeredBy = Secrets.redact(response.metadata() != null && response.metadata().modelName() != null
          ? response.metadata().modelName() : model(request), secrets);
      if (text == null || text.isEmpty()) {
        return Completion.failure("the provider returned no text", answeredBy, ms, false, notes(retries.get())).withRetries(retries.get());
      }
      List<String> notes = new java.util.ArrayList<>(notes(retries.get()));
      if (!text.equals(raw)) {
        notes.add("the answer contained the API key; it is stored as ***");
      }
      return Completion.answer(text, answeredBy, usage(response.tokenUsage()), ms, false, notes).withRetries(retries.get());
    } catch (RuntimeException e) {
      long ms = (System.nanoTime() - start) / 1_000_000;
      Throwable cause = e instanceof FailsafeException && e.getCause() != null ? e.getCause() : e;
      return Completion.failure(describe(cause), model(request), ms, false, notes(retries.get())).withRetries(retries.get());
    }
  }

  /** One attempt, counted against the provider's adaptive in-flight limit. */
  private ChatResponse limited(ChatRequest request) throws InterruptedException {
    limit.acquire();
    boolean throttled = false;
    try {
      return chat.chat(request);
    } catch (RuntimeException e) {
      throttled = throttled(e);
      throw e;
    } finally {
      limit.release(throttled);
    }
  }

  private static boolean throttled(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RateLimitException || (t instanceof HttpException h && h.statusCode() == 429)) {
        return true;
      }
    }
    return false;
  }

  /** The model a request asks for: its own override, else the provider's. */
  String model(ModelRequest request) {
    return request.model() != null ? request.model() : model;
  }

  private ChatRequestParameters parameters(GenerationSettings s, String modelName) {
    if (kind.equals("openai")) {
      return OpenAiChatRequestParameters.builder().modelName(modelName).temperature(s.temperature())
          .maxOutputTokens(s.maxTokens()).seed(s.seed()).build();
    }
    return DefaultChatRequestParameters.builder().modelName(modelName).temperature(s.temperature())
        .maxOutputTokens(s.maxTokens()).build();
  }

  private static List<String> notes(int retries) {
    return retries == 0 ? List.of() : List.of("retried " + retries + " time" + (retries == 1 ? "" : "s"));
  }

  static boolean retryable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RateLimitException || t instanceof InternalServerException || t instanceof TimeoutException
          || t instanceof IOException || t instanceof UncheckedIOException) {
        return true;
      }
      if (t instanceof HttpException h) {
        int s = h.statusCode();
        return s == 408 || s == 409 || s == 429 || s >= 500;
      }
    }
    return false;
  }

  /**
   * The wait before the next attempt: the server's {@code Retry-After} when it sent one (never
   * shortened), else exponential backoff from {@code base}, doubling per attempt up to 32×, with
   * ±25% jitter so that many clients do not retry in step.
   */
  static Duration delay(Throwable failure, int attempts, Duration base) {
    Duration retryAfter = retryAfter(failure);
    if (retryAfter != null) {
      return retryAfter;
    }
    long exp = base.toMillis() << Math.min(Math.max(attempts - 1, 0), 5);
    double jitter = 0.75 + java.util.concurrent.ThreadLocalRandom.current().nextDouble() * 0.5;
    return Duration.ofMillis(Math.round(exp * jitter));
  }

  /** The server's {@code Retry-After}, when the failure carries one. */
  static Duration retryAfter(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProviderHttpException p) {
        return p.retryAfter().orElse(null);
      }
    }
    return null;
  }

  private String describe(Throwable e) {
    Throwable root = e;
    String status = "";
    for (Throwable t = e; t != null; t = t.getCause()) {
      root = t;
      if (t instanceof HttpException h) {
        status = "HTTP " + h.statusCode() + ": ";
        break;
      }
    }
    // redact before shortening: a key cut in two by the shortening would no longer be found
    String message = Secrets.redact(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage(), secrets);
    message = message.length() > 500 ? message.substring(0, 497) + "..." : message;
    return kind + " error: " + status + message.strip();
  }

  private static Usage usage(TokenUsage u) {
    if (u == null) {
      return Usage.UNKNOWN;
    }
    return new Usage(u.inputTokenCount() == null ? null : u.inputTokenCount().longValue(),
        u.outputTokenCount() == null ? null : u.outputTokenCount().longValue());
  }
}
