package org.plasmicauthbridge.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's {@code /usr/bin/chromium}, headless, driven through {@code /usr/bin/chromedriver} with a new
 * empty profile, for browser tests. Selenium Manager is never asked for a driver or a browser, so
 * nothing is downloaded. A missing package fails the test with the command that installs it.
 *
 * <pre>{@code
 * try (HeadlessChromium chromium = HeadlessChromium.start()) {
 *     chromium.driver().get(url);
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final String BROWSER = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * Warns at every start that Selenium has no DevTools protocol classes for this Chromium version.
     * These tests use WebDriver only, never the DevTools protocol, so the warning is silenced. The
     * field keeps the logger, and with it the level, from being garbage-collected.
     */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts the browser.
     *
     * @throws IllegalStateException when chromium or chromedriver is not installed
     */
    public static HeadlessChromium start() {
        requireInstalled();
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
        // Selenium passes SE_* system properties to Selenium Manager, which then sends no usage
        // statistics. With the driver's path given, Selenium does not run Selenium Manager at all.
        System.setProperty("SE_AVOID_STATS", "true");
        Path profile = createProfile();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        try {
            return new HeadlessChromium(new ChromeDriver(service, options(profile)), profile);
        } catch (RuntimeException failure) {
            delete(profile);
            throw failure;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Waits up to 20 seconds until the condition returns a value other than null or false.
     *
     * @throws AssertionError naming the expectation and the page the browser shows instead
     */
    public <T> T await(String expectation, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Waited " + WAIT.toSeconds() + " s for " + expectation
                    + ", but the browser shows " + currentPage());
        }
    }

    /** Waits until the page shows an element that matches, and returns it. */
    public WebElement await(By locator) {
        return await("an element " + locator, ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the browser is at exactly this URL. */
    public void awaitUrl(String url) {
        await("the URL " + url, browser -> url.equals(browser.getCurrentUrl()));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    /**
     * Describes the current page by its URL without query or fragment, which may hold an authorization
     * code or state, and its title.
     */
    private String currentPage() {
        String url = driver.getCurrentUrl();
        return (url == null ? "no page" : url.replaceFirst("[?#].*", "")) + " titled '" + driver.getTitle() + "'";
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                // Test servers listen on loopback and are reached as 127.0.0.1 or localhost. Any
                // other host name (a web font on a provider's page, a browser service, an app
                // origin that only appears in configuration) fails instead of reaching the network.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
                "--user-data-dir=" + profile);
        return options;
    }

    private static void requireInstalled() {
        for (String path : new String[] {BROWSER, DRIVER}) {
            if (!Files.isExecutable(Path.of(path))) {
                throw new IllegalStateException(path + " is missing. Browser tests drive Debian's chromium; "
                        + "install it with: apt-get install chromium chromium-driver");
            }
        }
    }

    private static Path createProfile() {
        try {
            return Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to create a profile directory for chromium", e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A leftover profile in the temporary directory affects no later test.
        }
    }
}
