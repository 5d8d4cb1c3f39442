package dev.sfmcp.emulator.mcp;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The Origin rule of the 2025-11-25 transport: a request without Origin (a non-browser client) passes; a browser
 * Origin passes when it is a loopback origin, the configured public URL's origin, or configured; any other is
 * refused with 403 (DNS-rebinding protection).
 */
public final class OriginPolicy {

    private final Set<String> allowed;

    public OriginPolicy(Set<String> configuredOrigins, String publicUrl) {
        java.util.Set<String> all = new java.util.HashSet<>();
        configuredOrigins.forEach(o -> all.add(normalize(o)));
        if (publicUrl != null) {
            all.add(normalize(publicUrl));
        }
        this.allowed = Set.copyOf(all);
    }

    public boolean allows(String origin) {
        if (origin == null || origin.isBlank()) {
            return true;
        }
        String normalized = normalize(origin);
        if (allowed.contains(normalized)) {
            return true;
        }
        try {
            URI uri = URI.create(origin.trim());
            String host = uri.getHost();
            if (host == null) {
                return false;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                    || host.equals("[::1]") || host.equals("::1");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalize(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        try {
            URI uri = URI.create(o);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
            }
        } catch (IllegalArgumentException e) {
            // keep the raw text; it simply will not match a real Origin
        }
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
