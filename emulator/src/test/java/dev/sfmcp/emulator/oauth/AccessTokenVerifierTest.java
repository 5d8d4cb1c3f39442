package dev.sfmcp.emulator.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.SignedJWT;
import dev.sfmcp.emulator.http.Environment;
import dev.sfmcp.emulator.org.CodeBuiltDemoOrg;
import dev.sfmcp.emulator.org.EmulatorClock;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgRegistry;
import dev.sfmcp.emulator.org.OrgUser;
import dev.sfmcp.fixtures.app.ExternalClientApp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier's uncached path (signature, kid, issuer, record) and its cache, without HTTP. */
class AccessTokenVerifierTest {

    final EmulatorClock clock = new EmulatorClock(Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC));
    final OrgRegistry orgs = new OrgRegistry();
    final Org acme = orgs.add(CodeBuiltDemoOrg.create(clock, List.of()));
    final Org other = orgs.add(Org.builder("00DKd000007OTHR", "Other", "other").environment(Environment.DEVELOPER).build(clock));
    final TokenStore store = new TokenStore(clock);
    final AccessTokenMinter minter = new AccessTokenMinter(clock, store); // no cache hand-off: every check verifies
    final AccessTokenVerifier verifier = new AccessTokenVerifier(clock, orgs, store);
    final OrgUser rep = acme.user("rep@acme.example").orElseThrow();
    final ExternalClientApp app = CodeBuiltDemoOrg.demoApp();

    AccessTokenMinter.Minted mint() {
        Grant grant = store.newGrant(acme.id(), rep.id(), rep.username(), app.consumerKey(), List.of("mcp_api", "refresh_token"), LoginHost.LOGIN);
        return minter.mint(acme, rep, app, grant, "http://localhost:8080/d/acme");
    }

    @Test
    void aMintedTokenVerifiesAgainstItsOrgsKey() {
        AccessTokenMinter.Minted minted = mint();
        assertEquals(minted.record(), verifier.verifyJwt(minted.value()).orElseThrow());
        assertEquals(minted.record(), verifier.verifyJwt(minted.value()).orElseThrow(), "and again from the cache");
    }

    @Test
    void revocationAndExpiryEndACachedToken() {
        AccessTokenMinter.Minted a = mint();
        AccessTokenMinter.Minted b = mint();
        assertTrue(verifier.verifyJwt(a.value()).isPresent());
        assertTrue(verifier.verifyJwt(b.value()).isPresent());
        a.record().revocation().revoke();
        assertFalse(verifier.verifyJwt(a.value()).isPresent());
        clock.advance(Duration.ofHours(2));
        assertFalse(verifier.verifyJwt(b.value()).isPresent(), "the org session timeout (2 h) has passed");
    }

    @Test
    void aTokenSignedWithAnotherOrgsKeyUnderThisOrgsKidIsRefused() throws Exception {
        SignedJWT genuine = SignedJWT.parse(mint().value());
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(genuine.getHeader()).build(), genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(other.signingKey()));
        assertFalse(verifier.verifyJwt(forged.serialize()).isPresent());
    }

    @Test
    void aValidlySignedTokenWithoutAServerRecordIsRefused() throws Exception {
        SignedJWT genuine = SignedJWT.parse(mint().value());
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder(genuine.getJWTClaimsSet()).claim("sfi", "made-up").build();
        SignedJWT unknown = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(acme.signingKey().getKeyID()).build(), claims);
        unknown.sign(new RSASSASigner(acme.signingKey()));
        assertFalse(verifier.verifyJwt(unknown.serialize()).isPresent());
    }

    @Test
    void anIssuerOfAnotherMyDomainIsRefused() throws Exception {
        SignedJWT genuine = SignedJWT.parse(mint().value());
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder(genuine.getJWTClaimsSet()).issuer("http://localhost:8080/d/other").build();
        SignedJWT moved = new SignedJWT(genuine.getHeader(), claims);
        moved.sign(new RSASSASigner(acme.signingKey()));
        assertFalse(verifier.verifyJwt(moved.serialize()).isPresent());
    }

    @Test
    void theJwtShapeTestSeparatesOpaqueTokens() {
        assertTrue(AccessTokenVerifier.looksLikeJwt("a.b.c"));
        assertFalse(AccessTokenVerifier.looksLikeJwt("00DKd000001ACME!AQxyz"));
        assertFalse(AccessTokenVerifier.looksLikeJwt("a.b"));
        assertFalse(AccessTokenVerifier.looksLikeJwt("a.b.c.d"));
        assertFalse(AccessTokenVerifier.looksLikeJwt(".b.c"));
    }
}
