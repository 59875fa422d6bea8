package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the standalone sandbox prints for CLIs older than 2.13, which ignore endpoint_url in profiles. */
class SandboxMainTest {

    @Test
    void oldCliAdviceNamesTheEndpointOnEveryCommand() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests())) {
            String advice = SandboxMain.oldCliAdvice(sandbox, "alice");
            String key = sandbox.control().accessKey("alice").accessKeyId();
            assertThat(advice).contains("export AWS_ACCESS_KEY_ID=" + key)
                    .contains("aws --endpoint-url " + sandbox.endpoint() + " sts assume-role --role-arn arn:aws:iam::222222222222:role/admin")
                    .contains("aws --endpoint-url " + sandbox.endpoint() + " ecs list-clusters")
                    .contains("--serial-number arn:aws:iam::111111111111:mfa/alice");
            assertThat(SandboxMain.oldCliAdvice(sandbox, "carol")).contains("role/readonly").doesNotContain("--serial-number");
        }
    }
}
