package dev.sfmcp.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgRegistry;
import dev.sfmcp.emulator.tools.ToolCatalog;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The tool catalog variant of one org, readable and changeable while the emulator runs, so a test can play the
 * catalog its client meets:
 * <ul>
 *   <li>{@code GET /_emulator/orgs/{org}/catalog}: {@code {"variant":"ga","variants":["ga","live-9","legacy"]}}</li>
 *   <li>{@code PUT /_emulator/orgs/{org}/catalog} {@code {"variant":"live-9"}}: MCP sessions opened from now on serve
 *       it; open sessions keep the variant they started with (their tools/list promised {@code listChanged: false})</li>
 * </ul>
 */
public final class CatalogRoutes {

    private final OrgRegistry orgs;
    private final ToolCatalog catalog;
    private final ObjectMapper json;

    public CatalogRoutes(OrgRegistry orgs, ToolCatalog catalog, ObjectMapper json) {
        this.orgs = orgs;
        this.catalog = catalog;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/_emulator/orgs/{org}/catalog", ctx -> ctx.json(view(AdminRequests.org(ctx, orgs))));
        routes.put("/_emulator/orgs/{org}/catalog", this::put);
    }

    private void put(Context ctx) {
        Org org = AdminRequests.org(ctx, orgs);
        JsonNode variant = AdminRequests.object(ctx, json).get("variant");
        if (variant == null || !variant.isTextual() || !catalog.variantNames().contains(variant.asText())) {
            throw new AdminRequestException("'variant' must be one of " + catalog.variantNames()
                    + (variant == null ? "" : ", not " + variant));
        }
        org.setCatalogVariant(variant.asText());
        ctx.json(view(org));
    }

    private ObjectNode view(Org org) {
        ObjectNode node = json.createObjectNode();
        node.put("org", org.myDomain());
        node.put("variant", org.catalogVariant().orElse(null));
        var variants = node.putArray("variants");
        catalog.variantNames().forEach(variants::add);
        return node;
    }
}
