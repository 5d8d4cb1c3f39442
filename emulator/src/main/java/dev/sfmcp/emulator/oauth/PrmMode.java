package dev.sfmcp.emulator.oauth;

/**
 * Which authorization server the protected resource metadata names. {@code LOGIN} is the shape captured on
 * 2026-08-27 (the login host); {@code SELF} is the 2026-08-13 shape (the resource URL itself, with path-suffixed
 * authorization server metadata whose issuer is the login host, which clients reject as an issuer mismatch).
 */
public enum PrmMode {
    LOGIN,
    SELF
}
