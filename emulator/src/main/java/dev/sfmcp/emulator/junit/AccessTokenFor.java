package dev.sfmcp.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} test parameter that receives a ready access token for a user, obtained through the real
 * authorization-code + PKCE flow ({@link HostedMcpEmulatorRuntime#accessTokenFor(String)}).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AccessTokenFor {

    /** @return the username, e.g. {@code admin@acme.example} */
    String value();
}
