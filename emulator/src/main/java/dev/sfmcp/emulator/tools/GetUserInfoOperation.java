package dev.sfmcp.emulator.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * getUserInfo: the live shape {@code {"identity":{...},"userTimeAndLocale":{...}}}, on the emulator's clock in the
 * user's time zone; {@code localTimeIso} is neither ISO-8601 nor local on the real service ("6 Sep 2026, 06:24 PM UTC"
 * for a Los Angeles user whose humanReadableTime is "Sunday, 11:24 AM"), and the emulator prints it the same way.
 */
public final class GetUserInfoOperation implements ContextualOperation {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("EEEE, h:mm a", Locale.US);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("d MMM yyyy, hh:mm a", Locale.US);

    @Override
    public ToolResult run(ToolCall call, ToolContext context) {
        CallerIdentity who = context.caller();
        ZoneId zone = ZoneId.of(who.timeZone());
        ZonedDateTime now = ZonedDateTime.ofInstant(context.clock().instant(), zone);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ObjectNode identity = result.putObject("identity");
        identity.put("companyName", who.companyName());
        identity.put("displayName", who.displayName());
        identity.put("email", who.email());
        identity.put("firstName", who.firstName());
        identity.put("isActive", who.active());
        identity.put("lastName", who.lastName());
        identity.put("managerName", who.managerName());
        identity.put("profileId", who.profileId());
        identity.put("profileName", who.profileName());
        identity.put("roleName", who.roleName());
        identity.put("userId", who.userId());
        identity.put("username", who.username());
        ObjectNode time = result.putObject("userTimeAndLocale");
        time.put("humanReadableTime", now.format(HUMAN));
        // the live service prints this one in UTC whatever the user's zone ("6 Sep 2026, 06:24 PM UTC" beside "11:24 AM")
        time.put("localTimeIso", ZonedDateTime.ofInstant(context.clock().instant(), java.time.ZoneOffset.UTC).format(LOCAL) + " UTC");
        time.put("localeCode", who.locale());
        time.put("timeZoneIana", who.timeZone());
        return ToolResult.success(result);
    }
}
