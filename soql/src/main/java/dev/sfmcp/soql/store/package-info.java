/**
 * The H2 storage of one org, derived from its {@link dev.sfmcp.soql.schema.Schema}. These conventions are the
 * contract the SOQL/SOSL compiler relies on; keep them stable.
 *
 * <ul>
 *   <li>One in-memory H2 database per org ({@link dev.sfmcp.soql.store.OrgDatabase}).</li>
 *   <li>One table per sObject named by its API name, one column per stored field named by its API name, both
 *       quoted identifiers in the describe spelling: {@code "Account"}, {@code "Name"}, {@code "Foo__c"}.
 *       {@link dev.sfmcp.soql.store.StorageLayout#quote(String)} renders them.</li>
 *   <li>Column types ({@link dev.sfmcp.soql.store.StorageLayout#columnType}):
 *     <ul>
 *       <li>id and reference: {@code VARCHAR(18)}, always the 18-character Id, compared case-sensitively;</li>
 *       <li>string, textarea, picklist, email, phone, url: {@code VARCHAR_IGNORECASE(length)}, so that
 *           {@code =}, {@code LIKE}, {@code IN} and ORDER BY are case-insensitive as SOQL's are (the
 *           brief said VARCHAR; the ignore-case variant is the same type family with SOQL's comparison);</li>
 *       <li>multipicklist: {@code VARCHAR_IGNORECASE(4099)}, the selected values joined by {@code ';'} in
 *           picklist order;</li>
 *       <li>boolean: {@code BOOLEAN NOT NULL DEFAULT FALSE} (SOQL's {@code = null} on a boolean means false);</li>
 *       <li>currency, percent, double: {@code DECIMAL(precision, scale)}; int: {@code INTEGER};</li>
 *       <li>date: {@code DATE}; datetime: {@code TIMESTAMP(3)} holding UTC wall time;</li>
 *       <li>address: no column; the compound field is virtual and its components ({@code BillingStreet},
 *           {@code BillingCity}, ...) are ordinary columns.</li>
 *     </ul></li>
 *   <li>System fields kept by the engine: {@code Id} (primary key), {@code OwnerId} where the object has an
 *       owner, {@code IsDeleted} (soft delete: the recycle bin), {@code CreatedDate}, {@code CreatedById},
 *       {@code LastModifiedDate}, {@code LastModifiedById}, {@code SystemModstamp}, and {@code LastViewedDate},
 *       {@code LastReferencedDate} on objects with recent items. Queries must add {@code "IsDeleted" = FALSE}
 *       unless they are queryAll. Calculated fields the engine derives (Contact/Lead/User {@code Name},
 *       Opportunity {@code IsClosed}/{@code IsWon}, Case/Task {@code IsClosed}) are stored columns kept up to
 *       date on every write, so they filter and sort like any column.</li>
 *   <li>Indexes: primary key on {@code Id}; one index on {@code OwnerId}, on every reference column except the
 *       audit lookups {@code CreatedById}/{@code LastModifiedById} (rarely filtered; their indexes would cost
 *       insert rate and heap), and on the name field.</li>
 *   <li>For every shareable object, a share table named as Salesforce names it ({@code AccountShare},
 *       {@code Foo__Share}) with {@code "Id", "ParentId", "UserOrGroupId", "AccessLevel"} (INT, the
 *       {@link dev.sfmcp.soql.access.AccessLevel#rank()}) and {@code "RowCause"}, indexed on ({@code ParentId})
 *       and ({@code UserOrGroupId}, {@code ParentId}). A {@code "GroupMember"} table ({@code "Id", "GroupId",
 *       "UserOrGroupId"}) holds group membership. {@link dev.sfmcp.soql.store.ShareRows} writes both.</li>
 *   <li>A {@code "RecentlyViewed"} table ({@code "UserId", "RecordId", "Type", "LastViewedDate",
 *       "LastReferencedDate"}) holds what each user viewed or referenced; the record's own
 *       {@code LastViewedDate}/{@code LastReferencedDate} columns hold the latest use by anyone.</li>
 *   <li>Snapshots ({@link dev.sfmcp.soql.store.OrgDatabase#snapshot}) are copies of every table in a separate
 *       H2 schema; restore truncates and copies back.</li>
 * </ul>
 */
package dev.sfmcp.soql.store;
