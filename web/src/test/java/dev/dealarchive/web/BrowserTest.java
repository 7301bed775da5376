package dev.dealarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real headless Chromium (Debian's {@code chromium} driven through Debian's {@code chromedriver}, the
 * same version): search, answer card, facets, timeline, paging, article page, back button, escaping and sign-in. A
 * screenshot of the results page is saved as {@code target/screenshots/results.png}. Skips, saying why, only when no
 * Chromium or chromedriver is installed.
 */
class BrowserTest {
  private static final String TOKEN = "browser-test-token";
  private static final String WRITTEN = "OpenAI pays Microsoft a capped 20% revenue share through 2030 [1].";
  /** Flags for a closed network and a shared machine: no sandbox (root), no GPU, no background traffic. */
  private static final List<String> FLAGS =
      List.of(
          "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=1280,1000");

  @TempDir static Path temp;
  static WebFixture web;
  static WebFixture guarded;
  static StubChatModel model;
  static WebFixture written;
  static ChromeDriver browser;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws IOException {
    Path chromium = executable("chromium", "chromium-browser", "google-chrome");
    Path chromedriver = executable("chromedriver");
    assumeTrue(
        chromium != null && chromedriver != null,
        "browser tests skipped: no Chromium and chromedriver on this machine "
            + "(Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
    web = WebFixture.start(Files.createDirectories(temp.resolve("open")), WebSettings.loopback(0));
    guarded = WebFixture.start(Files.createDirectories(temp.resolve("guarded")), WebSettings.loopback(0).withToken(TOKEN));
    model = new StubChatModel(WRITTEN);
    written = WebFixture.start(Files.createDirectories(temp.resolve("written")), WebSettings.loopback(0).withLlm(model.settings()));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(FLAGS);
    options.addArguments("--user-data-dir=" + Files.createDirectories(temp.resolve("chromium-profile")));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      if (web != null) {
        web.close();
      }
      if (guarded != null) {
        guarded.close();
      }
      if (written != null) {
        written.close();
      }
      if (model != null) {
        model.close();
      }
    }
  }

  /** No page may log an error: a Content-Security-Policy violation or a failed script would show here. */
  @AfterEach
  void noErrorsInTheConsole() {
    if (browser == null) {
      return;
    }
    List<LogEntry> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
            .filter(entry -> !entry.getMessage().contains("401 (Unauthorized)")) // the wrong-token sign-in
            .toList();
    assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList());
  }

  @Test
  void writtenAnswerFillsInAboveTheQuotedAnswerWithItsSourcesLinked() {
    browser.get(written.uri("/?q=" + SearchState.encode("How much revenue share does OpenAI pay Microsoft?")).toString());
    WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#written .written-text")));
    assertEquals(WRITTEN, text.getText());
    WebElement source = browser.findElement(By.cssSelector("#written .written-sources a"));
    assertTrue(source.getAttribute("href").contains("/article/"), source.getAttribute("href"));
    assertTrue(browser.findElement(By.cssSelector(".answer-passage")).getText().contains("20%"), "the quote stays");
  }

  private static Path executable(String... names) {
    for (String name : names) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  private static void open(String pathAndQuery) {
    browser.get(web.uri(pathAndQuery).toString());
  }

  private static String query() {
    String url = browser.getCurrentUrl();
    int at = url.indexOf('?');
    return at < 0 ? "" : url.substring(at + 1);
  }

  private static void search(String text) {
    WebElement box = browser.findElement(By.id("q"));
    box.clear();
    box.sendKeys(text, Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("q=" + SearchState.encode(text)));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
  }

  private static List<WebElement> hits() {
    return browser.findElements(By.cssSelector("#results li.hit"));
  }

  /** Saves what the browser shows as {@code target/screenshots/NAME}, a test artifact. */
  private static void screenshot(String name) throws IOException {
    Path screenshot = Path.of("target", "screenshots", name);
    Files.createDirectories(screenshot.getParent());
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
    assertTrue(Files.size(screenshot) > 10_000, "screenshot saved");
  }

  @Test
  void slashFocusesTheBoxAndASearchShowsResultsFacetsAndTimeline() throws IOException {
    open("/");
    new Actions(browser).sendKeys("/").perform();
    assertEquals("q", browser.switchTo().activeElement().getAttribute("id"));
    new Actions(browser).sendKeys("cloud", Keys.ENTER).perform();
    wait.until(ExpectedConditions.urlContains("q=cloud"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results")));

    assertTrue(hits().size() >= 3, "hits: " + hits().size());
    WebElement first = hits().get(0);
    assertFalse(first.findElements(By.cssSelector(".hit-snippet mark")).isEmpty(), "matched words are highlighted");
    assertTrue(browser.findElement(By.id("summary")).getText().matches("1–\\d+ of \\d+ articles? .*"),
        browser.findElement(By.id("summary")).getText());
    assertFalse(browser.findElements(By.cssSelector("[data-facet=source] a.facet")).isEmpty());
    assertFalse(browser.findElements(By.cssSelector("[data-facet=tag] a.facet")).isEmpty());
    assertFalse(browser.findElements(By.cssSelector("[data-facet=year] a.facet")).isEmpty());
    assertFalse(browser.findElements(By.cssSelector("#timeline a.bar")).isEmpty(), "the timeline has bars");

    screenshot("results.png");
  }

  @Test
  void aQuestionGetsTheAnswerCardAboveTheResults() throws IOException {
    open("/");
    search("How much revenue share does OpenAI pay Microsoft?");
    WebElement answer = browser.findElement(By.id("answer"));
    assertTrue(answer.findElement(By.className("answer-passage")).getText().contains("20%"), answer.getText());
    WebElement cited = answer.findElement(By.cssSelector(".answer-cite a"));
    assertEquals("Microsoft and OpenAI make their partnership non-exclusive", cited.getText());
    assertTrue(answer.findElement(By.className("confidence")).getText().contains("%"));
    assertTrue(answer.getLocation().getY() < browser.findElement(By.id("results")).getLocation().getY(),
        "the answer comes first");
    screenshot("answer.png");

    cited.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("article-title")));
    assertEquals("Microsoft and OpenAI make their partnership non-exclusive",
        browser.findElement(By.id("article-title")).getText());
  }

  @Test
  void clickingAFacetNarrowsTheResultsAndBackUndoesIt() {
    open("/?q=cloud");
    List<WebElement> hitsBefore = hits();
    WebElement facet = browser.findElement(By.cssSelector("[data-facet=source] a.facet"));
    String source = facet.getAttribute("data-value");
    int count = Integer.parseInt(facet.findElement(By.className("count")).getText());
    facet.click();
    wait.until(ExpectedConditions.urlContains("source="));
    wait.until(ExpectedConditions.stalenessOf(hitsBefore.get(0)));
    assertEquals(count, hits().size());
    for (WebElement hit : hits()) {
      assertEquals(source, hit.findElement(By.className("hit-source")).getText());
    }
    assertTrue(browser.findElement(By.cssSelector(".chips a.chip[data-kind=source]")).getText().contains(source));

    browser.navigate().back();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("source=")));
    assertEquals("q=cloud", query());
    assertEquals(hitsBefore.size(), hits().size());
  }

  @Test
  void anArticleShowsInFullWithTheMatchedPassagesAndBackReturnsToTheResults() {
    open("/?q=revenue+share");
    String searchUrl = browser.getCurrentUrl();
    hits().get(0).findElement(By.className("hit-title")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("article-title")));
    assertEquals("Microsoft and OpenAI make their partnership non-exclusive",
        browser.findElement(By.id("article-title")).getText());
    List<WebElement> passages = browser.findElements(By.cssSelector("#passages li"));
    assertFalse(passages.isEmpty(), "the passages that matched the search");
    assertTrue(passages.get(0).findElement(By.tagName("mark")).getText().equalsIgnoreCase("revenue"));
    assertTrue(browser.findElement(By.id("article-body")).getText().contains("2032"));
    assertFalse(browser.findElements(By.cssSelector(".tags a.tag")).isEmpty());

    browser.navigate().back();
    wait.until(ExpectedConditions.urlToBe(searchUrl));
    assertFalse(hits().isEmpty());
  }

  @Test
  void hostileArticleTextShowsAsTextAndNoScriptRuns() {
    open("/?q=zebrafish");
    WebElement title = hits().get(0).findElement(By.className("hit-title"));
    assertEquals(WebFixture.HOSTILE_TITLE, title.getText());
    assertEquals(List.of(), browser.findElements(By.cssSelector("main img, main script, main b, main svg:not(#timeline svg)")));
    assertTrue(hits().get(0).getText().contains("<b>Evil</b> Wire"));
    assertNotEquals("pwned", browser.getTitle());

    title.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("article-title")));
    assertEquals(WebFixture.HOSTILE_TITLE, browser.findElement(By.id("article-title")).getText());
    assertTrue(browser.findElement(By.id("article-body")).getText().contains("<script>"));
    assertEquals(List.of(), browser.findElements(By.id("original")), "a javascript: url is not linked");
    assertEquals(List.of(), browser.findElements(By.cssSelector("main img, main script")));
    assertNotEquals("pwned", browser.getTitle());
    assertEquals(Boolean.FALSE, ((JavascriptExecutor) browser).executeScript("return document.title === 'pwned'"));
  }

  @Test
  void clickingATimelineBarNarrowsTheDatesAndDraggingSpansBars() {
    open("/?q=cloud");
    List<WebElement> bars = browser.findElements(By.cssSelector("#timeline a.bar"));
    assertTrue(bars.size() >= 2, "bars: " + bars.size());
    String from = bars.get(0).getAttribute("data-from");
    String to = bars.get(0).getAttribute("data-to");
    bars.get(0).click();
    wait.until(ExpectedConditions.urlContains("from=" + from));
    assertTrue(query().contains("to=" + to), query());
    assertTrue(browser.findElement(By.cssSelector(".chips a.chip[data-kind=dates]")).getText().contains(from));
    for (WebElement time : browser.findElements(By.cssSelector("#results time"))) {
      assertFalse(time.getText().isBlank());
    }

    open("/?q=cloud");
    bars = browser.findElements(By.cssSelector("#timeline a.bar"));
    WebElement last = bars.get(bars.size() - 1);
    String spanFrom = bars.get(0).getAttribute("data-from");
    String spanTo = last.getAttribute("data-to");
    new Actions(browser).clickAndHold(bars.get(0)).moveToElement(last).release(last).perform();
    wait.until(ExpectedConditions.urlContains("to=" + spanTo));
    assertTrue(query().contains("from=" + spanFrom), query());
  }

  @Test
  void pagingAndSortingKeepTheirStateInTheUrl() {
    open("/?q=after:2000-01-01");
    assertEquals(Pages.PAGE_SIZE, hits().size());
    WebElement next = browser.findElement(By.cssSelector(".pager a[rel=next]"));
    next.click();
    wait.until(ExpectedConditions.urlContains("page=2"));
    assertFalse(hits().isEmpty());
    assertEquals("11", browser.findElement(By.cssSelector("#results ol")).getAttribute("start"));
    browser.navigate().back();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("page=2")));

    open("/?q=cloud");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sort"))).selectByValue("newest");
    wait.until(ExpectedConditions.urlContains("sort=newest"));
    List<LocalDate> days = browser.findElements(By.cssSelector("#results .hit time")).stream()
        .filter(time -> !time.getText().equals("undated"))
        .map(time -> LocalDate.parse(time.getText(), DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)))
        .toList();
    assertTrue(days.size() >= 2, days.toString());
    assertEquals(days.stream().sorted(Comparator.reverseOrder()).toList(), days, "newest first");
  }

  @Test
  void withATokenTheBrowserSignsInOnceAndComesBackToItsSearch() {
    browser.get(guarded.uri("/?q=cloud").toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("token")));
    browser.findElement(By.id("token")).sendKeys("wrong", Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-failed")));
    browser.findElement(By.id("token")).sendKeys(TOKEN, Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
    assertTrue(browser.getCurrentUrl().endsWith("/?q=cloud"), browser.getCurrentUrl());
    assertFalse(hits().isEmpty());
  }
}
