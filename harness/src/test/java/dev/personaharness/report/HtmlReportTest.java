package dev.personaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
}
