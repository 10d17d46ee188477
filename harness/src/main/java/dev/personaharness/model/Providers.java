package dev.personaharness.model;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.personaharness.core.ConfigException;
import java.util.List;

/**
 * Makes the model client a {@code --provider} names: {@code openai:MODEL} ({@code OPENAI_API_KEY},
 * {@code OPENAI_BASE_URL} for any OpenAI-compatible server), {@code anthropic:MODEL}
 * ({@code ANTHROPIC_API_KEY}), {@code ollama:MODEL} ({@code OLLAMA_BASE_URL}). Keys come only from
 * the environment; a missing one is a ConfigException before any case runs.
 */
public final class Providers {
  public static final List<String> KINDS = List.of("openai", "anthropic", "ollama");

  private Providers() {}

  /** A live client with the answer cache in front of it ({@code cacheDir} null: no cache). */
  public static ModelClient live(String spec, LiveOptions options, java.nio.file.Path cacheDir) {
    ModelClient client = live(spec, options);
    return cacheDir == null ? client : new CachingClient((LiveClient) client, cacheDir);
  }

  /** Size of an answer cache. */
  public static CachingClient.Stats cacheStats(java.nio.file.Path dir) {
    return CachingClient.stats(dir);
  }

  /** Empties an answer cache; returns the number of entries removed. */
  public static long clearCache(java.nio.file.Path dir) {
    return CachingClient.clear(dir);
  }

  /** The default cache directory: {@code ~/.cache/persona-harness}. */
  public static java.nio.file.Path defaultCacheDir() {
    return java.nio.file.Path.of(System.getProperty("user.home"), ".cache", "persona-harness");
  }

  public static ModelClient live(String spec, LiveOptions options) {
    int colon = spec.indexOf(':');
    if (colon <= 0 || colon == spec.length() - 1) {
      throw new ConfigException("provider '" + spec + "' must be replay or KIND:MODEL with KIND one of " + KINDS
          + " (e.g. openai:gpt-4o-mini)");
    }
    String kind = spec.substring(0, colon);
    String model = spec.substring(colon + 1);
    HeaderAwareHttpClient.Builder http = new HeaderAwareHttpClient.Builder(options.clock());
    switch (kind) {
      case "openai" -> {
        String key = require(options, "OPENAI_API_KEY", "openai");
        String url = firstNonBlank(options.baseUrl(), options.env().get("OPENAI_BASE_URL"), "https://api.openai.com/v1");
        ChatModel chat = OpenAiChatModel.builder().httpClientBuilder(http).baseUrl(url).apiKey(key).modelName(model)
            .timeout(options.timeout()).maxRetries(0).build();
        return new LiveClient(kind, model, url, chat, options, List.of(key));
      }
      case "anthropic" -> {
        String key = require(options, "ANTHROPIC_API_KEY", "anthropic");
        String url = firstNonBlank(options.baseUrl(), options.env().get("ANTHROPIC_BASE_URL"), "https://api.anthropic.com/v1/");
        ChatModel chat = AnthropicChatModel.builder().httpClientBuilder(http).baseUrl(url).apiKey(key).modelName(model)
            .timeout(options.timeout()).maxRetries(0).maxTokens(4096).build();
        return new LiveClient(kind, model, url, chat, options, List.of(key));
      }
      case "ollama" -> {
        String url = firstNonBlank(options.baseUrl(), options.env().get("OLLAMA_BASE_URL"), "http://localhost:11434");
        ChatModel chat = OllamaChatModel.builder().httpClientBuilder(http).baseUrl(url).modelName(model)
            .timeout(options.timeout()).maxRetries(0).build();
        return new LiveClient(kind, model, url, chat, options, List.of());
      }
      default -> throw new ConfigException("unknown provider kind '" + kind + "'; use replay or one of " + KINDS);
    }
  }

  private static String require(LiveOptions options, String variable, String kind) {
    String key = options.env().get(variable);
    if (key == null || key.isBlank()) {
      throw new ConfigException(variable + " is not set: export it to use the " + kind
          + " provider, or run offline with --provider replay");
    }
    return key;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    throw new IllegalStateException("no value");
  }
}
