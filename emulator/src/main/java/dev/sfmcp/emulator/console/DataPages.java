package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.html.Markup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.emulator.org.RecordAccess;
import dev.sfmcp.emulator.org.SystemRecords;
import dev.sfmcp.fixtures.org.LoadedOrg;
import dev.sfmcp.security.explain.AccessExplanation;
import dev.sfmcp.security.sharing.ShareRow;
import dev.sfmcp.security.user.User;
import dev.sfmcp.security.view.AccessGrant;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Data, as the console's view-as user sees it: the objects they can query with their record counts, an object's
 * records, and one record's fields with "why can this user see it?" and "who can?" from the security model's
 * explainer. Everything goes through the engine as that user, so an invisible record is simply absent and an
 * invisible field simply missing, exactly as an MCP tool call would find them.
 */
final class DataPages {

    /** Columns worth showing beside the name, when the object has them and the user may read them. */
    private static final List<String> USEFUL_FIELDS = List.of("AccountId", "StageName", "Amount", "CloseDate", "Email", "Title",
            "Status", "Industry", "Priority", "Subject", "ActivityDate", "OwnerId");
    private static final int PAGE = 200;

    private DataPages() {
    }

    static String objects(ConsoleContext c) {
        LoadedOrg data = c.data();
        User user = viewer(c);
        AccessView view = data.security().viewFor(user.id());
        Markup m = new Markup();
        m.element("h1", "Data");
        viewerLine(m, c, user);
        m.open("table", "id", "objects").open("thead").open("tr").element("th", "Object").element("th", "API name")
                .element("th", "Records " + user.username() + " sees").close("tr").close("thead").open("tbody");
        List<JsonNode> sobjects = new ArrayList<>();
        data.engine().describeGlobal(view).path("sobjects").forEach(sobjects::add);
        sobjects.sort(Comparator.comparing(n -> n.path("label").asText()));
        for (JsonNode o : sobjects) {
            if (!o.path("queryable").asBoolean(true)) {
                continue;
            }
            String name = o.path("name").asText();
            m.open("tr", "data-sobject", name);
            m.open("td").element("a", o.path("label").asText(name), "href", c.path("data/" + ConsoleContext.encode(name))).close("td");
            m.open("td").element("code", name).close("td");
            m.element("td", count(data, view, name));
            m.close("tr").newline();
        }
        m.close("tbody").close("table");
        return ConsoleLayout.page(c, Section.DATA, "Data", m);
    }

    /** One object as the view-as user sees it: the org's data, the user, their view and the object's describe. */
    private record ObjectAsUser(LoadedOrg data, User user, AccessView view, ObjectNode describe, String sObject) {

        static ObjectAsUser of(ConsoleContext c) {
            LoadedOrg data = c.data();
            User user = viewer(c);
            AccessView view = data.security().viewFor(user.id());
            ObjectNode describe = DataPages.describe(data, view, c.ctx.pathParam("sobject"));
            return new ObjectAsUser(data, user, view, describe, describe.path("name").asText());
        }
    }

    static String records(ConsoleContext c) {
        ObjectAsUser o = ObjectAsUser.of(c);
        LoadedOrg data = o.data();
        User user = o.user();
        AccessView view = o.view();
        ObjectNode describe = o.describe();
        String sObject = o.sObject();
        String nameField = "Id";
        List<String> readable = new ArrayList<>();
        for (JsonNode f : describe.path("fields")) {
            if (f.path("nameField").asBoolean()) {
                nameField = f.path("name").asText();
            }
            readable.add(f.path("name").asText());
        }
        List<String> columns = new ArrayList<>();
        for (String f : USEFUL_FIELDS) {
            if (readable.contains(f) && columns.size() < 4) {
                columns.add(f);
            }
        }
        List<String> selected = new ArrayList<>(List.of("Id"));
        if (!nameField.equals("Id")) {
            selected.add(nameField);
        }
        selected.addAll(columns);
        // identifiers only come from the object's describe, never from the request: the engine compiles the query as the user
        String soql = "SELECT " + String.join(", ", selected) + " FROM " + sObject + " ORDER BY " + nameField + " LIMIT " + PAGE;
        ObjectNode result = data.engine().query(view, soql, false);
        Markup m = new Markup();
        m.open("p").element("a", "Data", "href", c.path("data")).text(" / " + sObject).close("p");
        m.element("h1", describe.path("labelPlural").asText(sObject));
        viewerLine(m, c, user);
        m.element("p", count(data, view, sObject) + " records visible; the first " + PAGE + " by " + nameField + " are listed. SOQL: "
                + soql, "class", "muted", "id", "soql");
        m.open("table", "id", "records").open("thead").open("tr");
        m.element("th", nameField.equals("Id") ? "Id" : nameField);
        m.element("th", "Id");
        columns.forEach(col -> m.element("th", col));
        m.close("tr").close("thead").open("tbody");
        for (JsonNode r : result.path("records")) {
            String id = r.path("Id").asText();
            m.open("tr", "data-id", id);
            m.open("td").element("a", nameField.equals("Id") ? id : r.path(nameField).asText(""), "href",
                    c.path("data/" + ConsoleContext.encode(sObject) + "/" + ConsoleContext.encode(id))).close("td");
            m.open("td").element("code", id).close("td");
            columns.forEach(col -> m.element("td", value(r.path(col))));
            m.close("tr").newline();
        }
        m.close("tbody").close("table");
        return ConsoleLayout.page(c, Section.DATA, sObject, m);
    }

    static String record(ConsoleContext c) {
        ObjectAsUser o = ObjectAsUser.of(c);
        LoadedOrg data = o.data();
        User user = o.user();
        String sObject = o.sObject();
        String id = c.ctx.pathParam("id");
        Markup m = new Markup();
        m.open("p").element("a", "Data", "href", c.path("data")).text(" / ")
                .element("a", sObject, "href", c.path("data/" + ConsoleContext.encode(sObject))).text(" / " + id).close("p");
        m.element("h1", sObject + " " + id);
        viewerLine(m, c, user);
        try {
            ObjectNode fields = data.engine().retrieve(o.view(), sObject, id, null);
            m.open("div", "class", "card").open("dl", "class", "fields", "id", "fields");
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getKey().equals("attributes")) {
                    m.element("dt", f.getKey()).element("dd", value(f.getValue()));
                }
            }
            m.close("dl").close("div");
        } catch (SalesforceException e) {
            m.element("div", user.username() + " gets " + e.error().errorCode() + ": " + e.error().message(), "class",
                    "notice problem", "role", "alert", "id", "problem");
        }
        explain(m, c, data, sObject, id, user);
        return ConsoleLayout.page(c, Section.DATA, sObject + " " + id, m);
    }

    private static void explain(Markup m, ConsoleContext c, LoadedOrg data, String sObject, String id, User viewer) {
        String whyName = c.ctx.queryParam("why");
        String why = whyName == null ? viewer.username() : whyName;
        SystemRecords records = SystemRecords.of(c.org);
        RecordAccess access = records.explain(why, sObject, id);
        AccessExplanation explanation = access.explanation();
        m.open("div", "class", "page-header").element("h2", "Why can " + access.username() + " see this record?");
        m.open("form", "method", "get", "action", c.ctx.path(), "class", "actions");
        m.element("label", "Explain for", "for", "why");
        m.open("select", "name", "why", "id", "why");
        for (User u : data.security().users().stream().sorted(Comparator.comparing(User::username)).toList()) {
            m.element("option", u.username(), "value", u.username(), "selected", u.id().equals(access.userId()) ? "selected" : null);
        }
        m.close("select").element("button", "Explain", "type", "submit").close("form").close("div");
        m.open("div", "class", "card explain", "id", "explanation");
        if (!explanation.objectReadable()) {
            m.element("p", access.username() + " has no Read permission on " + sObject
                    + " (profile and permission sets): no sharing can help.");
        } else if (!explanation.canRead()) {
            m.element("p", access.username() + " cannot see this record: no grant reaches it.");
        } else {
            m.open("p").text(access.username() + "'s access: ")
                    .element("span", explanation.maxAccess().name(), "class", "badge ok", "id", "max-access").close("p");
            grants(m, "Read through", explanation.readGrants());
            grants(m, "Edit through", explanation.editGrants());
            grants(m, "Full access through", explanation.allGrants());
        }
        if (!explanation.shareRows().isEmpty()) {
            m.element("h3", "Share rows involved");
            m.open("table").open("thead").open("tr").element("th", "User or group").element("th", "Access").element("th", "Row cause")
                    .close("tr").close("thead").open("tbody");
            for (ShareRow row : explanation.shareRows()) {
                m.open("tr").element("td", principal(data, row.userOrGroupId())).element("td", row.accessLevel().name())
                        .element("td", row.rowCause()).close("tr");
            }
            m.close("tbody").close("table");
        }
        m.close("div");
        m.element("h2", "Who can see this record?");
        m.open("table", "id", "who").open("thead").open("tr").element("th", "User").element("th", "Profile").element("th", "Role")
                .element("th", "Highest access").close("tr").close("thead").open("tbody");
        for (RecordAccess a : records.whoCanAccess(sObject, id)) {
            m.open("tr", "data-user", a.username()).element("td", a.username()).element("td", a.profile()).element("td", a.role());
            m.open("td").element("span", a.maxAccess() == null ? "None" : a.maxAccess().name(), "class",
                    a.maxAccess() == null ? "badge off" : "badge ok").close("td").close("tr");
        }
        m.close("tbody").close("table");
    }

    private static void grants(Markup m, String heading, List<AccessGrant> grants) {
        if (grants.isEmpty()) {
            return;
        }
        m.element("h3", heading).open("ul");
        for (AccessGrant g : grants) {
            m.open("li").element("strong", g.reason().name());
            if (g.detail() != null && !g.detail().isBlank()) {
                m.text(": " + g.detail());
            }
            m.close("li");
        }
        m.close("ul");
    }

    private static String principal(LoadedOrg data, String userOrGroupId) {
        return data.security().user(userOrGroupId).map(User::username).orElse(userOrGroupId);
    }

    private static User viewer(ConsoleContext c) {
        return c.viewAs().orElseThrow(() -> new ConsoleProblem(409, "The org " + c.org.myDomain() + " has no active user to view data as."));
    }

    private static void viewerLine(Markup m, ConsoleContext c, User user) {
        // the same View as the Users page offers, here so a trainer can switch users in front of the data
        c.form(m, c.path("users/view-as"), "view-as-form").open("p", "class", "muted").text("Records as ").element("strong", user.username())
                .text(" sees them. ");
        m.element("label", "View as", "for", "view-as-user").text(" ");
        m.open("select", "name", "username", "id", "view-as-user");
        for (User u : c.data().security().users().stream().filter(User::active).sorted(Comparator.comparing(User::username)).toList()) {
            m.element("option", u.username(), "value", u.username(), "selected", u.id().equals(user.id()) ? "selected" : null);
        }
        m.close("select").text(" ").element("button", "View", "type", "submit").close("p").close("form");
    }

    private static ObjectNode describe(LoadedOrg data, AccessView view, String sObject) {
        try {
            return data.engine().describe(view, sObject);
        } catch (SalesforceException e) {
            throw new ConsoleProblem(404, e.error().errorCode() + ": " + e.error().message());
        }
    }

    private static String count(LoadedOrg data, AccessView view, String sObject) {
        try {
            return String.valueOf(data.engine().query(view, "SELECT COUNT() FROM " + sObject, false).path("totalSize").asLong());
        } catch (SalesforceException e) {
            return e.error().errorCode();
        }
    }

    private static String value(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
