package dev.sfmcp.emulator.http;

import io.javalin.http.Context;

/**
 * The absolute base URL clients use to reach the emulator: the configured public URL, or the one the request shows
 * through X-Forwarded-Proto/Host/Port and Host, so that discovery documents are right behind Docker's port mapping
 * or a reverse proxy.
 */
public final class BaseUrl {

    private BaseUrl() {
    }

    /** The base URL without a trailing slash, e.g. {@code http://localhost:8080}. */
    public static String of(Context ctx, String configuredPublicUrl) {
        if (configuredPublicUrl != null) {
            return configuredPublicUrl;
        }
        String proto = first(ctx.header("X-Forwarded-Proto"));
        if (proto == null) {
            proto = ctx.scheme();
        }
        String host = first(ctx.header("X-Forwarded-Host"));
        if (host == null) {
            host = ctx.header("Host");
        }
        if (host == null || host.isBlank()) {
            host = ctx.host();
        }
        String forwardedPort = first(ctx.header("X-Forwarded-Port"));
        if (forwardedPort != null && !hasPort(host) && !isDefaultPort(proto, forwardedPort)) {
            host = host + ":" + forwardedPort;
        }
        return proto.toLowerCase() + "://" + host;
    }

    private static String first(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return null;
        }
        int comma = headerValue.indexOf(',');
        return (comma >= 0 ? headerValue.substring(0, comma) : headerValue).trim();
    }

    private static boolean hasPort(String host) {
        int bracket = host.lastIndexOf(']');
        return host.indexOf(':', bracket + 1) >= 0;
    }

    private static boolean isDefaultPort(String proto, String port) {
        return ("https".equalsIgnoreCase(proto) && "443".equals(port)) || ("http".equalsIgnoreCase(proto) && "80".equals(port));
    }
}
