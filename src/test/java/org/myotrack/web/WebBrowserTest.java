package org.myotrack.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myotrack.support.Api;
import org.myotrack.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in a real browser (headless Chromium), against the demo cohort the test profile seeds: signing in as
 * each role, a clinician's visit entry with a refusal corrected, a coordinator's export, another site's patient,
 * keyboard use, tablet width, and signing out. Also takes the README's screenshot of a patient page.
 */
@QuarkusTest
class WebBrowserTest {

    static final Path SCREENSHOT = Path.of("reports", "screenshots", "patient-page.png");

    static WebDriver browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() {
        Browser.assumeInstalled();
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void forgetSession() {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void shouldSignEachRoleInOnItsStartPage() {
        Map<String, String> startPages = Map.of("clinician", "/clinic", "coordinator", "/cohort", "admin", "/clinic");
        startPages.forEach((user, start) -> {
            signIn(user);
            assertThat(URI.create(browser.getCurrentUrl()).getPath()).as(user).isEqualTo(start);
            assertThat(browser.findElement(By.cssSelector(".who")).getText()).startsWith(user);
            browser.manage().deleteAllCookies();
        });
    }

    @Test
    void shouldRefuseBadValueBesideItsFieldKeepTheEntriesAndShowTheNewFlagAndChartOnceCorrected() throws Exception {
        long patientId = Api.createPatient();
        // Two visits, the second already IMACS worsening against the first (extramuscular +2.5 cm); a third that
        // worsens again confirms it.
        Api.clinician().body(visit("2024-01-10", 1.0)).post("/api/patients/" + patientId + "/visits").then().statusCode(201);
        Api.clinician().body(visit("2024-03-10", 3.5)).post("/api/patients/" + patientId + "/visits").then().statusCode(201);
        signIn("clinician");
        open("/clinic/patients/" + patientId);
        assertThat(text("#flags")).doesNotContain("Confirmed worsening");
        String chartBefore = browser.findElement(By.cssSelector("img.chart")).getAttribute("src");
        byte[] pngBefore = Browser.fetch(browser, base.toURI(), chartBefore).body();

        browser.findElement(By.linkText("New visit")).click();
        waitFor(ExpectedConditions.urlContains("/visits/new"));
        setDate("visitDate", "2024-05-10");
        type("physicianGlobalActivity", "2");
        type("patientGlobalActivity", "2");
        type("mmt8", "170");
        type("haq", "0.5");
        type("extramuscularActivity", "6");
        type("ck", "150");
        assertThat(browser.findElement(By.id("ckUln")).getAttribute("value")).as("ULN prefilled from the site").isNotBlank();
        browser.findElement(By.cssSelector("form.sheet button[type=submit]")).click();

        WebElement error = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("mmt8-error")));
        assertThat(error.getText()).contains("must be between 0 and 150");
        WebElement field = browser.findElement(By.id("mmt8")).findElement(By.xpath("ancestor::div[contains(@class,'field')]"));
        assertThat(field.findElement(By.className("error")).getAttribute("id")).isEqualTo("mmt8-error");
        assertThat(browser.findElement(By.id("mmt8")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(value("mmt8")).isEqualTo("170");
        assertThat(value("extramuscularActivity")).isEqualTo("6");
        assertThat(value("physicianGlobalActivity")).isEqualTo("2");
        assertThat(value("ck")).isEqualTo("150");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus on the summary").isEqualTo("problems");

        browser.findElement(By.id("mmt8")).clear();
        type("mmt8", "140");
        browser.findElement(By.cssSelector("form.sheet button[type=submit]")).click();
        waitFor(ExpectedConditions.or(ExpectedConditions.urlContains("#visits"),
                ExpectedConditions.presenceOfElementLocated(By.id("problems"))));
        assertThat(browser.findElements(By.id("problems"))).extracting(WebElement::getText).as("refusals after the correction").isEmpty();
        assertThat(browser.getCurrentUrl()).endsWith("/clinic/patients/" + patientId + "#visits");

        assertThat(text("#flags")).contains("Confirmed worsening").contains("since 2024-05-10");
        assertThat(text("#visits")).contains("2024-05-10").contains("worse than the visit before").contains("worse than the first visit");
        String chartAfter = browser.findElement(By.cssSelector("img.chart")).getAttribute("src");
        assertThat(chartAfter).isNotEqualTo(chartBefore);
        waitFor(driver -> (Boolean) script("return document.querySelector('img.chart').complete"
                + " && document.querySelector('img.chart').naturalWidth > 0"));
        byte[] pngAfter = Browser.fetch(browser, base.toURI(), chartAfter).body();
        assertThat(pngAfter).isNotEqualTo(pngBefore);
    }

    @Test
    void shouldExportTheCohortAsCoordinatorWithTheKAnonymityNote() throws Exception {
        signIn("coordinator");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("site"))).selectByValue("DEMO-A");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        waitFor(ExpectedConditions.urlContains("site=DEMO-A"));
        assertThat(Long.parseLong(text("#count-patients"))).isPositive();
        List<WebElement> exports = browser.findElements(By.cssSelector("#exports a[data-format]"));
        assertThat(exports).extracting(e -> e.getAttribute("data-format")).containsExactly("csv", "csv-wide", "ndjson", "fhir");
        assertThat(text("#exports")).contains("Smallest group over site, sex, birth year and diagnosis");

        String href = browser.findElement(By.cssSelector("#exports a[data-format=csv]")).getAttribute("href");
        HttpResponse<byte[]> download = Browser.fetch(browser, base.toURI(), href);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        assertThat(download.headers().firstValue("X-K-Anonymity-Note")).isPresent();
        String csv = new String(download.body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("pseudonym,").contains("\r\nMT-");
        List<String> externalIds = Api.externalIdsToLookFor();
        String page = browser.getPageSource();
        assertThat(externalIds).allSatisfy(id -> {
            assertThat(csv).doesNotContain(id);
            assertThat(page).doesNotContain(id);
        });
    }

    @Test
    void shouldShowClinicianOfAnotherSiteNotFound() {
        long patientId = Api.createPatient();
        String registryCode = Api.clinician().get("/api/patients/" + patientId).then().extract().path("registryCode");
        signIn("clinician-b");
        open("/clinic/patients/" + patientId);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.getPageSource()).doesNotContain(registryCode);
        open("/clinic?q=" + registryCode);
        assertThat(text("table.patients")).contains("No patient matches.");
    }

    @Test
    void shouldFindDemoPatientByKeyboardAndTakeTheReadmeScreenshot() throws Exception {
        signIn("clinician");
        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys("P000005", Keys.ENTER);
        waitFor(ExpectedConditions.urlContains("q=P000005"));
        browser.findElement(By.linkText("P000005")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("flags-title")));
        assertThat(text("#flags")).contains("Inadequate response");
        assertThat(text("#therapies")).contains("ongoing");
        waitFor(driver -> (Boolean) script("return document.querySelector('img.chart').complete"
                + " && document.querySelector('img.chart').naturalWidth > 0"));
        assertEveryInputLabelled();
        long height = (Long) script("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height, 4000)));
        Files.createDirectories(SCREENSHOT.getParent());
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(javax.imageio.ImageIO.read(SCREENSHOT.toFile()).getWidth()).isEqualTo(1280);
    }

    @Test
    void shouldLabelEveryInputAndFitTabletWidth() {
        signIn("clinician");
        long patientId = WebPagesTest.idOf("P000005");
        for (String path : List.of("/clinic", "/clinic/patients/new", "/clinic/patients/" + patientId + "/visits/new",
                "/clinic/patients/" + patientId + "/therapies/new", "/clinic/patients/" + patientId + "/investigations/new")) {
            open(path);
            assertEveryInputLabelled();
        }
        browser.manage().window().setSize(new Dimension(768, 1024));
        for (String path : List.of("/clinic", "/clinic/patients/" + patientId, "/clinic/patients/" + patientId + "/visits/new")) {
            open(path);
            long overflow = (Long) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("horizontal overflow of " + path + " at 768 px").isLessThanOrEqualTo(0);
        }
    }

    @Test
    void shouldSignInAndReachThePageByKeyboardWithVisibleFocus() {
        open("/login");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus starts in the form").isEqualTo("j_username");
        browser.switchTo().activeElement().sendKeys("clinician", Keys.TAB);
        browser.switchTo().activeElement().sendKeys("clinician", Keys.ENTER);
        waitFor(ExpectedConditions.urlContains("/clinic"));
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement skip = browser.switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Skip to content");
        assertThat(skip.getCssValue("outline-style")).as("visible focus").isEqualTo("solid");
        skip.sendKeys(Keys.ENTER);
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement next = browser.switchTo().activeElement();
        assertThat(next.getText()).isEqualTo("New patient");
        assertThat(next.getCssValue("outline-style")).isEqualTo("solid");
        next.sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.urlContains("/clinic/patients/new"));
    }

    @Test
    void shouldSignOutAndAskForTheLoginAgain() {
        signIn("clinician");
        browser.findElement(By.cssSelector("form.signout button")).click();
        waitFor(ExpectedConditions.urlContains("/login?signed-out=true"));
        assertThat(text("main")).contains("You are signed out.");
        open("/clinic");
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/login");
    }

    private void signIn(String user) {
        open("/login");
        type("j_username", user);
        type("j_password", user);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void open(String path) {
        browser.get(base.toString().replaceAll("/$", "") + path);
    }

    private void type(String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }

    /** A date input takes keystrokes in the browser's locale order; its value is set as the date picker would. */
    private void setDate(String id, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("var input = document.getElementById(arguments[0]);"
                + " input.value = arguments[1]; input.dispatchEvent(new Event('input', {bubbles: true}));", id, isoDate);
        assertThat(value(id)).isEqualTo(isoDate);
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private <T> T waitFor(java.util.function.Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }

    /** Every visible input, select and text area of the page has a label naming it. */
    @SuppressWarnings("unchecked")
    private void assertEveryInputLabelled() {
        List<String> unlabelled = (List<String>) script("return Array.from(document.querySelectorAll("
                + "'input:not([type=hidden]), select, textarea')).filter(e => e.labels.length === 0)"
                + ".map(e => e.name || e.id)");
        assertThat(unlabelled).as("inputs without a label on " + browser.getCurrentUrl()).isEmpty();
    }

    private static Map<String, Object> visit(String date, double extramuscular) {
        Map<String, Object> visit = new java.util.HashMap<>(Map.of("visitDate", date, "physicianGlobalActivity", 2.0,
                "patientGlobalActivity", 2.0, "mmt8", 140, "mmt8Max", 150, "haq", 0.5,
                "extramuscularActivity", extramuscular,
                "enzymes", List.of(Map.of("test", "CK", "value", 150, "uln", 200, "unit", "U/L"))));
        return visit;
    }
}
