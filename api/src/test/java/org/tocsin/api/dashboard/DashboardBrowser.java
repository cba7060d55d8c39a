package org.tocsin.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vertx.core.Vertx;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tocsin.api.http.ApiContext;
import org.tocsin.api.http.ApiVerticle;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.core.post.Post;
import org.tocsin.node.ImportListener;
import org.tocsin.node.PipelineVerticle;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;
import org.tocsin.testkit.HostilePosts;
import org.tocsin.testkit.TestNodes;

/**
 * A node with the demo corpus (and hostile posts), its API on loopback and Debian's Chromium driven
 * by Selenium, for the dashboard's browser tests; helpers to sign in, wait, type and take
 * screenshots (to {@code target/screenshots/}). {@code .ci/run} installs Chromium; on a machine
 * without it the tests are skipped with a message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DashboardBrowser {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  protected TocsinNode node;
  protected CampaignService campaigns;
  protected Vertx vertx;
  protected WebDriver driver;
  protected String base;
  protected String token;
  protected final Path shots = Path.of("target", "screenshots");

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    assumeThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
        .as("Chromium and ChromeDriver (apt-get install chromium chromium-driver)")
        .isTrue();
    // webhooks to a receiver on loopback are allowed, as an operator would allow them
    node =
        TocsinNode.open(
            dir.resolve("data"),
            TocsinConfig.defaults().withPort(0).withOutboundAllow(List.of("127.0.0.0/8")));
    Path corpus = dir.resolve("demo.jsonl.gz");
    try (var in =
        DashboardBrowser.class.getResourceAsStream("/org/tocsin/node/demo/posts.jsonl.gz")) {
      Files.copy(in, corpus, StandardCopyOption.REPLACE_EXISTING);
    }
    node.importer().importFile(corpus, ImportListener.NONE);
    List<Post> hostile = new ArrayList<>(HostilePosts.all());
    node.importer()
        .importFile(TestNodes.writeJsonl(dir.resolve("h.jsonl"), hostile), ImportListener.NONE);
    campaigns = new CampaignService(node, CampaignConfig.defaults());
    campaigns.rebuild();
    node.signer().signNow();
    ApiKeyStore keys = ApiKeyStore.open(dir.resolve("data"));
    token = keys.create(Role.ADMIN, "browser test").token();
    vertx = Vertx.vertx();
    ApiVerticle api = new ApiVerticle(new ApiContext(node, campaigns, keys), node.config().http());
    PipelineVerticle.deploy(vertx, node).await();
    vertx.deployVerticle(api).await();
    base = "http://127.0.0.1:" + api.actualPort() + "/";

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1400",
        "--user-data-dir=" + dir.resolve("chrome-profile"));
    // the console is read for Content-Security-Policy violations
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    Files.createDirectories(shots);
  }

  @AfterAll
  void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (vertx != null) {
      vertx.close().await();
    }
    if (node != null) {
      node.close();
    }
  }

  /** Posts JSONL to the node's ingest route, as a trust team's tool would. */
  protected void ingest(String... jsonLines) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "api/v1/posts"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", jsonLines) + "\n"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  protected static String post(String id, String text, String edited) {
    io.vertx.core.json.JsonObject o =
        new io.vertx.core.json.JsonObject()
            .put("platform", "test")
            .put("id", id)
            .put("author", new io.vertx.core.json.JsonObject().put("id", "browser"))
            .put("createdAt", "2026-11-30T12:00:00Z")
            .put("text", text);
    if (edited != null) {
      o.put("edited", edited);
    }
    return o.encode();
  }

  protected void type(String id, String text) {
    WebElement e = driver.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  protected void assertNoMarkupIn(String css) {
    for (String tag : new String[] {"script", "img", "iframe", "b"}) {
      assertThat(driver.findElements(By.cssSelector(css + " " + tag))).as(tag).isEmpty();
    }
  }

  protected WebDriverWait await() {
    // the page re-renders tables and lists as answers arrive: an element found a moment ago may
    // be gone, so a wait looks again instead of failing
    return (WebDriverWait)
        new WebDriverWait(driver, Duration.ofSeconds(20))
            .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  protected void shot(String name) throws Exception {
    Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  protected void assertNoAlertDialog() {
    boolean open;
    try {
      driver.switchTo().alert();
      open = true;
    } catch (NoAlertPresentException e) {
      open = false;
    }
    assertThat(open).as("a script in a post opened a dialog").isFalse();
  }

  /**
   * The Content-Security-Policy violations Chromium reported on the console since the last call
   * (reading the console empties it).
   */
  protected List<String> cspViolations() {
    List<String> out = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getMessage().contains("Content Security Policy")) {
        out.add(e.getMessage());
      }
    }
    return out;
  }

  protected void signIn() {
    driver.get(base + "#key=" + token);
    await()
        .until(
            ExpectedConditions.textMatches(
                By.id("status"), java.util.regex.Pattern.compile("of [0-9,]+[+]? posts")));
    assertThat(driver.getCurrentUrl()).doesNotContain("key=");
    assertThat(driver.findElement(By.id("login")).isDisplayed()).isFalse();
  }
}
