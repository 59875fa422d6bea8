package io.harbormaster.app.journey;

import static io.harbormaster.app.journey.CutoverChild.signal;
import static io.harbormaster.app.journey.CutoverChild.sleepForever;

import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteAuditBacklog;
import io.harbormaster.app.store.SqliteUiStateStore;
import io.harbormaster.app.store.SqliteWriteJournal;
import io.harbormaster.aws.config.AwsConfigFiles;
import io.harbormaster.aws.config.AwsProfiles;
import io.harbormaster.aws.ecs.EcsDeploymentEvidence;
import io.harbormaster.aws.ecs.EcsDeploys;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.deploy.DeployRequest;
import io.harbormaster.model.deploy.DeployService;
import io.harbormaster.model.deploy.DeploymentFollower;
import io.harbormaster.model.deploy.DeploymentSettings;
import io.harbormaster.model.deploy.OpenDeploy;
import io.harbormaster.model.deploy.RegisterRevision;
import io.harbormaster.model.deploy.RevisionSource;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.deploy.StartDeployment;
import io.harbormaster.model.deploy.TaskDefinitionChange;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.fleet.InterruptedScale;
import io.harbormaster.model.fleet.InterruptedScales;
import io.harbormaster.model.fleet.InterruptedStops;
import io.harbormaster.model.fleet.JournaledScaleService;
import io.harbormaster.model.fleet.JournaledStopTask;
import io.harbormaster.model.fleet.RequestTaskStop;
import io.harbormaster.model.fleet.ScaleServiceCommand;
import io.harbormaster.model.fleet.StopTaskCommand;
import io.harbormaster.model.fleet.UpdateDesiredCount;
import io.harbormaster.model.journal.AuditedJournal;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.model.recovery.InterruptedWrite;
import io.harbormaster.model.recovery.InterruptedWrite.Kind;
import io.harbormaster.model.recovery.InterruptedWrites;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The console's write path in a process of its own, for {@link WriteKillTest}: the real ECS adapter, the journalled
 * scale and deploy services and the SQLite store in a file, against the sandbox in the test's JVM. At the chosen
 * point it signals and waits to be killed.
 *
 * <p>Arguments: {@code home db signals mode point}. Modes: {@code scale} and {@code stop} (a task of the service;
 * points before-send: INTENT journalled, UpdateService / StopTask not sent; after-send: sent and applied, its DONE not
 * journalled), {@code deploy} (after-register,
 * after-update: the call answered, its DONE not journalled), {@code restart} (what a new console does: names the
 * open writes, enters stage, where scales and task stops are read back and deploys taken up again), {@code store} (journal lines,
 * each with its audit backlog row, and UI state written as fast as the store takes them, {@code ACK n} after every 25th).
 */
public final class WriteChild {

    static final ServiceRef SERVICE = new ServiceRef("api", "api-docs");

    private WriteChild() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path signals = Path.of(args[2]);
        String mode = args[3];
        String point = args.length > 4 ? args[4] : "";
        Clock clock = Clock.systemUTC();
        LocalStore store = LocalStore.open(Path.of(args[1]));
        SqliteWriteJournal journal = new SqliteWriteJournal(store, clock);
        if ("store".equals(mode)) {
            writeForever(store, journal, signals);
            return;
        }
        AwsConfigFiles files = new AwsConfigFiles(home.resolve("sandbox/config"), home.resolve("sandbox/credentials"));
        AwsClientFactory clients = new AwsClientFactory();
        AwsSessions sessions = new AwsSessions(() -> AwsProfiles.load(files), clients, clock);
        MfaPrompt noMfa = (environment, serial) -> Optional.empty();
        EcsDeploys ecs = new EcsDeploys(sessions, clients);
        switch (mode) {
            case "scale" -> {
                EnvironmentSession stage = sessions.enter(CutoverChild.STAGE, noMfa);
                int now = ecs.desiredCount(stage, SERVICE.cluster(), SERVICE.service()).orElseThrow();
                signal(signals, "ASKED " + (now + 1));
                UpdateDesiredCount killing = (session, command) -> sent(point, signals,
                        () -> ecs.updateDesiredCount(session, command));
                new JournaledScaleService(killing, journal, () -> UUID.randomUUID().toString()).scale(stage,
                        new ScaleServiceCommand(SERVICE.cluster(), SERVICE.service(), now + 1,
                                OptionalInt.of(now)));
            }
            case "deploy" -> {
                EnvironmentSession stage = sessions.enter(CutoverChild.STAGE, noMfa);
                RegisterRevision register = (session, spec) -> {
                    var written = ecs.register(session, spec);
                    signal(signals, "REGISTERED " + written.result().arn());
                    stopAt(point, "after-register", signals);
                    return written;
                };
                StartDeployment start = (session, command) -> {
                    var written = ecs.start(session, command);
                    signal(signals, "STARTED " + written.result());
                    stopAt(point, "after-update", signals);
                    return written;
                };
                DeployService deploys = new DeployService(ecs, ecs, register, start, ecs, ecs, ecs, journal,
                        () -> UUID.randomUUID().toString());
                var target = deploys.target(stage, SERVICE);
                var first = target.taskDefinition().containers().get(0);
                deploys.deploy(stage, deploys.preview(stage, new DeployRequest(SERVICE, new RevisionSource.Changed(
                        TaskDefinitionChange.images(Map.of(first.name(), first.imageRepository() + ":killed-"
                                + point))), OptionalInt.empty(), DeploymentSettings.rolling(List.of()))));
            }
            case "stop" -> {
                EnvironmentSession stage = sessions.enter(CutoverChild.STAGE, noMfa);
                String task = clients.ecs(sessions.context(stage)).listTasks(r -> r.cluster(SERVICE.cluster())
                        .serviceName(SERVICE.service()).desiredStatus("RUNNING")).taskArns().get(0);
                signal(signals, "TASK " + task);
                RequestTaskStop killing = (session, command) -> sent(point, signals,
                        () -> ecs.requestStop(session, command));
                new JournaledStopTask(killing, journal, () -> UUID.randomUUID().toString()).stop(stage,
                        new StopTaskCommand(SERVICE.cluster(), task, SERVICE.service(), "killed " + point));
            }
            case "restart" -> restart(journal, ecs, sessions, noMfa, clock, signals);
            default -> throw new IllegalArgumentException(mode);
        }
        signal(signals, "DONE");
        System.exit(0);
    }

    /** What a console starting on this store finds and does: the app's entry, journal and adapters. */
    private static void restart(SqliteWriteJournal journal, EcsDeploys ecs, AwsSessions sessions, MfaPrompt noMfa,
                                Clock clock, Path signals) {
        InterruptedWrites notice = new InterruptedWrites(journal, id -> id);
        InterruptedScales scales = new InterruptedScales(journal, ecs);
        InterruptedStops stops = new InterruptedStops(journal, ecs);
        List<InterruptedWrite> stopsOpen = notice.atStart().stream().filter(w -> w.kind() == Kind.STOP_TASK).toList();
        stopsOpen.forEach(w -> signal(signals, "OPEN " + w.what() + ": " + w.foundText()));
        DeployService deploys = new DeployService(ecs, ecs, ecs, ecs, ecs, ecs, ecs, journal,
                () -> UUID.randomUUID().toString());
        for (InterruptedScale s : scales.open()) {
            signal(signals, "OPEN " + s.describe());
        }
        for (OpenDeploy d : deploys.openDeploys()) {
            signal(signals, "OPEN Deploy of " + d.service().serviceName() + " to " + d.taskDefinitionArn()
                    + (d.updateSent() ? " (UpdateService sent, no answer recorded)" : " (UpdateService not sent)"));
        }
        EnvironmentSession stage = stops.settlingEntry(scales.settlingEntry(sessions)).enter(CutoverChild.STAGE,
                noMfa);
        scales.found().forEach(f -> signal(signals, "FOUND " + f));
        notice.now().stream().filter(w -> w.kind() == Kind.STOP_TASK).forEach(w -> signal(signals, "FOUND "
                + w.what() + ": " + w.foundText()));
        DeploymentFollower follower = new DeploymentFollower(ecs, new EcsDeploymentEvidence(sessions,
                new AwsClientFactory(), ecs), deploys, clock);
        for (OpenDeploy d : deploys.openDeploys()) {
            signal(signals, "FOUND Deploy of " + d.service().serviceName() + ": " + follower.resume(stage, d)
                    .map(s -> "following " + s.serviceDeploymentArn()).orElse("closed, nothing deployed"));
        }
    }

    /** The write, the child stopped (to be killed) just before or just after it at {@code point}. */
    private static String sent(String point, Path signals, java.util.function.Supplier<String> write) {
        stopAt(point, "before-send", signals);
        String requestId = write.get();
        stopAt(point, "after-send", signals);
        return requestId;
    }

    private static void stopAt(String point, String here, Path signals) {
        if (point.equals(here)) {
            signal(signals, "AT " + here);
            sleepForever();
        }
    }

    /**
     * One INTENT, one UI-state write and one DONE per round, as fast as the store takes them, each line with its
     * audit backlog row as the cutovers' journal writes it (the copy never runs here: every line stays waiting).
     */
    private static void writeForever(LocalStore store, SqliteWriteJournal local, Path signals) {
        AuditedJournal journal = new AuditedJournal(local, new SqliteAuditBacklog(store), (lines, progress) -> { },
                copy -> { });
        SqliteUiStateStore ui = new SqliteUiStateStore(store);
        for (int n = 1; ; n++) {
            JournalRecord intent = new JournalRecord("op-" + n, "store-test", JournalPhase.INTENT, "stage",
                    "resource-" + n, "alice", "round " + n, "", Map.of("n", String.valueOf(n)));
            journal.append(intent);
            ui.put("round", String.valueOf(n));
            journal.append(intent.as(JournalPhase.DONE, "round " + n + " done", "req-" + n, Map.of()));
            journal.append(intent.as(JournalPhase.END, "round " + n + " over", "", Map.of()));
            if (n % 25 == 0) {
                signal(signals, "ACK " + n);
            }
        }
    }
}
