package dev.sfmcp.emulator.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfmcp.fixtures.definition.OrgSettings;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fixture format's variant names and the built-in catalog's must stay one list: orgs are checked against the former. */
class ToolCatalogVariantsTest {

    @Test
    void fixtureVariantNamesAreTheCatalogsVariants() {
        assertEquals(Set.copyOf(OrgSettings.CATALOG_VARIANTS), Set.copyOf(ToolCatalog.builtIn(new ObjectMapper()).variantNames()));
    }
}
