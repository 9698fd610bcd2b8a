package org.myotrack.support;

import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium for the browser tests, from Debian's {@code chromium} and {@code chromium-driver} packages:
 * the binary and the driver are named explicitly, so Selenium Manager never runs and nothing is downloaded.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    /** Skips the calling test class, saying why, on a machine without the browser packages. */
    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: they need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "); install them with: apt-get install -y chromium chromium-driver");
    }

    /**
     * A headless browser window of 1280 × 900 CSS pixels. With the browser binary and the driver both given,
     * Selenium has nothing to look up, so Selenium Manager is never started (it would try to download them).
     */
    public static WebDriver start() {
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-GB", "--hide-scrollbars", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 900));
        return browser;
    }

    /** Fetches a page-relative address with the browser's cookies, as the browser's own download would. */
    public static HttpResponse<byte[]> fetch(WebDriver browser, URI base, String path) throws IOException, InterruptedException {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookies).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The value of one of the browser's cookies, or null. */
    public static String cookie(WebDriver browser, String name) {
        Cookie cookie = browser.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }
}
