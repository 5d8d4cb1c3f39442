package dev.sfmcp.emulator.admin;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /_emulator/openapi.json}: the OpenAPI 3.1 document of the admin API, a checked-in resource that a test
 * compares with the routes actually registered, so that it cannot drift. Behind the admin key like the rest.
 */
public final class OpenApiRoutes {

    /** Where the document lives on the classpath. */
    public static final String RESOURCE = "/dev/sfmcp/emulator/admin/openapi.json";

    private OpenApiRoutes() {
    }

    public static void register(RoutesConfig routes) {
        String document = document();
        routes.get("/_emulator/openapi.json", ctx -> ctx.contentType("application/json").result(document));
    }

    /** The document's text. */
    public static String document() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the admin API's OpenAPI document " + RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
