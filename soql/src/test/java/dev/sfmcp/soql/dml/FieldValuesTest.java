package dev.sfmcp.soql.dml;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.*;

/** JSON values as REST receives them, turned into stored column values. */
class FieldValuesTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "datetime-inputs.csv")
    void datetimesInEveryRestFormatAreStoredAsUtc(String input, String utc) {
        FieldDef f = FieldDef.builder("When__c", FieldType.DATETIME).build();
        assertEquals(LocalDateTime.parse(utc), FieldValues.fromJson(f, JSON.textNode(input)));
    }

    @Test
    void datesNumbersAndBooleans() {
        assertEquals(LocalDate.of(2026, 3, 10), FieldValues.fromJson(FieldDef.builder("D__c", FieldType.DATE).build(), JSON.textNode("2026-03-10")));
        assertEquals(LocalDate.of(2026, 3, 10), FieldValues.fromJson(FieldDef.builder("D__c", FieldType.DATE).build(), JSON.textNode("2026-03-10T23:00:00Z")));
        assertEquals(new BigDecimal("12.35"), FieldValues.fromJson(FieldDef.builder("C__c", FieldType.CURRENCY).precision(18, 2).build(), JSON.numberNode(12.345)));
        assertEquals(42, FieldValues.fromJson(FieldDef.builder("I__c", FieldType.INT).build(), JSON.textNode("42")));
        assertEquals(true, FieldValues.fromJson(FieldDef.builder("B__c", FieldType.BOOLEAN).build(), JSON.textNode("TRUE")));
        assertNull(FieldValues.fromJson(FieldDef.builder("S__c", FieldType.STRING).build(), JSON.textNode("")));
        assertEquals("123", FieldValues.fromJson(FieldDef.builder("S__c", FieldType.STRING).build(), JSON.numberNode(123)));
    }

    @Test
    void wrongJsonTypesAreParserErrors() {
        FieldDef b = FieldDef.builder("B__c", FieldType.BOOLEAN).build();
        SalesforceException e = assertThrows(SalesforceException.class, () -> FieldValues.fromJson(b, JSON.numberNode(1)));
        assertEquals("JSON_PARSER_ERROR", e.error().errorCode());
        assertEquals("Cannot deserialize instance of boolean from VALUE_NUMBER_INT value 1 or request may be missing a required field", e.error().message());
        FieldDef s = FieldDef.builder("S__c", FieldType.STRING).build();
        assertEquals("Cannot deserialize instance of String from START_OBJECT value { or request may be missing a required field",
                assertThrows(SalesforceException.class, () -> FieldValues.fromJson(s, JSON.objectNode())).error().message());
        FieldDef i = FieldDef.builder("I__c", FieldType.INT).build();
        assertEquals("NUMBER_OUTSIDE_VALID_RANGE", assertThrows(SalesforceException.class,
                () -> FieldValues.fromJson(i, JSON.numberNode(3_000_000_000L))).error().errorCode());
    }
}
