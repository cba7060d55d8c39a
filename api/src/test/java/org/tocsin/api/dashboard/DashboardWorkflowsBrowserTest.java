package org.tocsin.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.tocsin.nlp.bands.IncitementBands;

/**
 * The users' workflows in Chromium (issue 17): an analyst triages by risk (score sorts, score
 * filters, band chips, a target group typed in the plural, honest counts), the post detail opens
 * beside the results and the view's state lives in the URL (Back, shared links, Esc), and the page
 * is usable at 390 px and from the keyboard.
 */
class DashboardWorkflowsBrowserTest extends DashboardBrowser {

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private void searchFor(String q) {
    type("q", q);
    driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
  }

  private String statusAfter(String before) {
    await()
        .until(
            d -> {
              String s = d.findElement(By.id("status")).getText();
              return !s.equals(before) && !s.startsWith("searching");
            });
    return driver.findElement(By.id("status")).getText();
  }

  /** The incitement score of every listed hit, from its bar's exact value. */
  private List<Double> incitements() {
    List<Double> out = new ArrayList<>();
    for (WebElement hit : driver.findElements(By.cssSelector("#results .hit"))) {
      out.add(Double.parseDouble(hit.findElement(By.cssSelector(".bar")).getAttribute("title")));
    }
    return out;
  }

  private String query() {
    String s = (String) js("return location.search;");
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Test
  void analystsTriageByScoreBandAndTargetGroup() throws Exception {
    signIn();
    // the demo holds more posts than the node counts exactly: the count says so
    String first = driver.findElement(By.id("status")).getText();
    if (node.index().count() > 10_000) {
      assertThat(first).matches("1–20 of [0-9,]+\\+ posts .*");
      assertThat(driver.findElement(By.id("status")).getAttribute("data-exact")).isEqualTo("false");
    }
    // sort by incitement: highest first
    String before = first;
    new Select(driver.findElement(By.id("sort"))).selectByValue("incitement");
    before = statusAfter(before);
    List<Double> sorted = incitements();
    assertThat(sorted).hasSizeGreaterThan(1);
    assertThat(sorted).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(query()).contains("sort=incitement");

    // the high band's chip keeps posts at or above its threshold, and says what it means
    double high = IncitementBands.shipped().threshold("high");
    WebElement chip = driver.findElement(By.cssSelector("#band-chips [data-band=high]"));
    assertThat(chip.getAttribute("title")).contains("incitement test set");
    chip.click();
    await().until(d -> query().contains("minIncitement=" + high));
    before = statusAfter(before);
    assertThat(incitements())
        .isNotEmpty()
        .allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(high - 0.005));
    assertThat(
            driver
                .findElement(By.cssSelector("#band-chips [data-band=high]"))
                .getAttribute("aria-pressed"))
        .isEqualTo("true");
    assertThat(driver.findElement(By.id("min-incitement")).getAttribute("value"))
        .isEqualTo(Double.toString(high));

    // a hate filter typed by hand narrows further; clearing the chip keeps it
    type("min-hate", "0.5");
    driver.findElement(By.id("min-hate")).sendKeys(Keys.TAB);
    await().until(d -> query().contains("minHate=0.5"));
    statusAfter(before);
    driver.findElement(By.cssSelector("#band-chips [data-band=high]")).click();
    await().until(d -> !query().contains("minIncitement"));
    assertThat(query()).contains("minHate=0.5");
    shot("triage-scores");

    // the syntax help names the score fields
    assertThat(driver.findElement(By.cssSelector("details.help")).getAttribute("textContent"))
        .contains("incitement:[0.5 TO 1]")
        .contains("hate:[0.8 TO 1]");

    // a target group in the plural finds nothing as written, and the hint offers the fix
    driver.get(base + "?q=" + "target%3Amuslims");
    await().until(d -> d.findElement(By.id("status")).getText().equals("no posts match"));
    WebElement hint = driver.findElement(By.cssSelector("#hints .hint"));
    assertThat(hint.getText()).contains("the group is called muslim");
    hint.findElement(By.tagName("button")).click();
    await().until(d -> d.findElement(By.id("status")).getText().contains(" posts ("));
    assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("target:muslim");
    assertThat(driver.findElement(By.id("results")).getText()).containsIgnoringCase("muslim");
    assertNoAlertDialog();
    shot("triage-target-hint");
  }

  @Test
  void thePostDetailOpensBesideTheResultsAndTheUrlCarriesTheView() throws Exception {
    signIn();
    searchFor("IslamKills");
    await().until(d -> d.findElement(By.id("status")).getText().contains(" posts ("));
    WebElement hit = driver.findElements(By.cssSelector("#results .hit")).get(0);
    hit.click();
    WebElement panel = driver.findElement(By.id("detail"));
    await().until(d -> panel.isDisplayed());
    await()
        .until(d -> d.findElement(By.id("detail-body")).getText().contains("Rabat six-part test"));
    // beside the results, in view: not a thousand pixels below them
    long panelLeft =
        (Long) js("return Math.round(arguments[0].getBoundingClientRect().left);", panel);
    long panelTop =
        (Long) js("return Math.round(arguments[0].getBoundingClientRect().top);", panel);
    long resultsRight =
        (Long)
            js(
                "return Math.round(document.getElementById('results').getBoundingClientRect().right);");
    assertThat(panelLeft).isGreaterThanOrEqualTo(resultsRight - 1);
    assertThat(panelTop).isBetween(0L, 10L);
    String open = query();
    assertThat(open).contains("q=IslamKills").contains("post=");
    shot("detail-panel");

    // Esc closes it, and the URL forgets the post
    driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
    await().until(d -> !panel.isDisplayed());
    assertThat(query()).doesNotContain("post=");
    // Back opens it again
    driver.navigate().back();
    await().until(d -> panel.isDisplayed());
    assertThat(query()).isEqualTo(open);

    // another tab closes the detail; Back returns to the search with its post
    driver.findElement(By.id("tab-alerts")).click();
    await().until(d -> d.findElement(By.id("alerts-view")).isDisplayed());
    assertThat(panel.isDisplayed()).isFalse();
    assertThat(query()).contains("view=alerts");
    driver.navigate().back();
    await().until(d -> d.findElement(By.id("search-view")).isDisplayed());
    await().until(d -> panel.isDisplayed());

    // a shared link restores query, sort, facet, score filter and the open post
    String key = open.substring(open.indexOf("post=") + 5);
    driver.get(
        base
            + "?q=IslamKills&sort=hate&label=hate&minIncitement=0.05&post="
            + java.net.URLEncoder.encode(key, StandardCharsets.UTF_8));
    await().until(d -> d.findElement(By.id("detail")).isDisplayed());
    await().until(d -> d.findElement(By.id("status")).getText().contains(" posts ("));
    assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("IslamKills");
    assertThat(
            new Select(driver.findElement(By.id("sort")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("hate");
    assertThat(driver.findElement(By.id("min-incitement")).getAttribute("value")).isEqualTo("0.05");
    assertThat(driver.findElement(By.cssSelector("#facets .chip")).getText())
        .contains("label: hate");
    assertThat(driver.findElements(By.cssSelector("#results .hit .badge")))
        .allSatisfy(b -> assertThat(b.getText()).isEqualTo("hate"));
    await()
        .until(
            d ->
                d.findElement(By.id("detail-body")).getText().contains("sha256 of original bytes"));
    // the whole search exports, its filters written into the export's query
    WebElement export = driver.findElement(By.cssSelector("#search-export form.export"));
    assertThat(export.getAttribute("data-query"))
        .isEqualTo("(IslamKills) AND (label:\"hate\") AND incitement:[0.05 TO 1]");
    export.findElement(By.cssSelector(".reason")).sendKeys("case 17: the hateful IslamKills posts");
    export.findElement(By.cssSelector("button[type=submit]")).click();
    await()
        .until(
            d ->
                d.findElement(By.cssSelector("#search-export .export-result"))
                        .getAttribute("data-bag")
                    != null);
    String captures =
        driver
            .findElement(By.xpath("//div[@id='search-export']//tr[td[1]='captures']/td[2]"))
            .getText();
    assertThat(Integer.parseInt(captures))
        .isEqualTo(
            Integer.parseInt(driver.findElement(By.id("status")).getAttribute("data-total")));
    // the custody history names the keys
    await().until(d -> d.findElement(By.id("detail-custody")).getAttribute("data-events") != null);
    assertThat(driver.findElement(By.id("detail-custody")).getText()).contains("browser test (");
    // the capture's inclusion check is one click away, its seq filled in
    String seq = driver.findElement(By.cssSelector("#detail-body td.mono")).getText().trim();
    driver.findElement(By.cssSelector("#detail-body .check-inclusion")).click();
    await().until(d -> d.findElement(By.id("evidence-view")).isDisplayed());
    assertThat(driver.findElement(By.id("inclusion-seq")).getAttribute("value")).isEqualTo(seq);
    assertThat(js("return document.activeElement.id;")).isEqualTo("inclusion-reason");
    driver.switchTo().activeElement().sendKeys("checking the post from the detail");
    driver.findElement(By.cssSelector("#inclusion-form button[type=submit]")).click();
    await()
        .until(d -> d.findElement(By.id("inclusion-result")).getAttribute("data-verified") != null);
    assertThat(driver.findElement(By.id("inclusion-result")).getAttribute("data-verified"))
        .as(driver.findElement(By.id("inclusion-result")).getText())
        .isEqualTo("true");
  }

  @Test
  void tabsHaveRolesAndTheSearchWorksFromTheKeyboardAt390Pixels() throws Exception {
    signIn();
    List<WebElement> tabs = driver.findElements(By.cssSelector("[role=tablist] [role=tab]"));
    assertThat(tabs).hasSize(6);
    assertThat(driver.findElement(By.id("tab-search")).getAttribute("aria-selected"))
        .isEqualTo("true");
    assertThat(driver.findElement(By.id("tab-overview")).getAttribute("aria-selected"))
        .isEqualTo("false");
    // arrow keys move between tabs
    driver.findElement(By.id("tab-search")).sendKeys(Keys.ARROW_RIGHT);
    await()
        .until(
            d ->
                "true".equals(d.findElement(By.id("tab-campaigns")).getAttribute("aria-selected")));
    assertThat(js("return document.activeElement.id;")).isEqualTo("tab-campaigns");
    driver.findElement(By.id("tab-campaigns")).sendKeys(Keys.ARROW_LEFT);
    await().until(d -> d.findElement(By.id("search-view")).isDisplayed());

    // a facet toggled with the keyboard keeps the focus
    await()
        .until(
            d -> !d.findElements(By.cssSelector("#facets ul[data-facet=label] button")).isEmpty());
    WebElement hate =
        driver.findElement(By.xpath("//ul[@data-facet='label']//button[@data-value='hate']"));
    js("arguments[0].focus();", hate);
    hate.sendKeys(Keys.ENTER);
    await().until(d -> !d.findElements(By.cssSelector("#facets .chip")).isEmpty());
    await()
        .until(
            d ->
                "hate".equals(js("return document.activeElement.dataset.value || null;"))
                    && "true"
                        .equals(js("return document.activeElement.getAttribute('aria-pressed');")));
    // Enter on a hit opens its detail; Esc closes it and gives the focus back
    await()
        .until(
            d ->
                d.findElement(By.id("status")).getText().contains(" posts (")
                    && d.findElements(By.cssSelector("#results .hit .badge")).stream()
                        .allMatch(b -> b.getText().equals("hate")));
    WebElement hit = driver.findElements(By.cssSelector("#results .hit")).get(0);
    js("arguments[0].focus();", hit);
    hit.sendKeys(Keys.ENTER);
    await().until(d -> d.findElement(By.id("detail")).isDisplayed());
    driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    await().until(d -> !d.findElement(By.id("detail")).isDisplayed());
    assertThat(js("return document.activeElement.classList.contains('hit');")).isEqualTo(true);

    // at 390 px nothing is wider than the screen, and the Search button is on it
    Dimension wide = driver.manage().window().getSize();
    try {
      driver.manage().window().setSize(new Dimension(390, 844));
      long inner = (Long) js("return window.innerWidth;");
      await().until(d -> (Long) js("return document.documentElement.scrollWidth;") <= inner);
      WebElement button = driver.findElement(By.cssSelector("#search-form button[type=submit]"));
      long right =
          (Long) js("return Math.round(arguments[0].getBoundingClientRect().right);", button);
      assertThat(right).isLessThanOrEqualTo(inner);
      for (WebElement t : driver.findElements(By.cssSelector(".tab"))) {
        long r = (Long) js("return Math.round(arguments[0].getBoundingClientRect().right);", t);
        assertThat(r).as(t.getText()).isLessThanOrEqualTo(inner);
      }
      shot("search-390px");
      driver.findElements(By.cssSelector("#results .hit")).get(0).click();
      await().until(d -> d.findElement(By.id("detail")).isDisplayed());
      assertThat(
              (Long)
                  js(
                      "return Math.round(document.getElementById('detail').getBoundingClientRect().width);"))
          .isLessThanOrEqualTo(inner);
      shot("detail-390px");
    } finally {
      driver.manage().window().setSize(wide);
    }
    // the favicon is served
    assertThat(
            (Long)
                ((JavascriptExecutor) driver)
                    .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                            + "fetch('/favicon.svg').then(r => done(r.status), e => done(0));"))
        .isEqualTo(200L);
  }

  private WebElement ruleRow(String name) {
    return driver.findElement(
        By.xpath(
            "//table[@id='rules-table']//tr[td[1][starts-with(normalize-space(.), '"
                + name
                + "')]]"));
  }

  @Test
  void trustTeamsPreviewPauseEditAndDeleteARule() throws Exception {
    signIn();
    driver.get(base + "?view=alerts");
    await().until(d -> d.findElement(By.id("rules-table")).getAttribute("data-rules") != null);
    // the pick-list knows the groups
    await()
        .until(
            d -> !d.findElements(By.cssSelector("#target-groups option[value=muslim]")).isEmpty());

    // a typo is explained, not saved
    type("rule-name", "calls against muslims");
    type("rule-targets", "muslimz");
    driver.findElement(By.id("rule-submit")).click();
    await()
        .until(
            d ->
                d.findElement(By.id("rule-form-status")).getText().contains("did you mean muslim"));

    // the preview counts what the rule would have matched, with the plural read as the group
    type("rule-targets", "muslims");
    new Select(driver.findElement(By.id("rule-incitement-band"))).selectByValue("elevated");
    driver.findElement(By.id("rule-backtest-button")).click();
    await().until(d -> d.findElement(By.id("rule-backtest")).getAttribute("data-total") != null);
    long total =
        Long.parseLong(driver.findElement(By.id("rule-backtest")).getAttribute("data-total"));
    assertThat(total).isPositive();
    assertThat(driver.findElement(By.id("rule-backtest")).getText())
        .contains("this rule would have matched " + total)
        .contains("target groups: muslim");
    shot("alerts-backtest");

    driver.findElement(By.id("rule-submit")).click();
    await().until(d -> d.findElement(By.id("rule-form-status")).getText().contains("rule created"));
    await()
        .until(
            d -> d.findElement(By.id("rules-table")).getText().contains("calls against muslims"));
    WebElement row = ruleRow("calls against muslims");
    assertThat(row.getText()).contains("targets: muslim").contains("by browser test");

    // pause and resume
    row.findElement(By.cssSelector("button.pause")).click();
    await().until(d -> ruleRow("calls against muslims").getAttribute("class").contains("paused"));
    ruleRow("calls against muslims").findElement(By.cssSelector("button.resume")).click();
    await().until(d -> !ruleRow("calls against muslims").getAttribute("class").contains("paused"));

    // edit: the form fills with the rule, saving keeps its id
    String id = ruleRow("calls against muslims").getAttribute("data-id");
    ruleRow("calls against muslims").findElement(By.cssSelector("button.edit")).click();
    assertThat(driver.findElement(By.id("rule-targets")).getAttribute("value")).isEqualTo("muslim");
    assertThat(driver.findElement(By.id("rule-submit")).getText()).isEqualTo("Save changes");
    type("rule-name", "high incitement against muslims");
    new Select(driver.findElement(By.id("rule-incitement-band"))).selectByValue("high");
    driver.findElement(By.id("rule-submit")).click();
    await().until(d -> d.findElement(By.id("rule-form-status")).getText().contains("rule saved"));
    await()
        .until(
            d ->
                d.findElement(By.id("rules-table"))
                    .getText()
                    .contains("high incitement against muslims"));
    WebElement edited = ruleRow("high incitement against muslims");
    assertThat(edited.getAttribute("data-id")).isEqualTo(id);
    assertThat(edited.getText()).contains("incitement band ≥ high");
    shot("alerts-rules");

    // delete asks once more; "keep it" keeps it
    edited.findElement(By.cssSelector("button.delete")).click();
    ruleRow("high incitement against muslims")
        .findElement(By.cssSelector("button.cancel-delete"))
        .click();
    assertThat(
            ruleRow("high incitement against muslims")
                .findElements(By.cssSelector("button.delete")))
        .hasSize(1);
    ruleRow("high incitement against muslims").findElement(By.cssSelector("button.delete")).click();
    ruleRow("high incitement against muslims")
        .findElement(By.cssSelector("button.confirm-delete"))
        .click();
    await().until(d -> d.findElement(By.id("rules-status")).getText().contains("rule deleted"));
    await().until(d -> !d.findElement(By.id("rules-table")).getText().contains("against muslims"));
    assertNoAlertDialog();
  }

  @Test
  void theOverviewHasATimeAxisAndEveryBarAndValueOpensItsPostsAndSignOutForgetsTheKey()
      throws Exception {
    signIn();
    driver.get(base + "?view=overview");
    await().until(d -> d.findElement(By.id("overview-status")).getText().contains("posts from"));
    WebElement chart = driver.findElement(By.id("volume"));
    assertThat(chart.findElements(By.cssSelector("text.tick"))).hasSizeGreaterThan(1);
    assertThat(chart.findElements(By.cssSelector("text.tick")).get(0).getText())
        .matches("\\d{4}-\\d{2}-\\d{2}");
    // a facet value opens Search filtered on it
    driver.findElement(By.cssSelector("#facet-label button[data-value=hate]")).click();
    await().until(d -> d.findElement(By.id("search-view")).isDisplayed());
    await().until(d -> d.findElement(By.id("status")).getText().contains(" posts ("));
    assertThat(query()).contains("label=hate");
    assertThat(driver.findElements(By.cssSelector("#results .hit .badge")))
        .isNotEmpty()
        .allSatisfy(b -> assertThat(b.getText()).isEqualTo("hate"));
    // Back returns to the overview; a bar opens the posts of its days
    driver.navigate().back();
    await().until(d -> d.findElement(By.id("overview-view")).isDisplayed());
    List<WebElement> bars = driver.findElements(By.cssSelector("#volume .bar-group"));
    WebElement busiest = bars.get(0);
    for (WebElement b : bars) {
      if (Integer.parseInt(b.getAttribute("aria-label").split(" ")[0])
          > Integer.parseInt(busiest.getAttribute("aria-label").split(" ")[0])) {
        busiest = b;
      }
    }
    int count = Integer.parseInt(busiest.getAttribute("aria-label").split(" ")[0]);
    js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}));", busiest);
    await().until(d -> d.findElement(By.id("search-view")).isDisplayed());
    await().until(d -> d.findElement(By.id("status")).getText().contains(" posts ("));
    assertThat(driver.findElement(By.id("q")).getAttribute("value")).startsWith("createdAt:[");
    assertThat(driver.findElement(By.id("status")).getAttribute("data-total"))
        .isEqualTo(Integer.toString(count));
    shot("overview-click-through");

    // a bad query clears the chart instead of leaving the last one on screen
    driver.get(base + "?view=overview");
    await().until(d -> d.findElement(By.id("overview-status")).getText().contains("posts from"));
    type("ov-q", "\"unclosed");
    driver.findElement(By.cssSelector("#overview-form button[type=submit]")).click();
    await()
        .until(
            d -> d.findElement(By.id("overview-status")).getAttribute("class").contains("error"));
    assertThat(driver.findElements(By.cssSelector("#volume rect"))).isEmpty();

    // signing out forgets the key
    driver.findElement(By.id("sign-out")).click();
    await().until(d -> d.findElement(By.id("login")).isDisplayed());
    assertThat(js("return sessionStorage.getItem('tocsin.key');")).isNull();
  }
}
