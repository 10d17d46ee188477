package dev.personaharness.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class HashingTest {
  private static String streamed(String text) {
    MessageDigest sha = Hashing.newSha256();
    Hashing.updateUtf8(sha, text);
    return Hashing.hex(sha.digest());
  }

  @Test
  void streamedUtf8IsExactlyGetBytesIncludingSurrogatesAcrossChunkEdges() {
    String pair = "\uD83D\uDE00";
    String[] texts = {
        "",
        "ascii only",
        "x".repeat(8191) + pair + "tail",          // a pair split across the first chunk edge
        "é".repeat(8192 * 3) + pair,                // two-byte characters over several chunks, a pair at the end
        "x".repeat(8191) + "\uD83D",                // a lone high surrogate as the last character
        "\uDE00" + "y".repeat(9000) + "\uD83Dz",    // lone low and high surrogates become '?'
        ("line → café, naïve\n").repeat(2000),
    };
    for (String text : texts) {
      assertThat(streamed(text)).as("%d chars", text.length()).isEqualTo(Hashing.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
