package dev.sfmcp.security.sharing;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The org's sharing settings, object by object, starting from the defaults of a new Salesforce org: Account and
 * Contract Public Read/Write, Contact, Order and Asset Controlled by Parent (Account), Opportunity Public Read
 * Only, Lead and Case Public Read/Write/Transfer, Campaign Public Full Access, User Public Read Only, custom
 * objects Public Read/Write. Objects without an owner or a sharing model of their own (Product2, Pricebook2)
 * are read by everyone with the object permission.
 */
public final class SharingSettings {

    private final Map<String, ObjectSharing> byObject = new LinkedHashMap<>();

    public static SharingSettings salesforceDefaults() {
        SharingSettings s = new SharingSettings();
        s.put(ObjectSharing.of("Account", SharingModel.PUBLIC_READ_WRITE));
        s.put(ObjectSharing.of("Contract", SharingModel.PUBLIC_READ_WRITE));
        s.put(ObjectSharing.controlledByParent("Contact", "AccountId", "Account", true));
        s.put(ObjectSharing.controlledByParent("Order", "AccountId", "Account", true));
        s.put(ObjectSharing.controlledByParent("Asset", "AccountId", "Account", true));
        s.put(ObjectSharing.of("Opportunity", SharingModel.PUBLIC_READ_ONLY));
        s.put(ObjectSharing.of("Lead", SharingModel.PUBLIC_READ_WRITE_TRANSFER));
        s.put(ObjectSharing.of("Case", SharingModel.PUBLIC_READ_WRITE_TRANSFER));
        s.put(ObjectSharing.of("Campaign", SharingModel.PUBLIC_FULL_ACCESS));
        s.put(ObjectSharing.of("User", SharingModel.PUBLIC_READ_ONLY));
        s.put(new ObjectSharing("Product2", SharingModel.PUBLIC_READ_ONLY, true, null, null, false));
        s.put(new ObjectSharing("Pricebook2", SharingModel.PUBLIC_READ_ONLY, true, null, null, false));
        return s;
    }

    public void put(ObjectSharing sharing) {
        byObject.put(sharing.sObject().toLowerCase(Locale.ROOT), sharing);
    }

    /** The settings of {@code sObject}; an object nobody configured gets the custom-object default. */
    public ObjectSharing of(String sObject) {
        ObjectSharing s = byObject.get(sObject.toLowerCase(Locale.ROOT));
        return s != null ? s : ObjectSharing.of(sObject, SharingModel.PUBLIC_READ_WRITE);
    }

    /** Drops the settings of objects not in {@code keys} (lower-cased API names): they return to the defaults. */
    public void retainOnly(java.util.Set<String> keys) {
        byObject.keySet().retainAll(keys);
    }

    /** The configured objects by lower-cased API name. */
    public Map<String, ObjectSharing> all() {
        return Map.copyOf(byObject);
    }
}
