package dev.sfmcp.emulator.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The discovery documents, field for field as captured from the real service: protected resource metadata (RFC
 * 9728), the reduced authorization server metadata of the gateway host, and the login hosts' OpenID configuration.
 */
final class DiscoveryDocuments {

    /** The scopes the gateway's own documents still list (the beta scopes). */
    static final List<String> BETA_SCOPES = List.of("api", "sfap_api", "refresh_token", "einstein_gpt_api");
    /** The scopes a hosted MCP server's metadata lists. */
    static final List<String> MCP_SCOPES = List.of("mcp_api", "refresh_token");
    /** The login hosts' 36 scopes (the captured document lists 36, including these). */
    static final List<String> LOGIN_SCOPES = List.of("cdp_ingest_api", "custom_permissions", "cdp_segment_api",
            "content", "cdp_api", "chatbot_api", "cdp_identityresolution_api", "interaction_api", "wave_api",
            "einstein_gpt_api", "web", "cdp_calculated_insight_api", "id", "eclair_api", "email", "pardot_api",
            "lightning", "visualforce", "cdp_query_api", "sfap_api", "address", "openid", "profile",
            "cdp_profile_api", "refresh_token", "phone", "offline_access", "api", "forgot_password", "full",
            "pwdless_login_api", "user_registration_api", "chatter_api", "mcp_api", "cdp_visualization_api",
            "cdp_profile_graph_api");

    private final ObjectMapper json = new ObjectMapper();

    ObjectNode protectedResource(String resource, String authorizationServer, List<String> scopes) {
        ObjectNode doc = json.createObjectNode();
        doc.put("resource", resource);
        doc.putArray("authorization_servers").add(authorizationServer);
        strings(doc.putArray("scopes_supported"), scopes);
        return doc;
    }

    /** The api host's reduced document: issuer the login host, authorize/token/jwks only, no registration. */
    ObjectNode gatewayAuthorizationServer(String loginIssuer) {
        ObjectNode doc = json.createObjectNode();
        doc.put("issuer", loginIssuer);
        doc.put("authorization_endpoint", loginIssuer + "/services/oauth2/authorize");
        doc.put("token_endpoint", loginIssuer + "/services/oauth2/token");
        doc.put("jwks_uri", loginIssuer + "/id/keys");
        strings(doc.putArray("response_types_supported"), List.of("code"));
        strings(doc.putArray("grant_types_supported"), List.of("authorization_code", "refresh_token"));
        strings(doc.putArray("token_endpoint_auth_methods_supported"), List.of("client_secret_post"));
        strings(doc.putArray("scopes_supported"), BETA_SCOPES);
        strings(doc.putArray("code_challenge_methods_supported"), List.of("S256"));
        return doc;
    }

    /** A login host's OpenID configuration; {@code withPkce} adds the S256 line the real document lacks. */
    ObjectNode openIdConfiguration(String issuer, boolean withPkce) {
        ObjectNode doc = json.createObjectNode();
        doc.put("issuer", issuer);
        doc.put("authorization_endpoint", issuer + "/services/oauth2/authorize");
        doc.put("token_endpoint", issuer + "/services/oauth2/token");
        doc.put("revocation_endpoint", issuer + "/services/oauth2/revoke");
        doc.put("userinfo_endpoint", issuer + "/services/oauth2/userinfo");
        doc.put("jwks_uri", issuer + "/id/keys");
        doc.put("registration_endpoint", issuer + "/services/oauth2/register");
        doc.put("introspection_endpoint", issuer + "/services/oauth2/introspect");
        strings(doc.putArray("scopes_supported"), LOGIN_SCOPES);
        strings(doc.putArray("response_types_supported"), List.of("code", "token", "token id_token"));
        strings(doc.putArray("subject_types_supported"), List.of("public"));
        strings(doc.putArray("id_token_signing_alg_values_supported"), List.of("RS256"));
        strings(doc.putArray("dpop_signing_alg_values_supported"), List.of("RS256", "RS384", "RS512", "PS256", "PS384",
                "PS512", "ES256", "ES384", "ES512", "EdDSA"));
        strings(doc.putArray("display_values_supported"), List.of("page", "popup", "touch"));
        strings(doc.putArray("token_endpoint_auth_methods_supported"), List.of("client_secret_post", "client_secret_basic",
                "private_key_jwt"));
        strings(doc.putArray("claims_supported"), List.of("active", "address", "email", "email_verified", "family_name",
                "given_name", "is_app_installed", "language", "locale", "name", "nickname", "organization_id", "phone_number",
                "phone_number_verified", "photos", "picture", "preferred_username", "profile", "sub", "updated_at", "urls",
                "user_id", "user_type", "zoneinfo"));
        if (withPkce) {
            strings(doc.putArray("code_challenge_methods_supported"), List.of("S256"));
        }
        return doc;
    }

    /**
     * The historic path-suffixed document of the {@code self} PRM mode: served under the resource URL, but its issuer
     * is the login host, so a client that checks RFC 8414 §3.3 reports an issuer mismatch, as it did live.
     */
    ObjectNode pathSuffixedAuthorizationServer(String loginIssuer) {
        ObjectNode doc = gatewayAuthorizationServer(loginIssuer);
        doc.set("scopes_supported", strings(json.createArrayNode(), MCP_SCOPES));
        return doc;
    }

    private static ArrayNode strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
        return array;
    }
}
