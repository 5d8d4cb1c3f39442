package dev.sfmcp.emulator.org;

import dev.sfmcp.emulator.http.Environment;
import dev.sfmcp.fixtures.app.ExternalClientApp;
import dev.sfmcp.fixtures.definition.OrgSettings;
import dev.sfmcp.fixtures.org.LoadedOrg;
import dev.sfmcp.security.user.User;
import java.time.Clock;
import java.time.Duration;

/** Turns a fixture-loaded org into the emulator's {@link Org}: its apps, servers, users and quota. */
public final class OrgAssembly {

    private OrgAssembly() {
    }

    public static Org of(LoadedOrg loaded, Clock clock, int signingKeyBits) {
        OrgSettings settings = loaded.settings();
        Environment environment = switch (settings.environment()) {
            case sandbox -> Environment.SANDBOX;
            case scratch -> Environment.SCRATCH;
            case developer -> Environment.DEVELOPER;
            default -> Environment.PRODUCTION;
        };
        String myDomain = settings.sandboxName() != null && environment == Environment.SANDBOX
                && !settings.myDomain().contains("--") ? settings.myDomain() + "--" + settings.sandboxName() : settings.myDomain();
        Duration sessionTimeout = Duration.ofMinutes(settings.sessionTimeoutMinutes() > 0 ? settings.sessionTimeoutMinutes() : 120);
        Org org = Org.builder(settings.id(), settings.name(), myDomain)
                .environment(environment)
                .instanceName(settings.instance() == null ? "NA224" : settings.instance())
                .sessionTimeout(sessionTimeout)
                .signingKeyBits(signingKeyBits)
                .activeServers(loaded.activeServers())
                .apiRequestLimit(settings.dailyApiRequests())
                .data(loaded)
                .catalogVariant(settings.catalogVariant())
                .build(clock);
        for (ExternalClientApp app : loaded.externalClientApps()) {
            org.apps().install(app);
        }
        for (User user : loaded.users()) {
            org.putUser(new SecurityModelUser(loaded, user, sessionTimeout));
        }
        return org;
    }
}
