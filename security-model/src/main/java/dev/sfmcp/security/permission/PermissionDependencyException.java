package dev.sfmcp.security.permission;

/** A permission definition that breaks Salesforce's dependencies (e.g. Delete without Edit). */
public class PermissionDependencyException extends IllegalArgumentException {

    public PermissionDependencyException(String message) {
        super(message);
    }
}
