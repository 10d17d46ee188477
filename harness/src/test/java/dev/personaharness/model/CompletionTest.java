package dev.personaharness.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personaharness.core.Recording;
import dev.personaharness.core.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionTest {
  @Test
  void anAnswerOverTheLimitIsAFailureSayingSoWhicheverClientGotIt() {
    String atLimit = "x".repeat(Recording.MAX_ANSWER_CHARS);
    assertThat(Completion.answer(atLimit, "m", Usage.UNKNOWN, 1, false, List.of()).text()).isSameAs(atLimit);
    Completion over = Completion.answer(atLimit + "y", "m", new Usage(10L, 20L), 1, false, List.of("cached"));
    assertThat(over.failed()).isTrue();
    assertThat(over.text()).isNull();
    assertThat(over.error()).isEqualTo(
        "the answer is 4194305 characters, over the 4194304-character limit for answers; it was neither scored nor stored");
    assertThat(over.notes()).containsExactly("cached");
  }
}
