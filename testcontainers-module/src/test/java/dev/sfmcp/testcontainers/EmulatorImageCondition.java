package dev.sfmcp.testcontainers;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Decides whether container tests can run: a Docker engine must answer and the emulator image must exist locally
 * (no registry is pulled from). Where either is missing the tests are skipped with the reason, unless
 * {@code SFMCP_REQUIRE_DOCKER=true}, where they fail: a CI run must not pass by skipping them.
 */
final class EmulatorImageCondition implements ExecutionCondition {

    static final String REQUIRE_DOCKER = "SFMCP_REQUIRE_DOCKER";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String image = SalesforceHostedMcpContainer.defaultImageName().asCanonicalNameString();
        String problem = problem(image);
        if (problem == null) {
            return ConditionEvaluationResult.enabled("Docker answers and " + image + " exists");
        }
        if (Boolean.parseBoolean(System.getenv(REQUIRE_DOCKER))) {
            throw new IllegalStateException(REQUIRE_DOCKER + "=true but " + problem);
        }
        return ConditionEvaluationResult.disabled("Skipped: " + problem);
    }

    private static String problem(String image) {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            return "no Docker engine answers (start one, or run tools/docker/prepare.sh as root)";
        }
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return null;
        } catch (RuntimeException e) {
            return "the image " + image + " does not exist locally: build it with `mvn -B -DskipTests package && "
                    + "tools/docker/prepare.sh` (or name another with -D" + SalesforceHostedMcpContainer.IMAGE_PROPERTY + "=...)";
        }
    }
}
