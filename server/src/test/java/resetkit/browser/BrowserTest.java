package resetkit.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import resetkit.client.model.CredentialCheck;
import resetkit.client.model.PasswordResetRequest;
import resetkit.testing.IntegrationTest;
import resetkit.testing.Mailbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The people-facing pages in a real browser: Debian's chromium, headless, driven by Selenium
 * through Debian's chromedriver (nothing is downloaded). Skipped when chromium is not installed
 * (apt-get install -y chromium chromium-driver). Screenshots go to target/screenshots.
 */
@MicronautTest(transactional = false)
class BrowserTest extends IntegrationTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NEW = "a brand new password 2";
    /** the hosted page answers a refused form or a used link with 400, and the browser logs that */
    private static final Pattern REFUSAL = Pattern.compile("/reset(\\?\\S*)? - Failed to load resource: the server responded with a status of 400");

    private final int port = Mailbox.freePort();
    private Path profile;
    private WebDriver browser;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.server.port", String.valueOf(port),
                "resetkit.public.url", "http://127.0.0.1:" + port);
    }

    @BeforeAll
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        // a known driver and binary: Selenium Manager has nothing to look up or download
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("resetkit-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void forgetEarlierConsoleMessages() {
        browser.manage().logs().get(LogType.BROWSER);
    }

    @Test
    void theDocsListEveryOperationOfTheContract() throws Exception {
        String contract = get("/openapi.yaml", Map.of()).body();
        long operations = Pattern.compile("^\\s+operationId:", Pattern.MULTILINE).matcher(contract).results().count();

        browser.get(server.getURL() + "/docs");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
        List<WebElement> listed = browser.findElements(By.cssSelector(".opblock"));
        screenshot("docs.png");

        assertEquals(operations, listed.size(), "every operation of /openapi.yaml is listed");
        String page = browser.findElement(By.id("swagger-ui")).getText();
        assertTrue(page.contains("/v1/password-resets"), page);
        assertTrue(page.contains("/admin/v1/tenants/{tenantId}/templates/preview"), page);
        for (String dialectPath : List.of("/auth/recover-biz_partner-password", "/v1/business/forgotPassword",
                "/timp/organizations/reset-password/", "/auth/lostPassword", "/auth/forgot-password")) {
            assertTrue(page.contains(dialectPath), dialectPath + " is listed");
        }
        assertTrue(browser.getCurrentUrl().endsWith("/docs"), browser.getCurrentUrl());
        assertNoPolicyViolations();
    }

    @Test
    void aPersonResetsThePasswordOnTheHostedPageFromTheMailedLink() throws Exception {
        TestTenant t = newTenant("browser@example.com", "the old password 1");
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        String link = Mailbox.link(mailbox.awaitMessage(t.email(), 1, Duration.ofSeconds(10)));
        assertTrue(link.startsWith("http://127.0.0.1:" + port + "/reset?token="), link);

        browser.get(link);
        assertEquals("Choose a new password", browser.getTitle());
        screenshot("hosted-form.png");

        fill("mistyped password 3", "mistyped password 4");
        assertTrue(browser.findElement(By.cssSelector("[role=alert]")).getText().contains("The two passwords do not match."));
        assertEquals("Error: choose a new password", browser.getTitle());
        screenshot("hosted-mismatch.png");

        fill("short", "short");
        assertTrue(browser.findElement(By.cssSelector("[role=alert]")).getText()
                .contains("The new password must be at least 12 characters long."));
        screenshot("hosted-policy.png");

        fill(NEW, NEW);
        assertEquals("Password changed", browser.findElement(By.tagName("h1")).getText());
        screenshot("hosted-done.png");
        assertEquals(t.accountId(), credentials().verifyCredentials(
                new CredentialCheck().identifier(t.email()).password(NEW), bearer(t.apiKey())).getAccountId());
        assertNoPolicyViolations();

        browser.get(link);
        assertEquals("This link is invalid or has expired", browser.findElement(By.tagName("h1")).getText());
        screenshot("hosted-used-link.png");
    }

    /** Types into the labelled fields (as a person finds them) and submits with the button. */
    private void fill(String password, String confirmation) {
        WebElement first = browser.findElement(By.id(browser.findElement(By.xpath("//label[text()='New password']")).getAttribute("for")));
        WebElement second = browser.findElement(By.id(browser.findElement(By.xpath("//label[text()='New password again']")).getAttribute("for")));
        first.sendKeys(password);
        second.sendKeys(confirmation);
        WebElement button = browser.findElement(By.cssSelector("button[type=submit]"));
        button.click();
        new WebDriverWait(browser, WAIT).until(driver -> replaced(button));
    }

    /**
     * Whether the page holding the element was replaced. Chrome reports an element of a page being
     * replaced as stale, or, mid-navigation, as a node that "does not belong to the document".
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException gone) {
            return true;
        }
    }

    /** Nothing was blocked by a Content-Security-Policy and nothing failed, except the page's deliberate 400 refusals. */
    private void assertNoPolicyViolations() {
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER).getAll()) {
            String message = entry.getMessage();
            assertTrue(!message.contains("Content Security Policy") && !message.contains("Refused to"), "CSP blocked something: " + message);
            boolean refusal = REFUSAL.matcher(message).find();
            assertTrue(refusal || entry.getLevel().intValue() < Level.SEVERE.intValue(), "browser console error: " + message);
        }
    }

    private void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name), png);
    }
}
