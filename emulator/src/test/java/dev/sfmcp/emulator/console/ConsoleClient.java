package dev.sfmcp.emulator.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cookie-keeping HTTP stand-in for a browser on the console: GETs pages, and POSTs forms with the page's CSRF token. */
final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">");

    private final String baseUrl;
    final Map<String, String> cookies = new LinkedHashMap<>();

    ConsoleClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    RequestSpecification http() {
        // redirects carry encoded query strings (the notice): send them as they are, as a browser does
        return given().baseUri(baseUrl).urlEncodingEnabled(false).cookies(cookies)
                .config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)));
    }

    Response get(String path) {
        return keep(http().get(path));
    }

    /** GETs {@code page} for its CSRF token, then POSTs {@code fields} with it to {@code action}. */
    Response post(String page, String action, Map<String, String> fields) {
        Response form = get(page);
        Matcher m = CSRF.matcher(form.asString());
        assertTrue(m.find(), "the page " + page + " carries a CSRF token: " + form.asString());
        Map<String, String> body = new LinkedHashMap<>(fields);
        body.put("_csrf", m.group(1));
        return keep(http().urlEncodingEnabled(true).contentType("application/x-www-form-urlencoded; charset=utf-8").formParams(body)
                .post(action));
    }

    private Response keep(Response r) {
        r.getDetailedCookies().asList().forEach(c -> {
            if (c.getMaxAge() == 0) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
        return r;
    }
}
