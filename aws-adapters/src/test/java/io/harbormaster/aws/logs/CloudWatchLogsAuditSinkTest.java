package io.harbormaster.aws.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.aws.SandboxAccess;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.journal.AuditedJournal;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** Journal lines copied to the team's log group over the real wire, a stream per operator. */
class CloudWatchLogsAuditSinkTest {

    private static SandboxAccess access;
    private static AwsSessions sessions;
    private static EnvironmentSession stage;

    @BeforeAll
    static void enter(@TempDir Path dir) {
        access = SandboxAccess.start(dir);
        sessions = access.sessionsFor("alice");
        stage = sessions.enter(SandboxAccess.environment("stage"), access.deviceOf("alice"));
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void everyLineLandsInTheOperatorsStreamAsJson() {
        CloudWatchLogsAuditSink sink = new CloudWatchLogsAuditSink(() -> stage, sessions, access.clients(),
                "/harbormaster/audit");
        Clock sandboxTime = Clock.fixed(access.sandbox().clock().now(), java.time.ZoneOffset.UTC);
        AuditedJournal journal = new AuditedJournal(new InMemoryWriteJournal(sandboxTime), sink, Runnable::run);
        String actor = "arn:aws:iam::111111111111:user/alice";
        journal.append(new JournalRecord("cut-1", "cutover", JournalPhase.INTENT, "sandbox-prod",
                "Z0/api.example.com./A", actor, "Write step 1 of 4: blue 75 · green 25", "",
                Map.of("event", "write", "weights", "blue=75,green=25")));
        journal.append(new JournalRecord("cut-1", "cutover", JournalPhase.DONE, "sandbox-prod",
                "Z0/api.example.com./A", actor, "Written \"step 1\"", "req-1", Map.of("changeId", "C0X")));
        assertThat(journal.pending()).isZero();

        List<OutputLogEvent> events = access.clients().logs(sessions.context(stage)).getLogEvents(b -> b
                .logGroupName("/harbormaster/audit").logStreamName("arn_aws_iam__111111111111_user/alice")
                .startFromHead(true)).events();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).message()).contains("\"phase\":\"INTENT\"", "\"weights\":\"blue=75,green=25\"",
                "\"operation\":\"cut-1\"");
        assertThat(events.get(1).message()).contains("\"summary\":\"Written \\\"step 1\\\"\"",
                "\"awsRequestId\":\"req-1\"");
    }

    @Test
    void aDeniedCopyStaysPendingAndTheWriteGoesOn() {
        AwsSessions carol = access.sessionsFor("carol");
        EnvironmentSession readOnly = carol.enter(SandboxAccess.environment("stage"), access.deviceOf("carol"));
        CloudWatchLogsAuditSink sink = new CloudWatchLogsAuditSink(() -> readOnly, carol,
                access.clients(), "/harbormaster/audit-denied");
        InMemoryWriteJournal local = new InMemoryWriteJournal(Clock.systemUTC());
        AuditedJournal journal = new AuditedJournal(local, sink, Runnable::run);
        journal.append(new JournalRecord("cut-2", "cutover", JournalPhase.NOTE, "sandbox-prod", "r", "carol",
                "Paused by carol", "", Map.of("event", "pause")));
        assertThat(journal.pending()).isEqualTo(1);
        assertThat(local.operation("cut-2")).extracting(e -> e.record().fact("event")).containsExactly("pause",
                AuditedJournal.AUDIT_PENDING);
        assertThat(local.operation("cut-2").get(1).record().summary()).contains("Access denied", "pending");
    }
}
