/**
 * The in-process JUnit 5 extension: {@link dev.sfmcp.emulator.junit.HostedMcpEmulatorTest} or a
 * {@code @RegisterExtension} {@link dev.sfmcp.emulator.junit.HostedMcpEmulatorExtension} starts the emulator in the test
 * JVM on a free port and injects {@link dev.sfmcp.emulator.junit.HostedMcpEmulatorRuntime}, an
 * {@link dev.sfmcp.emulator.junit.EmulatorAdminClient}, the base URL and tokens. JUnit is a provided dependency: the
 * user's test classpath brings it.
 */
package dev.sfmcp.emulator.junit;

import dev.sfmcp.client.EmulatorAdminClient;
