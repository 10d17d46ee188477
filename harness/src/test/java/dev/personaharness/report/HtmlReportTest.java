package dev.personaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personaharness.core.CaseKey;
import dev.personaharness.runlog.CaseRecord;
import dev.personaharness.runlog.RunInfo;
import dev.personaharness.runlog.RunLog;
import dev.personaharness.stats.Statistics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  @Test
  void escapingLeavesNoMarkupAndShowsControlCharacters() {
    String hostile = "<script>x</script>\"'&\u001b[31m\u0000\u0007\u007f\r\ud800ok\ud83d\ude00\n\t";
    assertThat(Html.esc(hostile)).isEqualTo("&lt;script&gt;x&lt;/script&gt;&quot;&#39;&amp;\u241b[31m\u2400\u2407\u2421\u240d\ufffdok\ud83d\ude00\n\t");
    assertThat(Html.esc(null)).isEmpty();
  }

  @Test
  void thePolicyAllowsExactlyThePagesOwnScript() throws Exception {
    String page = Html.page("t", "", "<p>x</p>", "console.log(1);");
    Matcher m = Pattern.compile("script-src 'sha256-([^']+)'").matcher(page);
    assertThat(m.find()).isTrue();
    byte[] digest = MessageDigest.getInstance("SHA-256").digest("console.log(1);".getBytes(StandardCharsets.UTF_8));
    assertThat(m.group(1)).isEqualTo(Base64.getEncoder().encodeToString(digest));
    assertThat(page).contains("default-src 'none'").doesNotContain("http://", "https://");
  }

  @Test
  void evidenceLinesAndAnchors() {
    assertThat(HtmlReport.lineOf("mentions \"opaque\" as \"Opaque\" at line 31: \"…\"")).isEqualTo(31);
    assertThat(HtmlReport.lineOf("3075 words (max 2200)")).isNull();
    assertThat(HtmlReport.anchor("api-design/cursor pagination")).isEqualTo("t-api-design-cursor-pagination");
  }

  @Test
  void pastTheAnswerLimitThePageKeepsEveryTaskAndDropsTheAnswers() {
    List<CaseRecord> cases = new ArrayList<>();
    List<RunInfo.TaskRef> tasks = new ArrayList<>();
    for (int t = 0; t < 30; t++) {
      tasks.add(new RunInfo.TaskRef("t" + t, "c", "mean"));
      for (String persona : List.of("p1", "p2")) {
        for (int e = 1; e <= 100; e++) {
          boolean errored = persona.equals("p2") && t == 0;
          cases.add(new CaseRecord(new CaseKey(persona, "s", "t" + t, e), "c", "h", "h", "m", errored ? null : "answer " + e,
              null, 1, false, List.of(), errored ? "boom" : null, 0.5,
              List.of(new CaseRecord.CheckRecord("contains", "x", 1, "passed", 1, "found at line 1")), errored ? null : 1.0,
              errored ? null : true, 0));
        }
      }
    }
    RunInfo info = new RunInfo(1, "r", "v", null, "t0", "t1", "completed", "replay", Map.of(),
        List.of(new RunInfo.PersonaRef("p1", "One", "a/p1.md", "h"), new RunInfo.PersonaRef("p2", "Two", "a/p2.md", "h")),
        List.of(new RunInfo.SuiteRef("s", "s.yaml", "h", tasks)), null, cases.size());
    RunLog.Run run = new RunLog.Run(Path.of("reports/r"), info, cases);
    String page = HtmlReport.ofRun(run, Reports.summarize(run, null, Statistics.Method.T));
    assertThat(cases).hasSizeGreaterThan(HtmlReport.MAX_ANSWERS);
    assertThat(page).contains("This run has 6000 cases; over 5000 the page shows scores only")
        .doesNotContain("<pre class=\"answer\">");
    assertThat(page.split("<section class=\"task", -1)).hasSize(31);
    assertThat(page).contains("p2: errored").doesNotContain("Not in this run");
  }
}
