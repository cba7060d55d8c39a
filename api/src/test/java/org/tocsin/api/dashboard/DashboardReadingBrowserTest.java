package org.tocsin.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.tocsin.campaigns.detect.Campaign;

/**
 * Reading what the node found (issue 17): a campaign as accounts with their handles, a node that
 * opens its account's posts, a timeline on a time axis, "why these accounts" with the organic
 * baseline, the campaign's posts opened in Search and exported, all without a
 * Content-Security-Policy violation; a rule's delivery log with a refused attempt and the retry
 * that went through; and a post's evidence reference copied for a case file.
 */
class DashboardReadingBrowserTest extends DashboardBrowser {

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  @Test
  void aCampaignReadsAsAccountsTimelineAndReasonsWithoutCspViolations() throws Exception {
    signIn();
    cspViolations(); // what signing in logged is not this test's concern
    // the most harmful campaign, as the list ranks them
    driver.get(base + "?view=campaigns&campaign=first");
    await()
        .until(
            d ->
                "true".equals(d.findElement(By.id("campaign-graph")).getAttribute("data-settled")));
    await().until(d -> !d.findElements(By.id("campaign-why")).isEmpty());
    String id =
        driver
            .findElement(By.cssSelector("#campaign-head h2"))
            .getText()
            .substring("Campaign ".length());
    Campaign first = campaigns.latest().orElseThrow().find(id).orElseThrow();
    // the open campaign is in the URL
    assertThat((String) js("return location.search;")).contains("campaign=" + id);

    // nodes carry handles, and no two labels overlap
    WebElement graph = driver.findElement(By.id("campaign-graph"));
    assertThat(graph.getAttribute("data-nodes"))
        .isEqualTo(Integer.toString(first.accounts().size()));
    @SuppressWarnings("unchecked")
    List<String> labels =
        (List<String>)
            js("return window.tocsin.campaignGraph.current().nodes().map(n => n.data('label'));");
    assertThat(labels).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("@"));
    // no two labels overlap (boxes of node and label, as the page measures them), once the page
    // has re-checked its layout with the labels measured
    await()
        .until(
            d ->
                ((Long)
                        js(
                            "const b = window.tocsin.campaignGraph.current().nodes()"
                                + ".map(n => n.boundingBox({includeLabels: true, includeNodes: true,"
                                + " includeOverlays: false}));"
                                + "let c = 0; for (let i = 0; i < b.length; i++)"
                                + " for (let j = i + 1; j < b.length; j++)"
                                + " if (b[i].x1 < b[j].x2 && b[j].x1 < b[i].x2"
                                + " && b[i].y1 < b[j].y2 && b[j].y1 < b[i].y2) c++;"
                                + "return c;"))
                    == 0L);

    // a click on a node lists that account's posts; one opens in the post detail
    @SuppressWarnings("unchecked")
    List<Object> node =
        (List<Object>)
            js(
                "const n = window.tocsin.campaignGraph.current().nodes()[0];"
                    + "const p = n.renderedPosition(); return [p.x, p.y, n.data('account')];");
    js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", graph);
    Dimension2 size = new Dimension2(graph.getSize().getWidth(), graph.getSize().getHeight());
    new Actions(driver)
        .moveToElement(
            graph,
            (int) Math.round(((Number) node.get(0)).doubleValue() - size.width / 2.0),
            (int) Math.round(((Number) node.get(1)).doubleValue() - size.height / 2.0))
        .click()
        .perform();
    await().until(d -> d.findElement(By.id("campaign-account")).isDisplayed());
    assertThat(driver.findElement(By.id("campaign-account")).getAttribute("data-account"))
        .isEqualTo(node.get(2));
    List<WebElement> posts = driver.findElements(By.cssSelector("#campaign-account .account-post"));
    assertThat(posts).isNotEmpty();
    assertThat(driver.findElement(By.cssSelector("#campaign-account h4")).getText()).contains("@");
    shot("campaign-account");
    posts.get(0).findElement(By.tagName("button")).click();
    await().until(d -> d.findElement(By.id("detail")).isDisplayed());
    await()
        .until(
            d ->
                d.findElement(By.id("detail-body")).getText().contains("sha256 of original bytes"));
    driver.findElement(By.id("close-detail")).click();
    // from the keyboard: the list names the same accounts, Enter on one lists its posts
    WebElement chip = driver.findElements(By.cssSelector("#campaign-body .chip.account")).get(1);
    js("arguments[0].focus();", chip);
    chip.sendKeys(Keys.ENTER);
    await()
        .until(
            d ->
                chip.getAttribute("data-account")
                    .equals(d.findElement(By.id("campaign-account")).getAttribute("data-account")));

    // the timeline has a time axis
    List<WebElement> ticks = driver.findElements(By.cssSelector("#campaign-timeline text.tick"));
    assertThat(ticks).hasSizeGreaterThan(1);
    assertThat(ticks.get(0).getText()).matches("(\\d{4}-\\d{2}-\\d{2} )?\\d{2}:\\d{2}( UTC)?");
    assertThat(driver.findElements(By.cssSelector("#campaign-timeline rect.bucket"))).isNotEmpty();

    // why these accounts, with the baseline of what they shared
    WebElement why = driver.findElement(By.id("campaign-why"));
    assertThat(why.getText()).contains("evidence of coordination").contains("accounts posted");
    assertThat(driver.findElement(By.id("campaign-baseline")).getText())
        .matches("(None of the|At most) [0-9,]+ .*other accounts in the data.*");
    assertThat(driver.findElements(By.cssSelector("#campaign-why tr.baseline-object")))
        .isNotEmpty();
    js("document.getElementById('campaign-head').scrollIntoView();");
    shot("campaign-why");

    // the campaign exports as its own posts ...
    WebElement export = driver.findElement(By.cssSelector("#campaign-export"));
    export.findElement(By.cssSelector(".reason")).sendKeys("case 17: the campaign's posts");
    export.findElement(By.cssSelector("button[type=submit]")).click();
    await()
        .until(
            d ->
                d.findElement(By.cssSelector("#campaign-export .export-result"))
                        .getAttribute("data-bag")
                    != null);
    String captures =
        driver
            .findElement(By.xpath("//form[@id='campaign-export']//tr[td[1]='captures']/td[2]"))
            .getText();
    assertThat(Integer.parseInt(captures)).isEqualTo(first.posts().size());
    // ... as its dossier: the bundle carries the campaign, its edges and the attribution summary
    java.nio.file.Path bag =
        java.nio.file.Path.of(
            driver
                .findElement(
                    By.xpath("//form[@id='campaign-export']//tr[td[1]='on the node at']/td[2]"))
                .getText());
    for (String doc : List.of("campaign.json", "edges.json", "attribution.json")) {
      assertThat(bag.resolve("data").resolve("documents").resolve(doc)).isRegularFile();
    }

    // readable text: WCAG AA contrast (4.5:1) on the page's badges, grades and notes
    assertThat(
            lowContrast(
                "#campaign-detail .grade, #campaign-detail .badge, #campaign-detail .help,"
                    + " #campaign-detail .meta, #campaign-why td"))
        .isEmpty();

    // at 390 px nothing is wider than the screen
    org.openqa.selenium.Dimension wide = driver.manage().window().getSize();
    try {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      long inner = (Long) js("return window.innerWidth;");
      await().until(d -> (Long) js("return document.documentElement.scrollWidth;") <= inner);
      shot("campaign-390px");
    } finally {
      driver.manage().window().setSize(wide);
    }

    // nothing on the way broke the Content-Security-Policy, on this page or any other
    assertThat(cspViolations()).isEmpty();
    for (String view : new String[] {"overview", "search", "alerts", "watchlists", "evidence"}) {
      driver.get(base + "?view=" + view);
      await().until(d -> d.findElement(By.id(view + "-view")).isDisplayed());
      await().until(d -> !d.findElement(By.id("health")).getText().startsWith("checking"));
      assertThat(cspViolations()).as(view).isEmpty();
    }
    driver.get(base + "?view=campaigns&campaign=" + id);
    await().until(d -> !d.findElements(By.id("campaign-why")).isEmpty());
    assertThat(cspViolations()).isEmpty();
    // and a violation would have been seen
    js(
        "const s = document.createElement('style'); s.textContent = 'p {}';"
            + " document.head.appendChild(s);");
    await().until(d -> !cspViolations().isEmpty());

    // the campaign's posts open in Search
    driver.findElement(By.id("campaign-search")).click();
    await().until(d -> d.findElement(By.id("search-view")).isDisplayed());
    await().until(d -> d.findElement(By.id("status")).getText().contains(" posts ("));
    assertThat(driver.findElement(By.id("q")).getAttribute("value")).startsWith("author.id:(");
    assertThat(Integer.parseInt(driver.findElement(By.id("status")).getAttribute("data-total")))
        .isGreaterThanOrEqualTo(first.posts().size());
    // Back returns to the campaign
    driver.navigate().back();
    await()
        .until(
            d ->
                d.findElement(By.id("campaign-detail")).isDisplayed()
                    && d.findElement(By.cssSelector("#campaign-head h2"))
                        .getText()
                        .equals("Campaign " + id));
  }

  private record Dimension2(int width, int height) {}

  /**
   * The visible elements under {@code css} whose text has less than 4.5:1 contrast with the first
   * opaque background behind it (WCAG 2.1 AA for normal text), as "text: ratio".
   */
  @SuppressWarnings("unchecked")
  private List<String> lowContrast(String css) {
    return (List<String>)
        js(
            "const rgb = c => (c.match(/[0-9.]+/g) || []).map(Number);"
                + "const lum = c => { const v = rgb(c).slice(0, 3).map(x => { x /= 255;"
                + "  return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });"
                + "  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };"
                + "const bg = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;"
                + "  const p = rgb(c); if (p.length === 3 || (p.length === 4 && p[3] > 0.9)) return c; }"
                + "  return 'rgb(255, 255, 255)'; };"
                + "const out = [];"
                + "for (const e of document.querySelectorAll(arguments[0])) {"
                + "  if (!e.offsetParent || !e.textContent.trim()) continue;"
                + "  const a = lum(getComputedStyle(e).color), b = lum(bg(e));"
                + "  const r = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);"
                + "  if (r < 4.5) out.push(e.textContent.trim().slice(0, 40) + ': ' + r.toFixed(2)); }"
                + "return out;",
            css);
  }

  @Test
  void aRulesDeliveryLogShowsTheRefusedAttemptAndTheRetryThatWentThrough() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer receiver =
        vertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.body()
                        .onSuccess(
                            b ->
                                req.response()
                                    .setStatusCode(calls.incrementAndGet() == 1 ? 503 : 204)
                                    .end()));
    receiver.listen(0, "127.0.0.1").await();
    try {
      signIn();
      driver.get(base + "?view=alerts");
      await().until(d -> d.findElement(By.id("rules-table")).getAttribute("data-rules") != null);
      type("rule-name", "delivery log rule");
      type("rule-query", "tocsindeliverycanary");
      type("rule-webhook-url", "http://127.0.0.1:" + receiver.actualPort() + "/hook");
      type("rule-webhook-secret", "a secret of sixteen or more");
      driver.findElement(By.id("rule-submit")).click();
      await()
          .until(d -> d.findElement(By.id("rule-form-status")).getText().contains("rule created"));
      ingest(post("delivery-1", "tocsindeliverycanary they are vermin", null));
      String ruleId =
          node.alerts().rules().list().stream()
              .filter(r -> r.name().equals("delivery log rule"))
              .findFirst()
              .orElseThrow()
              .id();
      // the receiver refuses the first attempt; the retry goes through
      await()
          .until(
              d -> node.alerts().webhooks().attempts(ruleId).stream().anyMatch(a -> a.delivered()));
      await()
          .until(
              d ->
                  !d.findElements(
                          By.xpath(
                              "//table[@id='rules-table']//tr[contains(., 'delivery log rule')]"
                                  + "//button[@class='deliveries']"))
                      .isEmpty());
      driver
          .findElement(
              By.xpath(
                  "//table[@id='rules-table']//tr[contains(., 'delivery log rule')]"
                      + "//button[@class='deliveries']"))
          .click();
      await()
          .until(d -> d.findElement(By.id("rule-deliveries")).getAttribute("data-total") != null);
      List<WebElement> rows = driver.findElements(By.cssSelector("#rule-deliveries tr.delivery"));
      assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
      WebElement newest = rows.get(0);
      WebElement oldest = rows.get(rows.size() - 1);
      assertThat(newest.getAttribute("data-outcome")).isEqualTo("delivered");
      assertThat(newest.getText()).contains("on retry 1").contains("HTTP 204").contains("retry 1");
      assertThat(oldest.getAttribute("data-outcome")).isEqualTo("refused");
      assertThat(oldest.getText())
          .contains("The receiver refused alert")
          .contains("HTTP 503")
          .contains("trying again at")
          .contains("first try");
      assertThat(driver.findElement(By.id("deliveries-summary")).getText())
          .startsWith("1 delivery, 1 failed attempt, 1 retry; median latency ");
      shot("alerts-deliveries");
      // the delivered alert's post opens from the log
      newest.findElement(By.cssSelector("button.link")).click();
      await()
          .until(
              d -> d.findElement(By.id("detail-body")).getText().contains("tocsindeliverycanary"));
    } finally {
      receiver.close().await();
    }
  }

  @Test
  void thePostDetailCopiesItsEvidenceReferenceForACaseFile() throws Exception {
    signIn();
    type("q", "IslamKills");
    driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
    await().until(d -> d.findElement(By.id("status")).getText().contains(" posts ("));
    driver.findElements(By.cssSelector("#results .hit")).get(0).click();
    await()
        .until(
            d ->
                d.findElement(By.id("detail-body")).getText().contains("sha256 of original bytes"));
    String seq = driver.findElement(By.cssSelector("#detail-body td.mono")).getText().trim();
    String sha =
        driver
            .findElement(
                By.xpath("//div[@id='detail-body']//tr[td[1]='sha256 of original bytes']/td[2]"))
            .getText()
            .trim();
    driver.findElement(By.cssSelector("#detail-body .copy-reference")).click();
    WebElement area = driver.findElement(By.cssSelector("#detail-body textarea.reference"));
    await().until(d -> area.isDisplayed());
    String text = area.getAttribute("value");
    assertThat(text)
        .startsWith("Tocsin evidence reference\n")
        .contains("ledger seq: " + seq + "\n")
        .contains("SHA-256 of the original bytes: " + sha + "\n");
    String json = text.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
    JsonObject ref = new JsonObject(json);
    assertThat(ref.getLong("seq")).isEqualTo(Long.parseLong(seq));
    assertThat(ref.getString("sha256")).isEqualTo(sha);
    assertThat(ref.getString("capturedAt")).isNotBlank();
    assertThat(ref.getString("platform")).isNotBlank();
    // copied, or selected for copying by hand where the browser refuses the clipboard
    await()
        .until(
            d ->
                d.findElement(By.cssSelector("#detail-body .copy .meta"))
                        .getAttribute("data-copied")
                    != null);
    js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", area);
    assertThat(
            js(
                "return arguments[0].selectionStart === 0"
                    + " && arguments[0].selectionEnd === arguments[0].value.length;",
                area))
        .isEqualTo(true);
    shot("detail-reference");
  }
}
