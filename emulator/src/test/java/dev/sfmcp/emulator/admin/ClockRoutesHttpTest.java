package dev.sfmcp.emulator.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClockRoutesHttpTest {

    static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0")).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void setFreezeAdvanceAndRead() {
        given().baseUri(emulator.localBaseUrl()).body("{\"now\":\"2027-03-01T12:00:00Z\",\"frozen\":true}").put("/_emulator/clock")
                .then().statusCode(200).body("now", equalTo("2027-03-01T12:00:00Z")).body("frozen", equalTo(true));
        given().baseUri(emulator.localBaseUrl()).body("{\"seconds\":3600}").post("/_emulator/clock/advance")
                .then().statusCode(200).body("now", equalTo("2027-03-01T13:00:00Z"));
        given().baseUri(emulator.localBaseUrl()).body("{\"duration\":\"P1D\"}").post("/_emulator/clock/advance")
                .then().statusCode(200).body("now", equalTo("2027-03-02T13:00:00Z"));
        given().baseUri(emulator.localBaseUrl()).get("/_emulator/clock").then().body("now", equalTo("2027-03-02T13:00:00Z"));
        given().baseUri(emulator.localBaseUrl()).post("/_emulator/clock/unfreeze").then().statusCode(200).body("frozen", equalTo(false));
    }

    @Test
    void badClockRequestsAreExplained() {
        given().baseUri(emulator.localBaseUrl()).body("{\"now\":\"tomorrow\"}").put("/_emulator/clock")
                .then().statusCode(400).body("message", containsString("ISO-8601"));
        given().baseUri(emulator.localBaseUrl()).body("{}").post("/_emulator/clock/advance")
                .then().statusCode(400).body("message", containsString("seconds"));
        given().baseUri(emulator.localBaseUrl()).body("[").post("/_emulator/clock/advance")
                .then().statusCode(400).body("error", equalTo("bad_request"));
    }
}
