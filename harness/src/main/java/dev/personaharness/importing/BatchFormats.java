package dev.personaharness.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personaharness.core.CaseKey;
import dev.personaharness.core.GenerationSettings;
import dev.personaharness.core.Hashing;
import dev.personaharness.core.Prompt;
import dev.personaharness.core.Usage;
import dev.personaharness.runlog.Json;
import java.util.Optional;

/**
 * The providers' batch formats. Requests go out with a {@code custom_id} derived from the case key
 * ({@code c} + 40 hex digits of its SHA-256: Anthropic allows only {@code [A-Za-z0-9_-]{1,64}});
 * results come back keyed by it and are matched against the current cases on import.
 */
public final class BatchFormats {
  private BatchFormats() {}

  public static String customId(CaseKey key) {
    return "c" + Hashing.sha256(key.persona() + "\0" + key.suite() + "\0" + key.task() + "\0" + key.epoch()).substring(0, 40);
  }

  /** One line of an OpenAI Batch API input file. */
  public static String openAiRequest(CaseKey key, Prompt prompt, GenerationSettings s, String model) {
    ObjectNode line = Json.object();
    line.put("custom_id", customId(key)).put("method", "POST").put("url", "/v1/chat/completions");
    ObjectNode body = line.putObject("body");
    body.put("model", model).put("temperature", s.temperature()).put("max_tokens", s.maxTokens());
    if (s.seed() != null) {
      body.put("seed", s.seed());
    }
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", prompt.system());
    messages.addObject().put("role", "user").put("content", prompt.user());
    return Json.line(line);
  }

  /** One entry of an Anthropic Message Batches request ({@code {"requests": [...]}}). */
  public static ObjectNode anthropicRequest(CaseKey key, Prompt prompt, GenerationSettings s, String model) {
    ObjectNode req = Json.object();
    req.put("custom_id", customId(key));
    ObjectNode params = req.putObject("params");
    params.put("model", model).put("max_tokens", s.maxTokens()).put("temperature", s.temperature());
    params.put("system", prompt.system());
    params.putArray("messages").addObject().put("role", "user").put("content", prompt.user());
    return req;
  }

  /** A batch result line read back: the custom id, and the answer or why there is none. */
  record Result(String customId, String model, String text, Usage usage, String error) {}

  /** Reads a line of either provider's batch results, or empty when the line is neither. */
  static Optional<Result> result(JsonNode line) {
    if (!line.hasNonNull("custom_id")) {
      return Optional.empty();
    }
    String id = line.get("custom_id").asText();
    if (line.has("response") || (line.has("error") && !line.has("result"))) {
      JsonNode response = line.path("response");
      JsonNode body = response.path("body");
      if (!line.path("error").isNull() && !line.path("error").isMissingNode() || response.path("status_code").asInt(200) >= 300) {
        String why = line.path("error").path("message").asText(body.path("error").path("message").asText("failed"));
        return Optional.of(new Result(id, null, null, Usage.UNKNOWN, why));
      }
      String text = body.path("choices").path(0).path("message").path("content").asText(null);
      Usage u = new Usage(longOrNull(body.path("usage").path("prompt_tokens")), longOrNull(body.path("usage").path("completion_tokens")));
      return Optional.of(new Result(id, body.path("model").asText(null), text, u, text == null ? "no text in the response" : null));
    }
    if (line.has("result")) {
      JsonNode result = line.get("result");
      if (!result.path("type").asText().equals("succeeded")) {
        return Optional.of(new Result(id, null, null, Usage.UNKNOWN, "batch result " + result.path("type").asText("unknown")
            + ": " + result.path("error").path("error").path("message").asText(result.path("error").path("message").asText(""))));
      }
      JsonNode message = result.path("message");
      StringBuilder text = new StringBuilder();
      for (JsonNode block : message.path("content")) {
        if (block.path("type").asText().equals("text")) {
          text.append(block.path("text").asText());
        }
      }
      Usage u = new Usage(longOrNull(message.path("usage").path("input_tokens")), longOrNull(message.path("usage").path("output_tokens")));
      return Optional.of(new Result(id, message.path("model").asText(null), text.length() == 0 ? null : text.toString(), u,
          text.length() == 0 ? "no text in the message" : null));
    }
    return Optional.empty();
  }

  private static Long longOrNull(JsonNode n) {
    return n.isNumber() ? n.asLong() : null;
  }
}
