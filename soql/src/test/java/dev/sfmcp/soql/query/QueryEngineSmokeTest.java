package dev.sfmcp.soql.query;

import dev.sfmcp.soql.access.AccessView;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.Locale;

class QueryEngineSmokeTest {
    @Test
    void prints() {
        try (QueryTestOrg org = new QueryTestOrg()) {
            AccessView admin = AccessView.system(QueryTestOrg.U1, ZoneOffset.UTC, Locale.US);
            for (String q : new String[]{
                    "SELECT Id, Name, Owner.Name, Parent.Name FROM Account WHERE Industry = 'technology' ORDER BY Name",
                    "SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account",
                    "SELECT COUNT() FROM Contact",
                    "SELECT Industry, COUNT(Id), MAX(AnnualRevenue) m FROM Account GROUP BY Industry",
                    "SELECT Name FROM Project__c WHERE Tags__c INCLUDES ('Red;Blue', 'Green')",
                    "SELECT Name FROM Account WHERE CreatedDate = TODAY",
                    "SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact)",
                    "SELECT Id FROM Acount",
                    "SELECT Id, Foo FROM Account",
                    "SELECT Id FROM Account WHERE Name = 'x' AND Name = 'y' OR Name = 'z'",
            }) {
                try {
                    System.out.println(q + "\n  => " + org.engine.query(admin, q, QueryOptions.defaults()));
                } catch (dev.sfmcp.soql.SalesforceException e) {
                    System.out.println(q + "\n  => " + e.error());
                }
            }
        }
    }
}
