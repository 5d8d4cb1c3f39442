package dev.sfmcp.emulator.console;

/** The console's pages as the navigation bar lists them, with the path segment each answers under an org. */
enum Section {
    SERVERS("servers", "MCP Servers"),
    APPS("apps", "External Client Apps"),
    OAUTH_USAGE("oauth-usage", "OAuth Usage"),
    USERS("users", "Users"),
    DATA("data", "Data"),
    EVENT_LOG_FILES("event-log-files", "Event Log Files"),
    API_USAGE("api-usage", "API Usage"),
    JOURNAL("journal", "Request Journal");

    final String segment;
    final String label;

    Section(String segment, String label) {
        this.segment = segment;
        this.label = label;
    }
}
