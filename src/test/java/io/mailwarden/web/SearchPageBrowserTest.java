package io.mailwarden.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.daemon.DaemonLauncher;
import io.mailwarden.state.ArchiveCatalog;
import io.mailwarden.testing.TempDirs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in Debian's headless Chromium, over the real archive and search: sign in, find Chinese mail,
 * read it, download its attachment; hostile mail renders as text and runs nothing.
 */
@QuarkusTest
@TestProfile(WebFixture.Profile.class)
class SearchPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static WebFixture fixture;
    private static WebDriver driver;
    private static Path downloads;
    private static Path profile;

    @Inject
    DaemonLauncher launcher;

    @Inject
    ArchiveCatalog catalog;

    @TestHTTPResource("/")
    URL page;

    @BeforeEach
    void start() throws Exception {
        if (fixture == null) {
            fixture = WebFixture.start(launcher, catalog);
        }
        if (driver == null) {
            driver = chromium();
        }
        driver.manage().deleteAllCookies();
        driver.get(page.toString());
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
        driver.navigate().refresh();
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        TempDirs.delete(downloads);
        TempDirs.delete(profile);
        if (fixture != null) {
            fixture.close();
            fixture = null;
        }
    }

    @Test
    void signsInFindsChineseMailOpensItAndDownloadsTheAttachment() throws Exception {
        signIn();
        search("增值税发票");
        List<WebElement> hits = driver.findElements(By.cssSelector("#results .hit"));
        assertThat(hits).hasSize(1);
        assertThat(hits.getFirst().findElement(By.className("hit-from")).getText()).contains("财务部");
        assertThat(hits.getFirst().findElement(By.className("attachments")).getText()).contains("发票清单");

        hits.getFirst().findElement(By.className("subject")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
        assertThat(driver.findElement(By.id("search-view")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("message-subject")).getText()).isEqualTo(WebFixture.INVOICE_SUBJECT);
        assertThat(driver.findElement(By.id("message-parts")).getText()).contains("请查收本月的增值税发票");

        driver.findElement(By.className("attachment-link")).click();
        Path saved = downloads.resolve("发票清单 三月.txt");
        await().until(d -> Files.exists(saved) && sizeOf(saved) == WebFixture.ATTACHMENT.length);
        assertThat(Files.readAllBytes(saved)).isEqualTo(WebFixture.ATTACHMENT);
    }

    @Test
    void hostileSubjectShowsLiterallyAndRunsNoScript() {
        signIn();
        search("xssprobe");
        WebElement hit = driver.findElement(By.cssSelector("#results .hit"));
        assertThat(hit.findElement(By.className("subject")).getText()).isEqualTo(WebFixture.XSS_SUBJECT);
        assertThat(hit.findElement(By.className("hit-from")).getText()).contains("Mallory <b>x</b>");
        assertThat(hit.findElement(By.className("snippet")).getText()).contains("<script>");
        hit.findElement(By.className("subject")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
        assertThat(driver.findElement(By.id("message-subject")).getText()).isEqualTo(WebFixture.XSS_SUBJECT);

        assertThat(driver.findElements(By.cssSelector("main img, main script"))).as("mail became markup").isEmpty();
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__xss")).isNull();
        try {
            driver.switchTo().alert();
            throw new AssertionError("the mail opened an alert");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    @Test
    void wrongTokenIsRefusedAndThePageFitsAPhone() {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.findElement(By.id("token")).sendKeys("not-the-token");
        driver.findElement(By.cssSelector("#login-form button")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "not accepted"));
        signIn();
        search("budget");
        assertThat(driver.findElements(By.cssSelector("#results .hit"))).hasSize(1);
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal scrolling on a 390 px wide screen").isLessThanOrEqualTo(0);
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    private void signIn() {
        driver.findElement(By.id("token")).sendKeys(WebFixture.TOKEN);
        driver.findElement(By.cssSelector("#login-form button")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        assertThat(driver.findElement(By.id("login-form")).isDisplayed()).as("the sign-in form is gone").isFalse();
    }

    private void search(String query) {
        WebElement q = driver.findElement(By.id("q"));
        q.clear();
        q.sendKeys(query);
        driver.findElement(By.cssSelector("#search-form button")).click();
        await().until(d -> !d.findElement(By.id("summary")).getText().isEmpty()
                || !d.findElement(By.id("search-error")).getText().isEmpty());
        assertThat(driver.findElement(By.id("search-error")).getText()).isEmpty();
    }

    private static WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static WebDriver chromium() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("this test drives Debian's Chromium: apt-get install -y chromium chromium-driver (.ci/run does)")
                .isTrue();
        downloads = Files.createTempDirectory("web-downloads");
        profile = Files.createTempDirectory("web-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900",
                        "--user-data-dir=" + profile)
                .setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
