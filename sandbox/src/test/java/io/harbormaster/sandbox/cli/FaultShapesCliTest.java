package io.harbormaster.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Debian's AWS CLI v2 ({@code /usr/bin/aws}) reads every injected fault as the AWS error it stands for, in each
 * protocol the CLI speaks to the sandbox: JSON 1.1 (ECS, Logs), query XML (STS, ELBv2, CloudWatch) and REST-XML
 * (Route 53). One attempt each (max_attempts = 1), so the
 * first answer is the one reported. Skipped when the CLI is absent, except on CI.
 */
@Execution(ExecutionMode.CONCURRENT) // runs beside the in-process tests; see junit-platform.properties
class FaultShapesCliTest {

    @TempDir
    static Path home;
    static Sandbox sandbox;
    static AwsCli cli;
    static AwsCli.Creds dev;

    @BeforeAll
    static void start() throws IOException {
        AwsCli.require();
        sandbox = Sandbox.start(SandboxOptions.forTests());
        cli = AwsCli.on(sandbox, home);
        Files.writeString(home.resolve("config"), "\n[default]\nmax_attempts = 1\nretry_mode = standard\n",
                StandardOpenOption.APPEND);
        dev = cli.assumeRole(cli.user("alice"), "arn:aws:iam::222222222222:role/admin", "alice");
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void eachFaultReadsAsItsAwsErrorInEachProtocol() {
        for (String fault : List.of("internal-failure:ecs.ListServices", "expired-token:ecs.DescribeClusters",
                "unavailable:sts", "throttle:monitoring", "internal-failure:route53",
                "skew:logs,seconds=1800", "skew:elasticloadbalancing,seconds=-1800")) {
            sandbox.control().addFault(fault);
        }
        List<AwsCli.Result> r = cli.parallel(dev, List.of(
                AwsCli.cmd("ecs", "list-services", "--cluster", "dev"),
                AwsCli.cmd("ecs", "describe-clusters"),
                AwsCli.cmd("sts", "get-caller-identity"),
                AwsCli.cmd("cloudwatch", "list-metrics"),
                AwsCli.cmd("route53", "list-hosted-zones"),
                AwsCli.cmd("logs", "describe-log-groups"),
                AwsCli.cmd("elbv2", "describe-load-balancers")));
        assertFails(r.get(0), "An error occurred (InternalFailure) when calling the ListServices operation");
        assertFails(r.get(1), "(ExpiredTokenException) when calling the DescribeClusters operation", "The security token included in "
                + "the request is expired");
        assertFails(r.get(2), "(ServiceUnavailable) when calling the GetCallerIdentity operation");
        assertFails(r.get(3), "(Throttling) when calling the ListMetrics operation", "Rate exceeded");
        assertFails(r.get(4), "(InternalFailure) when calling the ListHostedZones operation");
        assertFails(r.get(5), "(InvalidSignatureException) when calling the DescribeLogGroups operation", "Signature expired:");
        assertFails(r.get(6), "(SignatureDoesNotMatch) when calling the DescribeLoadBalancers operation", "Signature not yet current:");

        sandbox.control().clearFaults();
        assertThat(cli.run(dev, "ecs", "list-clusters").exit()).as("healed").isZero();
    }

    private static void assertFails(AwsCli.Result r, String... parts) {
        assertThat(r.exit()).as(r.err()).isNotZero();
        assertThat(r.err()).contains(parts);
    }
}
