package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.sandbox.iam.Iam;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.model.EcsException;

/**
 * The ops users' identity-based policies, as an administrator attaches them: alice and bob may copy the console's
 * journal to {@code /harbormaster/audit} in the ops account and read it; carol may only read it; nothing else is
 * allowed to a user, and a denied call says which action on which resource, as AWS does.
 */
class UserPoliciesTest {

    private static final String GROUP = "/harbormaster/audit";

    private Sandbox sandbox;
    private SdkClients clients;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        clients = new SdkClients(sandbox);
    }

    @AfterEach
    void stop() {
        clients.close();
        sandbox.close();
    }

    private void copy(CloudWatchLogsClient logs, String group, String stream, String message) {
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(e -> e.timestamp(
                sandbox.clock().now().toEpochMilli()).message(message)));
    }

    @Test
    void anOperatorCopiesToTheAuditLogInTheOpsAccountAndReadsItBack() {
        CloudWatchLogsClient alice = clients.logs(clients.user("alice"));
        alice.createLogGroup(b -> b.logGroupName(GROUP));
        alice.createLogStream(b -> b.logGroupName(GROUP).logStreamName("alice"));
        copy(alice, GROUP, "alice", "{\"phase\":\"INTENT\"}");
        assertThat(alice.describeLogStreams(b -> b.logGroupName(GROUP)).logStreams()).extracting(s -> s
                .logStreamName()).containsExactly("alice");
        CloudWatchLogsClient bob = clients.logs(clients.user("bob"));
        bob.createLogStream(b -> b.logGroupName(GROUP).logStreamName("bob"));
        copy(bob, GROUP, "bob", "{\"phase\":\"DONE\"}");

        CloudWatchLogsClient carol = clients.logs(clients.user("carol"));
        List<OutputLogEvent> read = carol.getLogEvents(b -> b.logGroupName(GROUP).logStreamName("alice")
                .startFromHead(true)).events();
        assertThat(read).extracting(OutputLogEvent::message).containsExactly("{\"phase\":\"INTENT\"}");
        assertThat(carol.filterLogEvents(b -> b.logGroupName(GROUP)).events()).hasSize(2);
    }

    @Test
    void everythingElseIsDeniedWithTheActionAndTheResource() {
        CloudWatchLogsClient alice = clients.logs(clients.user("alice"));
        assertThatThrownBy(() -> alice.createLogGroup(b -> b.logGroupName("/other")))
                .isInstanceOf(CloudWatchLogsException.class)
                .satisfies(e -> assertThat(((CloudWatchLogsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("AccessDeniedException"))
                .hasMessageContaining("User: arn:aws:iam::111111111111:user/alice is not authorized to perform:"
                        + " logs:CreateLogGroup on resource: arn:aws:logs:us-east-1:111111111111:log-group:/other"
                        + " because no identity-based policy allows the logs:CreateLogGroup action");
        assertThatThrownBy(() -> clients.ecs(clients.user("alice")).listClusters())
                .isInstanceOf(EcsException.class).hasMessageContaining("ecs:ListClusters");

        alice.createLogGroup(b -> b.logGroupName(GROUP));
        CloudWatchLogsClient carol = clients.logs(clients.user("carol"));
        assertThatThrownBy(() -> carol.createLogStream(b -> b.logGroupName(GROUP).logStreamName("carol")))
                .hasMessageContaining("logs:CreateLogStream on resource: arn:aws:logs:us-east-1:111111111111"
                        + ":log-group:/harbormaster/audit because");
    }

    @Test
    void anAdministratorDetachingThePolicyTakesTheCopyAway() {
        CloudWatchLogsClient bob = clients.logs(clients.user("bob"));
        bob.createLogGroup(b -> b.logGroupName(GROUP));
        bob.createLogStream(b -> b.logGroupName(GROUP).logStreamName("bob"));
        assertThat(sandbox.control().detachUserPolicy("bob", Iam.AUDIT_LOG_POLICY.name())).isTrue();
        assertThatThrownBy(() -> copy(bob, GROUP, "bob", "x")).hasMessageContaining(
                "logs:PutLogEvents on resource: arn:aws:logs:us-east-1:111111111111:log-group:/harbormaster/audit"
                        + ":log-stream:bob");
        sandbox.control().attachUserPolicy("bob", Iam.AUDIT_LOG_POLICY);
        copy(bob, GROUP, "bob", "x");
    }
}
