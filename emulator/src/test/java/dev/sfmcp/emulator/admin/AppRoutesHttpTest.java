package dev.sfmcp.emulator.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** External Client Apps listed, created, changed and deleted through the admin API. */
class AppRoutesHttpTest extends DemoOrgAdminTest {

    @BeforeEach
    void reset() {
        env.reset();
    }

    @Test
    void listsEveryAppAndFollowsCreateChangeDelete() {
        env.http().get("/_emulator/orgs/acme/apps").then().statusCode(200)
                .body("apps", hasSize(1))
                .body("apps[0].app.consumerKey", equalTo("sfmcp-demo-client"))
                .body("apps[0].inEffect", equalTo(true));
        try {
            env.http().body("{\"callbackUrls\":[\"http://localhost:9000/cb\"],\"isPkceRequired\":false}")
                    .put("/_emulator/orgs/acme/apps/listed-agent").then().statusCode(200);
            env.http().get("/_emulator/orgs/acme/apps").then().statusCode(200)
                    .body("apps", hasSize(2))
                    .body("apps.app.consumerKey", hasItem("listed-agent"))
                    .body("apps.find { it.app.consumerKey == 'listed-agent' }.app.isPkceRequired", equalTo(false));
            env.http().delete("/_emulator/orgs/acme/apps/listed-agent").then().statusCode(204);
            env.http().get("/_emulator/orgs/acme/apps").then().statusCode(200)
                    .body("apps.app.consumerKey", not(hasItem("listed-agent")));
        } finally {
            env.http().delete("/_emulator/orgs/acme/apps/listed-agent");
        }
        env.http().get("/_emulator/orgs/nope/apps").then().statusCode(404).body("error", equalTo("not_found"));
    }
}
