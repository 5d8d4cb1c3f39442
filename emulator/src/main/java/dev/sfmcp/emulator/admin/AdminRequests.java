package dev.sfmcp.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgRegistry;
import io.javalin.http.Context;
import java.io.IOException;

/** What every admin route reads the same way: a JSON object body, and the org named by the {@code {org}} path segment. */
final class AdminRequests {

    private AdminRequests() {
    }

    /** The body as a JSON object, or a 400 that says what is wrong with it. */
    static JsonNode object(Context ctx, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new AdminRequestException("the request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new AdminRequestException("the request body is not valid JSON");
        }
    }

    /** The org of the {@code {org}} path segment, by My Domain or Id, or a 404. */
    static Org org(Context ctx, OrgRegistry orgs) {
        String key = ctx.pathParam("org");
        return orgs.byKey(key).orElseThrow(() -> new AdminRequestException(404, "no org with My Domain or Id '" + key + "'"));
    }
}
