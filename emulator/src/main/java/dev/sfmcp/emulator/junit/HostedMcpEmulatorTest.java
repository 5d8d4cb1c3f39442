package dev.sfmcp.emulator.junit;

import dev.sfmcp.client.EmulatorAdminClient;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against an emulator started in the test JVM on a free port. Test methods and constructors
 * can declare parameters of type {@link HostedMcpEmulatorRuntime}, {@link EmulatorAdminClient},
 * {@link dev.sfmcp.emulator.Emulator}, a {@code String} annotated {@link EmulatorBaseUrl}, or a {@code String}
 * annotated {@link AccessTokenFor}.
 *
 * <pre>{@code
 * @HostedMcpEmulatorTest
 * class MyAgentTest {
 *     @Test
 *     void listsTools(HostedMcpEmulatorRuntime salesforce) {
 *         String url = salesforce.mcpUrl("sobject-reads");
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(HostedMcpEmulatorExtension.class)
public @interface HostedMcpEmulatorTest {

    /** @return one emulator per class (default) or one per test method */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /** @return whether the emulator is reset before each test (default true); only matters per class */
    boolean resetOnEachTest() default true;

    /** @return protocol-test mode: the MCP endpoint accepts requests without a token (default false) */
    boolean noAuth() default false;

    /** @return the active MCP servers, e.g. {@code "platform/sobject-reads"}; empty keeps the emulator's default */
    String[] activeServers() default {};

    /**
     * @return further options as {@code "name=value"} with the names {@code --help} lists, e.g.
     *     {@code "catalog=live-9"}, {@code "session-idle-timeout=5m"}
     */
    String[] options() default {};
}
