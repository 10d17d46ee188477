package dev.personaharness.model;

import dev.personaharness.core.Recording;
import dev.personaharness.recording.RecordingStore;
import java.time.Clock;
import java.time.LocalDate;

/** {@code --record}: passes every case to a live client and stores each answer it gets as a recording. */
public final class RecordingClient implements ModelClient {
  private final ModelClient live;
  private final RecordingStore store;
  private final Clock clock;

  public RecordingClient(ModelClient live, RecordingStore store, Clock clock) {
    this.live = live;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public String name() {
    return live.name();
  }

  @Override
  public Completion complete(ModelRequest request) {
    Completion c = live.complete(request);
    if (!c.failed()) {
      store.write(new Recording(request.key(), c.model(), LocalDate.now(clock).toString(), request.personaHash(),
          request.prompt().hash(), c.usage(), c.text()));
    }
    return c;
  }
}
