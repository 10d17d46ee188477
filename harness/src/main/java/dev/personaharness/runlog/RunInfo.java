package dev.personaharness.runlog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The header of a run ({@code run.json}): what ran, on what, with which settings, and how it ended.
 * Never holds a secret. {@code mergedFrom} names the shard runs a merged run was made of (written
 * only for merged runs).
 */
public record RunInfo(
    int formatVersion,
    String id,
    String harnessVersion,
    String gitCommit,
    String startedAt,
    String endedAt,
    String status,
    String provider,
    Map<String, Object> settings,
    List<PersonaRef> personas,
    List<SuiteRef> suites,
    String rescoredFrom,
    long cases,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> mergedFrom) {

  public static final int FORMAT_VERSION = 1;

  /** The header of a run that was not merged from shards. */
  public RunInfo(int formatVersion, String id, String harnessVersion, String gitCommit, String startedAt, String endedAt,
      String status, String provider, Map<String, Object> settings, List<PersonaRef> personas, List<SuiteRef> suites,
      String rescoredFrom, long cases) {
    this(formatVersion, id, harnessVersion, gitCommit, startedAt, endedAt, status, provider, settings, personas, suites,
        rescoredFrom, cases, List.of());
  }

  public RunInfo {
    settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(settings));
    personas = List.copyOf(personas);
    suites = List.copyOf(suites);
    mergedFrom = mergedFrom == null ? List.of() : List.copyOf(mergedFrom);
  }

  public RunInfo ended(String endedAt, String status, long cases) {
    return new RunInfo(formatVersion, id, harnessVersion, gitCommit, startedAt, endedAt, status, provider, settings,
        personas, suites, rescoredFrom, cases, mergedFrom);
  }

  /** A persona revision in the run. */
  public record PersonaRef(String id, String name, String path, String hash) {}

  /** A suite in the run, with its tasks' ids and categories so reports need no suite files. */
  public record SuiteRef(String id, String path, String hash, List<TaskRef> tasks) {}

  /** A task's id, category, and how its epochs reduce ({@code mean}, {@code pass@k}, {@code pass^k}, {@code majority}). */
  public record TaskRef(String id, String category, String reducer) {
    public TaskRef {
      reducer = reducer == null ? "mean" : reducer;
    }
  }
}
