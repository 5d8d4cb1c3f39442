package dev.sfmcp.emulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.soql.SalesforceError;
import java.util.List;

/**
 * The Salesforce REST error array, {@code [{"message": ..., "errorCode": ..., "fields": [...]}]}, with {@code fields}
 * only where the error names fields: what a tool's isError text and the admin API's record routes both carry.
 */
public final class RestErrorBody {

    private RestErrorBody() {
    }

    public static ArrayNode of(List<SalesforceError> errors) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (SalesforceError error : errors) {
            ObjectNode e = array.addObject();
            e.put("message", error.message());
            e.put("errorCode", error.errorCode());
            if (!error.fields().isEmpty()) {
                ArrayNode fields = e.putArray("fields");
                error.fields().forEach(fields::add);
            }
        }
        return array;
    }
}
