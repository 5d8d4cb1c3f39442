package dev.sfmcp.emulator.org;

import dev.sfmcp.fixtures.export.FixtureWriter;
import dev.sfmcp.fixtures.export.OrgExporter;
import dev.sfmcp.fixtures.format.FixtureException;
import dev.sfmcp.fixtures.org.LoadedOrg;
import dev.sfmcp.fixtures.org.OrgLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Orgs that come and go while the emulator runs: load a fixture (text or a file the server can read) into new orgs,
 * export an org as a fixture, delete an org. A loaded org is routable at once (its My Domain login host, its tokens,
 * its MCP URLs), because every layer finds orgs through the one {@link OrgRegistry}.
 */
public final class OrgFixtures {

    /** The two fixture formats an export can be written in. */
    public enum Format { YAML, JSON;

        /** {@code yaml} or {@code json}, case-insensitive; anything else is a 400. */
        public static Format of(String name) {
            if (name == null || name.isBlank()) {
                return YAML;
            }
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw SetupException.invalid("format must be yaml or json, not '" + name + "'");
            }
        }
    }

    private final OrgRegistry orgs;
    private final Clock clock;
    private final int signingKeyBits;
    private final UnaryOperator<Org> admit;
    private final Consumer<Org> forget;

    /**
     * @param admit  adds a built org to the registry with the emulator's settings (delays, limits, active servers)
     * @param forget what else a deleted org takes with it (its tokens: an org loaded again with the same Ids must not
     *               accept them)
     */
    public OrgFixtures(OrgRegistry orgs, Clock clock, int signingKeyBits, UnaryOperator<Org> admit, Consumer<Org> forget) {
        this.orgs = orgs;
        this.clock = clock;
        this.signingKeyBits = signingKeyBits;
        this.admit = admit;
        this.forget = forget;
    }

    /**
     * Loads every org of a fixture text; all or nothing.
     *
     * @param fileName names the text in error messages; JSON when it ends in {@code .json}, YAML otherwise
     * @throws FixtureException when the fixture is wrong (file, line, column, problem)
     * @throws SetupException   409 when an org's Id or My Domain is already in use
     */
    public List<Org> load(String fileName, String text) {
        if (text == null || text.isBlank()) {
            throw FixtureException.atFile(fileName, "the fixture is empty");
        }
        return admitAll(OrgLoader.loadText(clock, fileName, text));
    }

    /** Loads every org of a fixture file the server can read (relative files it names resolve beside it). */
    public List<Org> load(Path path) {
        if (!Files.isRegularFile(path)) {
            throw SetupException.notFound("no fixture file at " + path + " on the emulator's machine");
        }
        return admitAll(OrgLoader.load(clock, List.of(path)));
    }

    private List<Org> admitAll(List<LoadedOrg> loaded) {
        for (LoadedOrg data : loaded) {
            String domain = data.settings().myDomain();
            if (orgs.byId(data.id()).isPresent() || orgs.byMyDomain(domain).isPresent()) {
                loaded.forEach(LoadedOrg::close);
                throw SetupException.conflict("an org with Id " + data.id() + " or My Domain '" + domain
                        + "' is already loaded; delete it first or give the fixture another id and myDomain");
            }
        }
        List<Org> added = new ArrayList<>();
        try {
            for (LoadedOrg data : loaded) {
                added.add(admit.apply(OrgAssembly.of(data, clock, signingKeyBits)));
            }
        } catch (IllegalArgumentException e) {
            added.forEach(orgs::remove);
            loaded.forEach(LoadedOrg::close);
            throw SetupException.conflict(e.getMessage());
        }
        return added;
    }

    /** The org as a fixture with its records as they are now; loading it gives the same data under new record Ids. */
    public String export(Org org, Format format) {
        LoadedOrg data = org.data().orElseThrow(() -> SetupException.conflict("the org " + org.myDomain()
                + " was built without a fixture: there is nothing to export"));
        var tree = FixtureWriter.write(OrgExporter.export(data));
        return format == Format.JSON ? FixtureWriter.json(tree) : FixtureWriter.yaml(tree);
    }

    /**
     * Removes an org: its URLs answer as for an unknown org, its tokens stop working (401), its storage is closed.
     */
    public void delete(Org org) {
        orgs.remove(org);
        forget.accept(org);
        org.data().ifPresent(LoadedOrg::close);
    }
}
