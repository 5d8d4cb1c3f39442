package dev.sfmcp.soql.schema;

/** Derives a describe label from an API name when the definition gives none ({@code AnnualRevenue} to "Annual Revenue"). */
final class Labels {

    private Labels() {
    }

    static String fromApiName(String apiName) {
        String base = apiName;
        if (base.endsWith("__c") || base.endsWith("__r")) {
            base = base.substring(0, base.length() - 3);
        }
        if (base.endsWith("Id") && base.length() > 2) {
            // lookups are labelled by the parent they reach: AccountId is "Account ID"
            return fromApiName(base.substring(0, base.length() - 2)) + " ID";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (c == '_') {
                out.append(' ');
                continue;
            }
            if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(base.charAt(i - 1))) {
                out.append(' ');
            }
            out.append(c);
        }
        return out.toString().replaceAll(" +", " ").trim();
    }
}
