package dev.sfmcp.emulator.org;

import dev.sfmcp.emulator.tools.ApiAccounting;
import dev.sfmcp.emulator.tools.RestResource;
import dev.sfmcp.emulator.tools.ToolCall;
import dev.sfmcp.fixtures.app.ExternalClientApp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** An org's accounting of tool calls: its quota and its ApiTotalUsage event log. */
final class OrgApiAccounting implements ApiAccounting {

    /** App Ids by org Id and consumer key: derived once, not per call (few apps, so the map stays small). */
    private static final Map<String, String> APP_IDS = new ConcurrentHashMap<>();

    private final Org org;
    private final Clock clock;
    private final String apiVersion;

    OrgApiAccounting(Org org, Clock clock, String apiVersion) {
        this.org = org;
        this.clock = clock;
        this.apiVersion = apiVersion;
    }

    @Override
    public boolean charge() {
        return org.quota().tryCharge();
    }

    @Override
    public void record(ToolCall call, RestResource resource, int statusCode, boolean countedAgainstLimit) {
        String clientId = call.principal().clientId();
        Optional<ExternalClientApp> app = clientId == null ? Optional.empty() : org.apps().latest(clientId);
        org.eventLog().record(new ApiUsageEvent(clock.instant(), requestId(),
                org.id(), call.principal().userId(), call.principal().username(), apiVersion, resource.httpMethod(), statusCode,
                call.clientName(), call.clientIp(), app.map(a -> appId(org, a)).orElse(null), app.map(ExternalClientApp::label).orElse(null),
                resource.path(), resource.entity(), countedAgainstLimit));
    }

    /** 22 random hex digits; not a UUID: the request id needs no SecureRandom, and the hot path no lock. */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong()).substring(0, 6);
    }

    /** A stable {@code 0H4} Id for an app, derived from its consumer key (the real Id is assigned by Salesforce). */
    static String appId(Org org, ExternalClientApp app) {
        return APP_IDS.computeIfAbsent(org.id() + '/' + app.consumerKey(), k -> deriveAppId(org, app));
    }

    private static String deriveAppId(Org org, ExternalClientApp app) {
        String digits = String.format("%09d", Math.floorMod(app.consumerKey().hashCode(), 1_000_000_000));
        return dev.sfmcp.soql.id.SalesforceId.to18("0H4" + org.id().substring(3, 6) + digits);
    }
}
