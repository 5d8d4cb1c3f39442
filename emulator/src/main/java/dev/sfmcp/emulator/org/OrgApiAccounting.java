package dev.sfmcp.emulator.org;

import dev.sfmcp.emulator.tools.ApiAccounting;
import dev.sfmcp.emulator.tools.RestResource;
import dev.sfmcp.emulator.tools.ToolCall;
import dev.sfmcp.fixtures.app.ExternalClientApp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** An org's accounting of tool calls: its quota and its ApiTotalUsage event log. */
final class OrgApiAccounting implements ApiAccounting {

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
        org.eventLog().record(new ApiUsageEvent(clock.instant(), UUID.randomUUID().toString().replace("-", "").substring(0, 22),
                org.id(), call.principal().userId(), call.principal().username(), apiVersion, resource.httpMethod(), statusCode,
                call.clientName(), call.clientIp(), app.map(a -> appId(org, a)).orElse(null), app.map(ExternalClientApp::label).orElse(null),
                resource.path(), resource.entity(), countedAgainstLimit));
    }

    /** A stable {@code 0H4} Id for an app, derived from its consumer key (the real Id is assigned by Salesforce). */
    static String appId(Org org, ExternalClientApp app) {
        String digits = String.format("%09d", Math.floorMod(app.consumerKey().hashCode(), 1_000_000_000));
        return dev.sfmcp.soql.id.SalesforceId.to18("0H4" + org.id().substring(3, 6) + digits);
    }
}
