package dev.sfmcp.emulator.tools;

/** Registers the operations of the eleven sObject tools under the catalog's operation ids. */
public final class SobjectOperations {

    private SobjectOperations() {
    }

    public static void registerAll(ToolOperations operations) {
        operations.register("schema.describe", new GetObjectSchemaOperation());
        operations.register("soql.query", new SoqlQueryOperation());
        operations.register("sosl.search", new FindOperation());
        operations.register("user.info", new GetUserInfoOperation());
        operations.register("records.recent", new ListRecentRecordsOperation());
        operations.register("records.related", new GetRelatedRecordsOperation());
        operations.register("record.create", new CreateRecordOperation());
        operations.register("record.update", new UpdateRecordOperation());
        operations.register("record.updateRelated", new UpdateRelatedRecordOperation());
        operations.register("record.delete", new DeleteRecordOperation());
        operations.register("record.deleteRelated", new DeleteRelatedRecordOperation());
    }
}
