package dev.personaharness.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --judge}: who grades judge checks, shared by run and rescore. */
final class JudgeOption {
  @Option(names = "--judge", paramLabel = "PROVIDER:MODEL",
      description = "The model that grades judge checks (temperature 0, fixed seed), or replay for recorded judge replies. Without it judge checks are skipped.")
  String judge;

  /** The judge client for {@code --judge}: recorded replies, or a live model (recording its replies when asked). */
  dev.personaharness.model.ModelClient judge(Path recordings, boolean record) {
    if (judge == null) {
      return null;
    }
    var store = new dev.personaharness.recording.RecordingStore(recordings);
    if (judge.equals("replay")) {
      return new dev.personaharness.model.ReplayClient(store, false);
    }
    var live = dev.personaharness.model.Providers.live(judge, dev.personaharness.model.LiveOptions.defaults());
    return record ? new dev.personaharness.model.RecordingClient(live, store, java.time.Clock.systemUTC()) : live;
  }
}
