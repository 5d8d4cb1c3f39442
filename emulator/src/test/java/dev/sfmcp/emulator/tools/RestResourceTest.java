package dev.sfmcp.emulator.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The ENTITY_NAME of a soqlQuery call's event: the object of the outer FROM, never a subquery's or a literal's. */
class RestResourceTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/tools/queried-objects.csv", delimiter = '|', nullValues = "")
    void theOuterFromNamesTheEntity(String soql, String expected) {
        String query = soql == null ? "" : soql.replace("\\n", "\n").replace("\\t", "\t");
        assertEquals(expected, RestResource.queriedObject(query));
    }
}
