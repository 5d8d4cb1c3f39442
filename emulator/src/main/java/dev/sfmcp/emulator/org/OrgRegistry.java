package dev.sfmcp.emulator.org;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The orgs this emulator hosts, found by Id (15 or 18 characters) or My Domain, and their users by username (unique
 * across orgs, as on Salesforce). The emulator fills it with the fixture-loaded orgs (see {@link OrgAssembly}); tests may add orgs of their own.
 */
public final class OrgRegistry {

    /** An org together with one of its users. */
    public record OrgAndUser(Org org, OrgUser user) {
    }

    private final Map<String, Org> byId15 = new ConcurrentHashMap<>();
    private final Map<String, Org> byMyDomain = new ConcurrentHashMap<>();

    /** Adds an org; its Id and My Domain must be new. */
    public synchronized Org add(Org org) {
        if (byId15.containsKey(org.id15())) {
            throw new IllegalArgumentException("an org with Id " + org.id() + " already exists");
        }
        if (byMyDomain.containsKey(org.myDomain())) {
            throw new IllegalArgumentException("an org with My Domain '" + org.myDomain() + "' already exists");
        }
        byId15.put(org.id15(), org);
        byMyDomain.put(org.myDomain(), org);
        return org;
    }

    public synchronized void remove(Org org) {
        byId15.remove(org.id15());
        byMyDomain.remove(org.myDomain());
    }

    public Optional<Org> byId(String id) {
        if (id == null || id.length() < 15) {
            return Optional.empty();
        }
        Org org = byId15.get(id.substring(0, 15));
        return org != null && (id.length() == 15 || org.id().equals(id)) ? Optional.of(org) : Optional.empty();
    }

    /** By My Domain label, e.g. {@code acme} or {@code acme--uat}; case-insensitive. */
    public Optional<Org> byMyDomain(String myDomain) {
        return myDomain == null ? Optional.empty() : Optional.ofNullable(byMyDomain.get(myDomain.toLowerCase()));
    }

    /** By My Domain or Id, as the admin API's {@code {org}} segment names an org. */
    public Optional<Org> byKey(String key) {
        return byMyDomain(key).or(() -> byId(key));
    }

    /** The user with this username in whichever org has it. */
    public Optional<OrgAndUser> findUser(String username) {
        for (Org org : byId15.values()) {
            Optional<OrgUser> user = org.user(username);
            if (user.isPresent()) {
                return Optional.of(new OrgAndUser(org, user.get()));
            }
        }
        return Optional.empty();
    }

    public Collection<Org> all() {
        return List.copyOf(byId15.values());
    }
}
