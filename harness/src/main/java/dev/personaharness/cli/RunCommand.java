package dev.personaharness.cli;

import dev.personaharness.core.ConfigException;
import dev.personaharness.model.LiveOptions;
import dev.personaharness.model.ModelClient;
import dev.personaharness.model.Providers;
import dev.personaharness.model.RecordingClient;
import dev.personaharness.model.ReplayClient;
import dev.personaharness.project.Project;
import dev.personaharness.recording.RecordingStore;
import dev.personaharness.report.Reports;
import dev.personaharness.report.Summary;
import dev.personaharness.runlog.RunInfo;
import dev.personaharness.runlog.RunLog;
import dev.personaharness.runner.Runner;
import dev.personaharness.runner.Selection;
import dev.personaharness.runner.Shard;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Evaluates personas × tasks × epochs and writes reports/<run-id>/ (run.json, cases.jsonl,",
        "summary.json, report.md), pointing reports/latest at it. Offline by default: answers come from",
        "the recordings in suites/recordings/.",
        "Exit 0 when the run completed, 1 when --strict found stale or missing recordings, 2 on bad input."})
final class RunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--provider", paramLabel = "NAME", defaultValue = "replay",
      description = {"Where answers come from: replay (recorded answers; the default), openai:MODEL (OPENAI_API_KEY;",
          "OPENAI_BASE_URL or --base-url for any OpenAI-compatible server), anthropic:MODEL (ANTHROPIC_API_KEY),",
          "ollama:MODEL (OLLAMA_BASE_URL)."})
  String provider;

  @Option(names = "--base-url", paramLabel = "URL", description = "Base URL of a live provider's API.")
  String baseUrl;

  @Option(names = "--model", paramLabel = "persona",
      description = "persona: ask each persona's own model (its 'model' field; sonnet, opus and haiku map to Claude ids, inherit keeps the provider's).")
  String modelChoice;

  @Option(names = "--record", description = "Store live answers as recordings, to replay and rescore later.")
  boolean record;

  @Option(names = "--concurrency", paramLabel = "N", description = "Cases in flight at once (default: 1 for replay, 4 for live providers).")
  Integer concurrency;

  @Option(names = "--cache-dir", paramLabel = "DIR", description = "Answer cache for live providers (default: ~/.cache/persona-harness).")
  Path cacheDir;

  @Option(names = "--no-cache", description = "Neither read nor write the answer cache.")
  boolean noCache;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120", description = "Per-request time-out for live providers (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "6", description = "Attempts per case, retries included (default: ${DEFAULT-VALUE}).")
  int maxAttempts;

  @Option(names = "--strict", description = "Make stale or missing recordings errors (exit 1).")
  boolean strict;

  @Option(names = "--recordings", paramLabel = "DIR", defaultValue = "suites/recordings",
      description = "Recorded answers (default: ${DEFAULT-VALUE}).")
  Path recordings;

  @picocli.CommandLine.Mixin ProjectDirs dirs;

  @picocli.CommandLine.Mixin JudgeOption judging;

  @picocli.CommandLine.Mixin SelectionOptions sel;

  @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports", description = "Where runs are written (default: ${DEFAULT-VALUE}).")
  Path reports;

  @Option(names = "--shard", paramLabel = "I/N",
      description = {"Run only shard I of N (counted from 1): the cases whose key hashes to it, so N machines split a run.",
          "Combine the shard runs with 'harness merge'."})
  String shard;

  @Option(names = "--quiet", description = "No progress line.")
  boolean quiet;

  @Option(names = "--resume", paramLabel = "RUN_DIR",
      description = "Finish an interrupted run in its own directory, with the provider and filters it started with.")
  Path resume;

  @Option(names = "--retry-errors", description = "With --resume: run errored cases again too.")
  boolean retryErrors;

  @picocli.CommandLine.Mixin ReportOptions reporting;

  @Override
  public Integer call() {
    RunLog.View previous = null;
    if (resume != null) {
      previous = RunLog.open(RunDirs.existingRun(resume));
      adopt(previous.info());
    } else if (retryErrors) {
      throw new ConfigException("--retry-errors goes with --resume RUN_DIR");
    }
    Shard part = shard == null ? null : Shard.parse(shard);
    Project project = dirs.loadNonEmpty(sel.personas);
    project = judging.judge == null ? project : project.withJudge(judging.judge(recordings, record));
    reporting.check();
    ModelClient client = client();
    Map<String, Object> settings = settings();
    Selection selection = part == null ? sel.selection() : sel.selection().withShard(part);
    int inFlight = (int) settings.get("concurrency");
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(err, quiet);
    Path runDir = previous != null ? previous.dir() : reports.resolve(RunDirs.newId());
    Thread onStop = new Thread(() -> {
      RunLog.markInterrupted(runDir, java.time.Instant.now().toString());
      err.println();
      err.println("interrupted: finished cases are kept in " + runDir + "; resume with: bin/harness run --resume " + runDir);
      err.flush();
    });
    Runtime.getRuntime().addShutdownHook(onStop);
    Path dir;
    try {
      Runner runner = new Runner(project, personaModels(project, settings));
      dir = previous != null
          ? runner.resume(previous, selection, client, retryErrors, inFlight, progress::update)
          : runner.run(selection, client, runDir.getParent(), runDir.getFileName().toString(), settings,
              RunDirs.gitCommit(), Version.get(), inFlight, progress::update);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onStop);
      } catch (IllegalStateException alreadyStopping) {
        // the hook is running: the process is being stopped
      }
    }
    progress.done();
    Summary summary = reporting.write(dir);
    RunDirs.markLatest(dir.getParent(), dir);
    Leaderboard.print(spec.commandLine().getOut(), summary, dir);
    if (summary.counts().errored() > 0) {
      err.println("warning: " + summary.counts().errored() + " case(s) errored; see the top of " + dir.resolve(Reports.MARKDOWN_FILE));
    }
    return strict && (summary.counts().errored() > 0 || summary.counts().stale() > 0) ? Main.FAILED : Main.OK;
  }

  /** For --model persona: the model each persona declares, resolved through the alias table. */
  private Map<String, String> personaModels(Project project, Map<String, Object> settings) {
    if (modelChoice == null) {
      return Map.of();
    }
    if (!modelChoice.equals("persona")) {
      throw new ConfigException("--model takes 'persona'; to choose one model, name it in --provider KIND:MODEL");
    }
    if (provider.equals("replay")) {
      throw new ConfigException("--model persona needs a live provider; replay serves what was recorded");
    }
    String kind = provider.substring(0, Math.max(0, provider.indexOf(':')));
    Map<String, String> models = new java.util.TreeMap<>();
    for (var p : project.personas()) {
      String m = dev.personaharness.model.ModelAliases.resolve(p.model(), kind, p.id());
      if (m != null) {
        models.put(p.id(), m);
      }
    }
    settings.put("model", "persona");
    settings.put("persona_models", models);
    return models;
  }

  /** What run.json keeps of a run's options, so that --resume needs nothing else. */
  private Map<String, Object> settings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("strict", strict);
    settings.put("recordings", recordings.toString());
    if (sel.epochs != null) {
      settings.put("epochs", sel.epochs);
    }
    if (sel.temperature != null) {
      settings.put("temperature", sel.temperature);
    }
    if (sel.maxTokens != null) {
      settings.put("max_tokens", sel.maxTokens);
    }
    if (sel.seed != null) {
      settings.put("seed", sel.seed);
    }
    settings.put("filters", Map.of("persona", sel.personas, "suite", sel.suites, "task", sel.tasks, "category", sel.categories));
    if (shard != null) {
      settings.put("shard", Shard.parse(shard).toString());
    }
    if (!provider.equals("replay")) {
      if (baseUrl != null) {
        settings.put("base_url", baseUrl);
      }
      settings.put("timeout_seconds", timeoutSeconds);
      settings.put("max_attempts", maxAttempts);
      settings.put("record", record);
      settings.put("cache", noCache ? "off" : String.valueOf(cacheDir == null ? Providers.defaultCacheDir() : cacheDir));
    }
    int inFlight = concurrency != null ? concurrency : provider.equals("replay") ? 1 : 4;
    if (inFlight < 1) {
      throw new ConfigException("--concurrency must be at least 1");
    }
    settings.put("concurrency", inFlight);
    if (judging.judge != null) {
      settings.put("judge", judging.judge);
    }
    return settings;
  }

  /** Takes the provider, filters and options a run was started with (a --concurrency given now wins). */
  @SuppressWarnings("unchecked")
  private void adopt(RunInfo info) {
    Map<String, Object> s = info.settings();
    provider = info.provider();
    strict = Boolean.TRUE.equals(s.get("strict"));
    recordings = Path.of(String.valueOf(s.getOrDefault("recordings", recordings.toString())));
    sel.epochs = s.get("epochs") instanceof Number n ? n.intValue() : null;
    sel.temperature = s.get("temperature") instanceof Number n ? n.doubleValue() : null;
    sel.maxTokens = s.get("max_tokens") instanceof Number n ? n.intValue() : null;
    sel.seed = s.get("seed") instanceof Number n ? n.intValue() : null;
    Map<String, List<String>> filters = (Map<String, List<String>>) s.getOrDefault("filters", Map.of());
    sel.personas = new ArrayList<>(filters.getOrDefault("persona", List.of()));
    sel.suites = new ArrayList<>(filters.getOrDefault("suite", List.of()));
    sel.tasks = new ArrayList<>(filters.getOrDefault("task", List.of()));
    sel.categories = new ArrayList<>(filters.getOrDefault("category", List.of()));
    baseUrl = s.get("base_url") instanceof String u ? u : null;
    if (s.get("timeout_seconds") instanceof Number n) {
      timeoutSeconds = n.intValue();
    }
    if (s.get("max_attempts") instanceof Number n) {
      maxAttempts = n.intValue();
    }
    record = Boolean.TRUE.equals(s.get("record"));
    if ("off".equals(s.get("cache"))) {
      noCache = true;
    } else if (s.get("cache") instanceof String c) {
      cacheDir = Path.of(c);
    }
    modelChoice = "persona".equals(s.get("model")) ? "persona" : null;
    shard = s.get("shard") instanceof String given ? given : null;
    judging.judge = s.get("judge") instanceof String j ? j : null;
    if (concurrency == null && s.get("concurrency") instanceof Number n) {
      concurrency = n.intValue();
    }
  }

  private ModelClient client() {
    if (provider.equals("replay")) {
      if (record) {
        throw new ConfigException("--record needs a live provider; replay already reads the recordings");
      }
      return new ReplayClient(new RecordingStore(recordings), strict);
    }
    LiveOptions d = LiveOptions.defaults();
    int inFlight = concurrency != null ? concurrency : 4;
    ModelClient live = Providers.live(provider, new LiveOptions(baseUrl, Duration.ofSeconds(timeoutSeconds), maxAttempts,
        d.maxTotal(), d.backoffBase(), inFlight, d.env(), d.clock()), noCache ? null : cacheDir == null ? Providers.defaultCacheDir() : cacheDir);
    return record ? new RecordingClient(live, new RecordingStore(recordings), Clock.systemUTC()) : live;
  }
}
