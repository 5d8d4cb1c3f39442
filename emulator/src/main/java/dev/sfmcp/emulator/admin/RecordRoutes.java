package dev.sfmcp.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.emulator.http.RestErrorBody;
import dev.sfmcp.emulator.org.OrgRegistry;
import dev.sfmcp.emulator.org.RecordAccess;
import dev.sfmcp.emulator.org.SystemRecords;
import dev.sfmcp.security.explain.AccessExplanation;
import dev.sfmcp.security.sharing.ShareRow;
import dev.sfmcp.security.view.AccessGrant;
import dev.sfmcp.soql.SalesforceError;
import dev.sfmcp.soql.SalesforceException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Records as the system, bypassing access, to arrange a test: {@code GET|PATCH|DELETE
 * /_emulator/orgs/{org}/sobjects/{object}/{id}}, {@code POST /_emulator/orgs/{org}/sobjects/{object}} and
 * {@code GET /_emulator/orgs/{org}/query?q=}; the engine's errors come in the REST error array with REST's status.
 * And "who can see this record and why": {@code GET .../sobjects/{object}/{id}/access[?user=username]}.
 */
public final class RecordRoutes {

    private static final String RECORD = "/_emulator/orgs/{org}/sobjects/{object}/{id}";

    private final OrgRegistry orgs;
    private final ObjectMapper json;

    public RecordRoutes(OrgRegistry orgs, ObjectMapper json) {
        this.orgs = orgs;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get(RECORD, rest(ctx -> {
            String fields = ctx.queryParam("fields");
            List<String> list = fields == null || fields.isBlank() ? List.of()
                    : Arrays.stream(fields.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
            answer(ctx, 200, records(ctx).retrieve(ctx.pathParam("object"), ctx.pathParam("id"), list));
        }));
        routes.post("/_emulator/orgs/{org}/sobjects/{object}", rest(ctx ->
                answer(ctx, 201, records(ctx).create(ctx.pathParam("object"), body(ctx)))));
        routes.patch(RECORD, rest(ctx -> {
            records(ctx).update(ctx.pathParam("object"), ctx.pathParam("id"), body(ctx));
            ctx.status(204);
        }));
        routes.delete(RECORD, rest(ctx -> {
            records(ctx).delete(ctx.pathParam("object"), ctx.pathParam("id"));
            ctx.status(204);
        }));
        routes.get("/_emulator/orgs/{org}/query", rest(ctx -> {
            String q = ctx.queryParam("q");
            if (q == null || q.isBlank()) {
                throw new SalesforceException(SalesforceError.of("MALFORMED_QUERY", "A query string has to be specified"));
            }
            answer(ctx, 200, records(ctx).query(q));
        }));
        routes.get(RECORD + "/access", rest(this::access));
    }

    private SystemRecords records(Context ctx) {
        return SystemRecords.of(AdminRequests.org(ctx, orgs));
    }

    /** The engine's errors as REST renders them; the admin API's own refusals (unknown org) keep their shape. */
    private static Handler rest(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (SalesforceException e) {
                ctx.status(e.httpStatus()).contentType("application/json").result(RestErrorBody.of(e.errors()).toString());
            }
        };
    }

    private static void answer(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(body.toString());
    }

    /** The request body as REST reads it: a JSON object, or REST's JSON_PARSER_ERROR. */
    private JsonNode body(Context ctx) {
        try {
            JsonNode node = json.readTree(ctx.body());
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // answered below, as REST does
        }
        throw new SalesforceException(SalesforceError.of("JSON_PARSER_ERROR",
                "The request body must be a JSON object with the record's field values"));
    }

    private void access(Context ctx) {
        SystemRecords records = records(ctx);
        String object = ctx.pathParam("object");
        String id = ctx.pathParam("id");
        String user = ctx.queryParam("user");
        if (user != null) {
            answer(ctx, 200, view(records.explain(user, object, id)));
            return;
        }
        ObjectNode body = json.createObjectNode();
        body.put("sobject", object);
        body.put("recordId", id);
        ArrayNode users = body.putArray("users");
        records.whoCanAccess(object, id).forEach(a -> users.add(view(a)));
        answer(ctx, 200, body);
    }

    /** One user's line: the highest access and, per level, the grants that give it, with the share rows involved. */
    private ObjectNode view(RecordAccess access) {
        AccessExplanation why = access.explanation();
        ObjectNode node = json.createObjectNode();
        node.put("userId", access.userId());
        node.put("username", access.username());
        node.put("profile", access.profile());
        node.put("role", access.role());
        node.put("access", access.maxAccess() == null ? "NONE" : access.maxAccess().name());
        node.put("objectReadable", why.objectReadable());
        ObjectNode grants = node.putObject("why");
        grants.set("read", grants(why.readGrants()));
        grants.set("edit", grants(why.editGrants()));
        grants.set("all", grants(why.allGrants()));
        ArrayNode rows = node.putArray("shareRows");
        for (ShareRow row : why.shareRows()) {
            ObjectNode r = rows.addObject();
            r.put("userOrGroupId", row.userOrGroupId());
            r.put("accessLevel", row.accessLevel().name());
            r.put("rowCause", row.rowCause());
        }
        return node;
    }

    private ArrayNode grants(List<AccessGrant> list) {
        ArrayNode out = json.createArrayNode();
        for (AccessGrant g : list) {
            ObjectNode n = out.addObject();
            n.put("reason", g.reason().name());
            n.put("detail", g.detail());
        }
        return out;
    }
}
