package dev.personaharness.model;

import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Recording;
import dev.personaharness.recording.RecordingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Serves recorded answers. A recording made against another persona revision or prompt is
 * <em>stale</em>: served and marked so, or, when strict, an errored case. A missing recording is
 * always an errored case, never a pass.
 */
public final class ReplayClient implements ModelClient {
  private final RecordingStore store;
  private final boolean strict;

  public ReplayClient(RecordingStore store, boolean strict) {
    this.store = store;
    this.strict = strict;
  }

  @Override
  public String name() {
    return "replay";
  }

  @Override
  public Completion complete(ModelRequest request) {
    long start = System.nanoTime();
    Optional<Recording> found;
    try {
      found = store.find(request.key());
    } catch (ConfigException e) {
      return Completion.failure("unreadable recording: " + e.getMessage(), "replay", elapsed(start), false, List.of());
    }
    if (found.isEmpty()) {
      return Completion.failure("no recording for this case (expected " + store.file(request.key()) + ")",
          "replay", elapsed(start), false, List.of("missing"));
    }
    Recording r = found.get();
    List<String> notes = new ArrayList<>();
    if (!r.personaHash().equals(request.personaHash())) {
      notes.add("stale: recorded against persona revision " + r.personaHash().substring(0, 12)
          + ", now " + request.personaHash().substring(0, 12));
    }
    if (!r.promptHash().equals(request.prompt().hash())) {
      notes.add("stale: recorded against prompt " + r.promptHash().substring(0, 12) + ", now "
          + request.prompt().hash().substring(0, 12));
    }
    boolean stale = !notes.isEmpty();
    if (stale && strict) {
      return Completion.failure(String.join("; ", notes) + " (--strict)", r.model(), elapsed(start), true, notes);
    }
    return Completion.answer(r.text(), r.model(), r.usage(), elapsed(start), stale, notes);
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
