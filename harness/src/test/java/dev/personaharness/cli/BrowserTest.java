package dev.personaharness.cli;

import static dev.personaharness.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * report.html, a comparison page and index.html opened in headless Chromium (Debian's chromium and
 * chromedriver; {@code .ci/run} installs them): they load with no console error, show the expected
 * rows, filter as promised, and hostile answers execute nothing. Screenshots go to
 * {@code harness/target/browser/}. Without the browser this test fails; it never skips.
 */
class BrowserTest {
  private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("harness/target/browser");
  private static final String PLAYBOOK = "senior-backend-engineer-playbook";
  private static final String PRAGMATIC = "senior-backend-engineer-pragmatic";

  /** Selenium warns that it has no DevTools binding for this Chromium; WebDriver itself does not need one. */
  private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

  @TempDir static Path tmp;
  static WebDriver driver;
  static Path reports;

  @BeforeAll
  static void start() throws Exception {
    QUIET.setLevel(Level.SEVERE);
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      fail("headless Chromium is needed: " + CHROMIUM + " and " + CHROMEDRIVER
          + " (apt-get install chromium chromium-driver; .ci/run installs them), or set CHROMIUM_BIN and CHROMEDRIVER_BIN");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")), "--window-size=1400,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    Files.createDirectories(SHOTS);
    reports = tmp.resolve("reports");
    CliTest.Result run = cli("run", "--persona", PLAYBOOK, "--persona", PRAGMATIC, "--reports", reports.toString(), "--strict", "--quiet");
    assertThat(run.code()).as(run.err()).isZero();
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  @AfterEach
  void noConsoleErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        errors.add(e.getLevel() + " " + e.getMessage());
      }
    }
    assertThat(errors).as("browser console").isEmpty();
  }

  @Test
  void theRunReportShowsEveryTaskAndItsFiltersFollowTheChosenPair() throws Exception {
    Path run = reports.resolve("latest").toRealPath();
    open(run.resolve("report.html"));
    assertThat(driver.getTitle()).startsWith("persona-harness · run ");
    assertThat(driver.findElements(By.cssSelector("table.board tr"))).hasSize(3);
    assertThat(driver.findElements(By.cssSelector("svg"))).hasSize(4);
    assertThat(driver.findElements(By.cssSelector("#tasks-list .task"))).hasSize(24);
    assertThat(shown()).isEqualTo("24 of 24 tasks shown");

    Map<String, JsonNode> a = tasks(run, new Select(driver.findElement(By.id("pick-a"))).getFirstSelectedOption().getText());
    Map<String, JsonNode> b = tasks(run, new Select(driver.findElement(By.id("pick-b"))).getFirstSelectedOption().getText());
    long failing = a.keySet().stream().filter(k -> !a.get(k).get("passed").asBoolean() || !b.get(k).get("passed").asBoolean()).count();
    long regressed = a.keySet().stream().filter(k -> b.get(k).get("score").asDouble() < a.get(k).get("score").asDouble() - 1e-9).count();
    long flipped = a.keySet().stream().filter(k -> a.get(k).get("passed").asBoolean() != b.get(k).get("passed").asBoolean()).count();
    assertThat(flipped).isPositive();
    driver.findElement(By.id("f-failing")).click();
    assertThat(shown()).isEqualTo(failing + " of 24 tasks shown");
    assertThat(visibleTasks()).hasSize((int) failing);
    driver.findElement(By.id("f-regressed")).click();
    assertThat(shown()).isEqualTo(regressed + " of 24 tasks shown");
    driver.findElement(By.id("f-flipped")).click();
    assertThat(shown()).isEqualTo(flipped + " of 24 tasks shown");

    new Select(driver.findElement(By.id("pick-b"))).selectByIndex(0);
    assertThat(shown()).as("a persona never flips against itself").isEqualTo("0 of 24 tasks shown");
    driver.findElement(By.id("f-all")).click();
    new Select(driver.findElement(By.id("pick-b"))).selectByIndex(1);

    WebElement task = visibleTasks().get(0);
    task.findElement(By.tagName("summary")).click();
    List<WebElement> columns = task.findElements(By.cssSelector(".col")).stream().filter(WebElement::isDisplayed).toList();
    assertThat(columns).hasSize(2);
    assertThat(columns.get(0).getLocation().getY()).as("side by side").isEqualTo(columns.get(1).getLocation().getY());
    for (WebElement col : columns) {
      assertThat(col.findElements(By.cssSelector("ol.checks li"))).isNotEmpty();
      assertThat(col.findElement(By.cssSelector("pre.answer")).getText()).isNotBlank();
    }
    assertThat(task.findElements(By.cssSelector(".hit-pass, .hit-fail"))).as("evidence lines highlighted").isNotEmpty();
    screenshot("report");
  }

  @Test
  void theComparisonPageShowsTheVerdictAndBothSides() throws Exception {
    Path html = tmp.resolve("compare.html");
    CliTest.Result cmp = cli("compare", reports.resolve("latest").toString(), "--baseline-persona", PLAYBOOK,
        "--candidate-persona", PRAGMATIC, "--html", html.toString());
    assertThat(cmp.code()).as(cmp.err()).isZero();
    open(html);
    String verdict = driver.findElement(By.cssSelector("p.verdict b")).getText();
    assertThat(cmp.out()).contains("**Verdict: " + verdict + "**");
    assertThat(driver.findElements(By.cssSelector("#tasks-list .task"))).hasSize(24);
    assertThat(new Select(driver.findElement(By.id("pick-a"))).getFirstSelectedOption().getText()).isEqualTo(PLAYBOOK);
    assertThat(new Select(driver.findElement(By.id("pick-b"))).getFirstSelectedOption().getText()).isEqualTo(PRAGMATIC);
    screenshot("compare");
  }

  @Test
  void theHistoryIndexListsEveryRunWithTrends() throws Exception {
    Path history = tmp.resolve("history");
    for (int i = 0; i < 2; i++) {
      assertThat(cli("run", "--persona", PLAYBOOK, "--suite", "api-design", "--reports", history.toString(), "--quiet").code()).isZero();
    }
    CliTest.Result r = cli("history", history.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("2 run(s) in " + history.resolve("index.html") + "\n");
    open(history.resolve("index.html"));
    assertThat(driver.findElements(By.cssSelector("tr.run"))).hasSize(2);
    assertThat(driver.findElements(By.cssSelector(".trend svg"))).hasSize(2);
    assertThat(driver.findElements(By.cssSelector(".trend svg path"))).hasSize(2);
    driver.findElements(By.cssSelector("tr.run a")).get(0).click();
    assertThat(driver.getTitle()).startsWith("persona-harness · run ");
    screenshot("history-run");
    open(history.resolve("index.html"));
    screenshot("index");
  }

  @Test
  void hostileAnswersAreShownAsTextAndExecuteNothing() throws Exception {
    Path project = tmp.resolve("hostile");
    Fixtures.project(project, false);
    String hostile = String.join("\n",
        "<script>window.__pwned = 1; alert(1)</script>",
        "</textarea></pre></details><script>window.__pwned = 2</script>",
        "<img src=x onerror=\"window.__pwned = 3\"> <svg onload=\"window.__pwned = 4\"></svg>",
        "<a href=\"javascript:window.__pwned = 5\" id=\"evil\">click</a> <iframe src=\"javascript:alert(6)\"></iframe>",
        "\" onmouseover=\"window.__pwned = 7\" x=\" | a | table | breaker |",
        "\u001b[31mred\u001b[0m \u001b]0;title\u0007 \u0000 done");
    Map<String, Object> line = new HashMap<>(Map.of("persona", "terse", "suite", "good", "model", "claude", "text", hostile));
    List<String> lines = new ArrayList<>();
    for (String task : List.of("review-table", "explain-idempotency")) {
      line.put("task", task);
      lines.add(new ObjectMapper().writeValueAsString(line));
    }
    Path answers = Files.write(project.resolve("answers.jsonl"), lines);
    String[] dirs = {"--agents-dir", project.resolve("agents").toString(), "--suites-dir", project.resolve("suites").toString()};
    assertThat(cli(concat(new String[] {"import", answers.toString(), "--recordings", project.resolve("rec").toString()}, dirs)).code()).isZero();
    CliTest.Result run = cli(concat(new String[] {"run", "--recordings", project.resolve("rec").toString(), "--reports",
        project.resolve("reports").toString(), "--quiet"}, dirs));
    assertThat(run.code()).as(run.err()).isZero();
    open(project.resolve("reports/latest/report.html"));
    for (WebElement summary : driver.findElements(By.cssSelector("#tasks-list summary"))) {
      summary.click();
    }
    assertThat(((JavascriptExecutor) driver).executeScript("return typeof window.__pwned")).isEqualTo("undefined");
    assertThat(driver.findElements(By.id("evil"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("#tasks-list img, #tasks-list iframe, #tasks-list script"))).isEmpty();
    String text = driver.findElement(By.cssSelector("pre.answer")).getText();
    assertThat(text).contains("<script>window.__pwned = 1; alert(1)</script>", "<img src=x onerror=\"window.__pwned = 3\">",
        "\u241b[31mred", "\u2400 done");
    try {
      driver.switchTo().alert();
      fail("an alert opened");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
    screenshot("hostile");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static void open(Path file) {
    driver.get(file.toUri().toString());
    new WebDriverWait(driver, java.time.Duration.ofSeconds(30))
        .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  private static String shown() {
    return driver.findElement(By.id("shown")).getText();
  }

  private static List<WebElement> visibleTasks() {
    return driver.findElements(By.cssSelector("#tasks-list .task")).stream().filter(WebElement::isDisplayed).toList();
  }

  private static Map<String, JsonNode> tasks(Path run, String persona) throws Exception {
    Map<String, JsonNode> result = new HashMap<>();
    for (JsonNode t : new ObjectMapper().readTree(run.resolve("summary.json").toFile()).get("tasks")) {
      if (t.get("persona").asText().equals(persona)) {
        result.put(t.get("suite").asText() + "/" + t.get("task").asText(), t);
      }
    }
    assertThat(result).hasSize(24);
    return result;
  }

  private static void screenshot(String name) throws Exception {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
