/** The Testcontainers container class for the emulator. */
package dev.sfmcp.testcontainers;
