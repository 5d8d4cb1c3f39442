package dev.sfmcp.emulator.tools;

import java.util.Map;

/**
 * The admin-authored guidance a fixture attaches to objects and fields, which getObjectSchema returns beside the
 * standard schema ("Includes admin-authored guidance alongside the standard schema").
 */
public interface SchemaGuidance {

    /** No guidance at all. */
    SchemaGuidance NONE = new SchemaGuidance() {
        @Override
        public String forObject(String sObject) {
            return null;
        }

        @Override
        public Map<String, String> forFields(String sObject) {
            return Map.of();
        }
    };

    /** The guidance for an object, or null. */
    String forObject(String sObject);

    /** Field API name to guidance, for the fields of an object that have some. */
    Map<String, String> forFields(String sObject);
}
