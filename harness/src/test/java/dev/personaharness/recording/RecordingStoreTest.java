package dev.personaharness.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personaharness.core.CaseKey;
import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Recording;
import dev.personaharness.core.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingStoreTest {
  @TempDir Path dir;

  private final CaseKey key = new CaseKey("p", "s", "t", 2);

  @Test
  void roundTripsTheTextByteForByte() {
    RecordingStore store = new RecordingStore(dir);
    String text = "---\nnot front matter\r\n\ttabs, `ticks`, ünïcode, no final newline";
    store.write(new Recording(key, "claude", "2026-11-23", "a".repeat(64), "b".repeat(64), new Usage(10L, 20L), text));
    assertThat(store.file(key)).isEqualTo(dir.resolve("s/p/t.2.md"));
    Recording back = store.find(key).orElseThrow();
    assertThat(back.text()).isEqualTo(text);
    assertThat(back.usage()).isEqualTo(new Usage(10L, 20L));
    assertThat(back.recordedAt()).isEqualTo("2026-11-23");
    assertThat(store.find(new CaseKey("p", "s", "t", 1))).isEmpty();
  }

  @Test
  void aMisplacedOrBrokenRecordingNamesItsFile() throws Exception {
    RecordingStore store = new RecordingStore(dir);
    store.write(new Recording(key, "m", "2026-11-23", "h", "h", Usage.UNKNOWN, "x"));
    Path moved = dir.resolve("s/p/other.1.md");
    Files.move(store.file(key), moved);
    assertThatThrownBy(() -> store.find(new CaseKey("p", "s", "other", 1)))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("s/p/other.1.md:2: error: the recording says it is p × s/t #2 but its file name says p × s/other #1; move or fix it");
    Files.writeString(moved, "no front matter");
    assertThatThrownBy(() -> store.find(new CaseKey("p", "s", "other", 1)))
        .hasMessageEndingWith("other.1.md:1: error: a recording starts with a '---' front matter block");
  }
}
