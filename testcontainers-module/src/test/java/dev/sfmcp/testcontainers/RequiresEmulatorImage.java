package dev.sfmcp.testcontainers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * This build's guard for container tests: they run only where a Docker engine answers and the emulator image exists,
 * skip with a message otherwise, and fail instead of skipping when {@code SFMCP_REQUIRE_DOCKER=true} (CI).
 * Put it before {@code @Testcontainers} so that the check runs before any container starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EmulatorImageCondition.class)
public @interface RequiresEmulatorImage {
}
