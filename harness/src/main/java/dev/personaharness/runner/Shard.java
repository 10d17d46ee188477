package dev.personaharness.runner;

import dev.personaharness.core.CaseKey;
import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Hashing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One part of a run split across machines: shard {@code index} of {@code count}, counted from 1
 * ({@code --shard 2/4}). A case belongs to the shard its key hashes to (SHA-256 of suite, task,
 * persona and epoch, modulo the count), so shards are balanced, and a case stays in its shard when
 * tasks, personas or epochs are added.
 */
public record Shard(int index, int count) {
  /** The whole run: one shard of one. */
  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new ConfigException("--shard " + index + "/" + count + " is out of range: shards count from 1, so I/N needs"
          + " 1 <= I <= N (for a 0-based index such as JOB_COMPLETION_INDEX, give index + 1)");
    }
  }

  /** Reads {@code I/N}; anything else is a ConfigException that says the form. */
  public static Shard parse(String text) {
    String[] parts = text.strip().split("/", -1);
    if (parts.length == 2 && parts[0].matches("\\d{1,6}") && parts[1].matches("\\d{1,6}")) {
      return new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
    throw new ConfigException("--shard takes I/N, e.g. 2/4 (the second of four shards, counted from 1), not '" + text + "'");
  }

  /** The shard a case belongs to, from 1 to {@code count}. */
  public static int of(CaseKey key, int count) {
    byte[] digest = Hashing.newSha256().digest((key.suite() + "\0" + key.task() + "\0" + key.persona() + "\0" + key.epoch())
        .getBytes(StandardCharsets.UTF_8));
    return (int) Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), count) + 1;
  }

  public boolean includes(CaseKey key) {
    return count == 1 || of(key, count) == index;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
