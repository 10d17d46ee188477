package dev.personaharness.model;

import dev.personaharness.core.ConfigException;
import java.util.Map;

/**
 * {@code --model persona}: the model a persona's {@code model} field names. {@code inherit} (or no
 * field) keeps the provider's model; {@code sonnet}, {@code opus} and {@code haiku} are Claude
 * Code's aliases and resolve, on the Anthropic provider only, to the ids below; anything else is
 * taken as a full model id.
 */
public final class ModelAliases {
  /** Claude Code's aliases, as of this release. */
  public static final Map<String, String> ANTHROPIC = Map.of(
      "sonnet", "claude-sonnet-4-5",
      "opus", "claude-opus-4-1",
      "haiku", "claude-haiku-4-5");

  private ModelAliases() {}

  /** The model to ask for a persona declaring {@code declared}; null means the provider's own. */
  public static String resolve(String declared, String providerKind, String personaId) {
    if (declared == null || declared.isBlank() || declared.equals("inherit")) {
      return null;
    }
    if (ANTHROPIC.containsKey(declared)) {
      if (!providerKind.equals("anthropic")) {
        throw new ConfigException("persona '" + personaId + "' declares model '" + declared
            + "', a Claude alias, but the provider is " + providerKind + "; use --provider anthropic:MODEL or leave out --model persona");
      }
      return ANTHROPIC.get(declared);
    }
    return declared;
  }
}
