package dev.sfmcp.emulator.admin;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** An admin API test class whose tests share one demo-org emulator, started before them and stopped after. */
abstract class DemoOrgAdminTest {

    static AdminApiFixture env;

    @BeforeAll
    static void startDemoOrgEmulator() {
        env = new AdminApiFixture();
    }

    @AfterAll
    static void stopDemoOrgEmulator() {
        env.close();
    }
}
