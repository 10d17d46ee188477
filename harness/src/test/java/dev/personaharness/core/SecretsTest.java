package dev.personaharness.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void keysTokensSecretsAndPasswordsFromTheEnvironmentAreMasked() {
    Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-live-1234567890", "GITHUB_TOKEN", "ghp_abcdefgh",
        "DB_PASSWORD", "hunter2hunter2", "HOME", "/home/someone", "DEBUG_TOKEN", "1", "ANTHROPIC_API_KEY", " sk-ant-spaced ");
    List<String> secrets = Secrets.fromEnvironment(env);
    assertThat(secrets).containsExactlyInAnyOrder("sk-live-1234567890", "ghp_abcdefgh", "hunter2hunter2", "sk-ant-spaced");
    assertThat(Secrets.redact("401: key sk-live-1234567890 rejected; home /home/someone; debug 1", secrets))
        .isEqualTo("401: key *** rejected; home /home/someone; debug 1");
  }

  @Test
  void veryShortKeysAreLeftAloneSoOrdinaryTextSurvives() {
    assertThat(Secrets.redact("x marks the spot", List.of("x"))).isEqualTo("x marks the spot");
    assertThat(Secrets.redact("unused key 'unused'", List.of("unused"))).isEqualTo("*** key '***'");
    assertThat(Secrets.redact(null, List.of("whatever"))).isNull();
  }
}
