/**
 * A small HTTP client of the emulator, shared by the Testcontainers module and the in-process JUnit extension: the
 * admin API (clock, reset, limits, event log) and the real authorization-code + PKCE flow. It depends on Jackson only,
 * so a user's test classpath never pulls in the emulator's server or engine.
 */
package dev.sfmcp.client;
