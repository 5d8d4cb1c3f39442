package dev.sfmcp.security.org;

/**
 * The facts the OAuth layer needs before issuing a token: an inactive user, or one without API Enabled,
 * cannot get one. The layer renders the refusal in its own wording.
 */
public record ApiAccess(String userId, boolean active, boolean apiEnabled) {

    public boolean allowed() {
        return active && apiEnabled;
    }
}
