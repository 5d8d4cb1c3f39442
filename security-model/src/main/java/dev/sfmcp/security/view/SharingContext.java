package dev.sfmcp.security.view;

import dev.sfmcp.security.principal.PrincipalGraph;
import dev.sfmcp.security.sharing.SharingRule;
import dev.sfmcp.security.sharing.SharingSettings;
import java.util.List;
import java.util.Map;

/** The org-wide sharing facts one user's view is computed from: a consistent snapshot, never mutated. */
public record SharingContext(PrincipalGraph principals, SharingSettings settings, Map<String, List<SharingRule>> rulesByObject) {

    /** The rules of {@code sObject}, keyed case-insensitively by lower-cased API name. */
    public List<SharingRule> rules(String sObject) {
        return rulesByObject.getOrDefault(sObject.toLowerCase(java.util.Locale.ROOT), List.of());
    }
}
