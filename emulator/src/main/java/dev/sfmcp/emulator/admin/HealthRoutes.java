package dev.sfmcp.emulator.admin;

import io.javalin.config.RoutesConfig;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /_emulator/health}: always open, even when an admin key protects the rest of the admin API. */
public final class HealthRoutes {

    private HealthRoutes() {
    }

    public static void register(RoutesConfig routes, String version) {
        routes.get("/_emulator/health", ctx -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "UP");
            body.put("version", version);
            body.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
            ctx.json(body);
        });
    }
}
