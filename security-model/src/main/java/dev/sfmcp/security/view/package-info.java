/** The per-user AccessView the engine runs through: object and field rights, and record filters built from labelled grants. */
package dev.sfmcp.security.view;
