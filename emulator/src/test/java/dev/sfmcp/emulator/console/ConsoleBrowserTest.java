package dev.sfmcp.emulator.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import dev.sfmcp.emulator.oauth.OAuthTestClient;
import dev.sfmcp.fixtures.app.ExternalClientApp;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.Color;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in real headless Chromium (Debian's chromium and chromedriver, driven by Selenium WebDriver): a login
 * through the OAuth pages started by a real loopback client, server activation, app creation with a copied snippet,
 * a revocation the MCP Java SDK feels as 401, and the live journal. Screenshots of every main page are saved under
 * {@code target/console-screenshots/}. Without chromium the tests skip, unless {@code SFMCP_REQUIRE_BROWSER=true}.
 */
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SFMCP_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("SFMCP_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final String ORG = "/_console/orgs/acme/";

    static Emulator emulator;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "the console's browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian: apt-get install chromium chromium-driver)";
            if (Boolean.parseBoolean(System.getenv("SFMCP_REQUIRE_BROWSER"))) {
                fail(why + ", and SFMCP_REQUIRE_BROWSER=true");
            }
            Assumptions.abort(why + "; skipped");
        }
        Files.createDirectories(SCREENSHOTS);
        emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0")).start();
        // the driver's path is given, so Selenium Manager (which downloads drivers, and cannot here) never runs
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1600,1100", "--force-device-scale-factor=1");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @BeforeEach
    void freshBrowserState() {
        driver.manage().deleteAllCookies();
    }

    static void open(String path) {
        driver.get(emulator.localBaseUrl() + path);
    }

    static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    static McpSyncClient mcp(String token) {
        return AgentConnection.sobjectAll(emulator.localBaseUrl(), token);
    }

    @Test
    void aRealClientsLoginGoesThroughTheStyledLoginAndApprovalPages() throws Exception {
        try (LoopbackOAuthClient client = new LoopbackOAuthClient("browser-login-client")) {
            emulator.orgs().byKey("acme").orElseThrow().apps().install(ExternalClientApp.builder("browser-login-client")
                    .label("Browser Login Client").callbackUrls(client.callbackUrl()).build());
            String loginHost = emulator.localBaseUrl() + "/login";
            driver.get(client.authorizeUrl(loginHost));
            WebElement username = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            assertEquals("#0176d3", Color.fromString(driver.findElement(By.id("Login")).getCssValue("background-color")).asHex(),
                    "the login page wears the console's brand colour");
            username.sendKeys("manager@acme.example");
            driver.findElement(By.id("password")).sendKeys("emulator");
            screenshot("01-login");
            driver.findElement(By.id("Login")).click();
            waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("oaapprove")));
            assertTrue(driver.findElement(By.id("scopes")).getText().contains("Access Salesforce hosted MCP servers"));
            screenshot("02-allow-access");
            driver.findElement(By.id("oaapprove")).click();
            waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
            assertTrue(driver.getCurrentUrl().startsWith(client.callbackUrl()), driver.getCurrentUrl());

            String token = client.accessToken(loginHost);
            McpSyncClient mcp = mcp(token);
            mcp.initialize();
            McpSchema.CallToolResult me = mcp.callTool(new McpSchema.CallToolRequest("getUserInfo", Map.of()));
            assertTrue(String.valueOf(me.structuredContent()).contains("manager@acme.example"), String.valueOf(me.structuredContent()));
            mcp.closeGracefully();
        }
    }

    @Test
    void activatingAServerOnTheServersPageTurnsItsBadgeActive() throws IOException {
        var servers = emulator.orgs().byKey("acme").orElseThrow().servers();
        servers.deactivate("platform/sobject-deletes");
        open(ORG + "servers");
        WebElement row = driver.findElement(By.cssSelector("tr[data-server='platform/sobject-deletes']"));
        assertEquals("Inactive", row.findElement(By.cssSelector(".badge")).getText());
        row.findElement(By.xpath(".//button[text()='Activate']")).click();
        WebElement notice = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertEquals("platform/sobject-deletes is active.", notice.getText());
        assertEquals("Active", driver.findElement(By.cssSelector("tr[data-server='platform/sobject-deletes'] .badge")).getText());
        assertEquals("ACTIVE", servers.state("platform/sobject-deletes").name());
        screenshot("03-mcp-servers");
    }

    @Test
    void anAppCreatedInTheBrowserHasASnippetTheCopyButtonPutsOnTheClipboard() throws IOException {
        open(ORG + "apps");
        screenshot("04-external-client-apps");
        driver.findElement(By.id("new-app")).click();
        WebElement key = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("consumerKey")));
        key.clear();
        key.sendKeys("browser-made-app");
        driver.findElement(By.id("developerName")).clear();
        driver.findElement(By.id("developerName")).sendKeys("Browser_Made_App");
        WebElement label = driver.findElement(By.id("label"));
        label.clear();
        label.sendKeys("Trainer's Claude");
        driver.findElement(By.id("save-app")).click();
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("snippet-cursor")));
        assertEquals("Created Trainer's Claude.", driver.findElement(By.id("notice")).getText());
        String snippet = driver.findElement(By.id("snippet-cursor")).getText();
        assertTrue(snippet.contains("\"url\" : \"" + emulator.localBaseUrl() + "/platform/mcp/v1/platform/sobject-all\""), snippet);
        assertTrue(snippet.contains("\"CLIENT_ID\" : \"browser-made-app\""), snippet);

        // the clipboard is read back where the browser allows it; the copied element and the button's state always
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", emulator.localBaseUrl(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        driver.findElement(By.id("copy-snippet-cursor")).click();
        waitUpTo(5).until(ExpectedConditions.attributeToBe(By.id("copy-snippet-cursor"), "data-copied", "true"));
        assertEquals("Copied", driver.findElement(By.id("copy-snippet-cursor")).getText());
        assertEquals("snippet-cursor", driver.findElement(By.tagName("body")).getAttribute("data-last-copied"));
        Object clipboard = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, e => done('unreadable: ' + e));");
        assertEquals(snippet, String.valueOf(clipboard).strip(), "the clipboard holds the snippet");
        screenshot("05-app-detail-snippets");
        assertTrue(emulator.orgs().byKey("acme").orElseThrow().apps().effective("browser-made-app").isPresent());
    }

    @Test
    void revokingATokenOnOAuthUsageMakesTheClientsNextCallFailWith401() throws IOException {
        String token = new OAuthTestClient(emulator).accessToken("/login", "sfmcp-demo-client", "rep2@acme.example");
        McpSyncClient client = mcp(token);
        client.initialize();
        client.callTool(new McpSchema.CallToolRequest("getUserInfo", Map.of()));
        open(ORG + "oauth-usage");
        screenshot("06-oauth-usage");
        List<WebElement> rows = driver.findElements(By.cssSelector("tr[data-user='rep2@acme.example'][data-token^='at-']"));
        assertEquals(1, rows.size(), "rep2 holds one access token");
        rows.get(0).findElement(By.xpath(".//button[text()='Revoke']")).click();
        assertEquals("Revoked the token.", waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText());
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> client.callTool(new McpSchema.CallToolRequest("getUserInfo", Map.of())));
        assertInstanceOf(McpHttpClientTransportAuthorizationException.class, refused, "the gateway answers 401");
    }

    @Test
    void aToolCallAppearsInTheJournalPageWhileItIsOpen() throws IOException {
        open(ORG + "journal");
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("live-status"), "Live"));
        McpSyncClient client = mcp(new OAuthTestClient(emulator).accessToken("/login", "sfmcp-demo-client", "rep@acme.example"));
        client.initialize();
        client.callTool(new McpSchema.CallToolRequest("soqlQuery", Map.of("q", "SELECT Name FROM Account LIMIT 2")));
        client.callTool(new McpSchema.CallToolRequest("soqlQuery", Map.of("q", "SELECT Nope FROM Account")));
        WebElement failed = waitUpTo(15).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#journal-rows tr.error[data-tool='soqlQuery']")));
        WebElement ok = driver.findElement(By.cssSelector("#journal-rows tr.ok[data-tool='soqlQuery']"));
        assertEquals("#fddde3", Color.fromString(failed.findElement(By.tagName("td")).getCssValue("background-color")).asHex(),
                "errors in red");
        ok.findElement(By.tagName("summary")).click();
        assertTrue(ok.getText().contains("SELECT Name FROM Account LIMIT 2"), ok.getText());
        screenshot("07-request-journal");
        client.closeGracefully();
    }

    @Test
    void theOtherMainPagesRenderAndAreSavedAsScreenshots() throws IOException {
        McpSyncClient client = mcp(new OAuthTestClient(emulator).accessToken("/login", "sfmcp-demo-client", "admin@acme.example"));
        client.initialize();
        client.callTool(new McpSchema.CallToolRequest("soqlQuery", Map.of("q", "SELECT Name FROM Opportunity LIMIT 5")));
        client.closeGracefully();
        open(ORG + "users");
        driver.findElement(By.cssSelector("tr[data-user='rep@acme.example']")).findElement(By.xpath(".//button[text()='View as']")).click();
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("objects")));
        assertEquals("Viewing as rep@acme.example", driver.findElement(By.id("view-as")).getText());
        screenshot("08-data-objects");
        open(ORG + "users");
        screenshot("09-users");
        open(ORG + "data/Opportunity");
        screenshot("10-data-records");
        driver.findElement(By.cssSelector("#records tbody tr a")).click();
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("explanation")));
        screenshot("11-record-why");
        open(ORG + "event-log-files");
        assertTrue(driver.findElements(By.cssSelector("#events tbody tr")).size() >= 1);
        screenshot("12-event-log-files");
        open(ORG + "api-usage");
        assertTrue(driver.findElement(By.id("usage-chart")).isDisplayed());
        screenshot("13-api-usage");
        for (String name : new String[] {"01-login", "03-mcp-servers", "09-users", "13-api-usage"}) {
            File shot = SCREENSHOTS.resolve(name + ".png").toFile();
            assertTrue(!shot.exists() || shot.length() > 5_000, name + " is a real image");
        }
    }
}
