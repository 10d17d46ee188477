package dev.personaharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personaharness.core.CaseKey;
import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Usage;
import dev.personaharness.runlog.CaseRecord;
import dev.personaharness.runlog.RunInfo;
import dev.personaharness.runlog.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricesTest {
  @TempDir Path tmp;

  @Test
  void costIsTokensTimesPricePerMillionMatchedByLongestPrefix() throws Exception {
    Prices prices = Prices.load(Files.writeString(tmp.resolve("p.yaml"),
        "gpt-4o: {input: 2.5, output: 10}\ngpt-4o-mini: {input: 0.15, output: 0.6}\n"));
    assertThat(prices.of("gpt-4o-mini-2024-07-18")).contains(new Prices.Price(0.15, 0.6));
    assertThat(prices.of("gpt-4o-2024-08-06")).contains(new Prices.Price(2.5, 10));
    assertThat(prices.of("claude")).isEmpty();
    CaseRecord a = record("p", "gpt-4o-mini-2024-07-18", new Usage(1_000_000L, 500_000L));
    CaseRecord b = record("p", "mystery-model", new Usage(10L, 10L));
    RunLog.Run run = new RunLog.Run(tmp, new RunInfo(1, "r", "v", null, "t", "t", "completed", "x", Map.of(),
        List.of(), List.of(), null, 2), List.of(a, b));
    Summary.Cost cost = Summaries.of(run, prices, dev.personaharness.stats.Statistics.Method.T).costs().get(0);
    // 1M input × $0.15 + 0.5M output × $0.60 = $0.45; the mystery model is unpriced
    assertThat(cost.usd()).isCloseTo(0.45, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(cost.unpriced()).isEqualTo(1);
    assertThat(cost.inputTokens()).isEqualTo(1_000_010L);
  }

  @Test
  void aBadTableIsAConfigurationError() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.yaml"), "gpt-4o: 3\n");
    assertThatThrownBy(() -> Prices.load(bad)).isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("bad.yaml: error: model 'gpt-4o' needs {input: N, output: N} in USD per 1M tokens");
  }

  private static CaseRecord record(String persona, String model, Usage usage) {
    return new CaseRecord(new CaseKey(persona, "s", "t" + model.length(), 1), "c", "h", "h", model, "x", usage, 1, false,
        List.of(), null, 0.5, List.of(), 1.0, true, 0);
  }
}
