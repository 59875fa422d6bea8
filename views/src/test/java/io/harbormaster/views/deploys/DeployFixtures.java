package io.harbormaster.views.deploys;

import static io.harbormaster.model.testdata.FleetSnapshotBuilder.aSnapshot;
import static io.harbormaster.model.testdata.ServiceBuilder.aService;

import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.deploy.ContainerSpec;
import io.harbormaster.model.deploy.DeployDefaults;
import io.harbormaster.model.deploy.DeployDependencies;
import io.harbormaster.model.deploy.DeployService;
import io.harbormaster.model.deploy.DeployTarget;
import io.harbormaster.model.deploy.DeploymentEvidence;
import io.harbormaster.model.deploy.DeploymentFollower;
import io.harbormaster.model.deploy.DeploymentSettings;
import io.harbormaster.model.deploy.FollowedDeploys;
import io.harbormaster.model.deploy.ServiceDeploymentBrief;
import io.harbormaster.model.deploy.ServiceDeploymentDetail;
import io.harbormaster.model.deploy.ServiceDeployments;
import io.harbormaster.model.deploy.ServiceRevisionDetail;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.deploy.TaskDefinitionSpec;
import io.harbormaster.model.deploy.Written;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.testdata.ServiceBuilder;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.deploys.wizard.DeployPricing;
import io.harbormaster.views.deploys.wizard.WizardTools;
import io.harbormaster.views.fakes.FakeEnterEnvironment;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.InMemoryUiState;
import io.harbormaster.views.fakes.RecordingDialogs;
import io.harbormaster.views.guard.WriteGuard;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A deploy wizard's world for view-model tests: dev, the service {@code web} (two tasks of 512 CPU / 1024 MiB on one
 * m5.large of 2048 CPU / 8192 MiB at an on-demand $0.096 an hour), a deploy service over fakes that answer at once
 * (ECS keeps no deployment), and the evidence port, which nothing before a deploy may touch, failing loudly. Close
 * it after the test (the followers' thread).
 */
public final class DeployFixtures implements AutoCloseable {

    public static final String CLUSTER = ServiceBuilder.DEFAULT_CLUSTER;
    public static final ServiceRef WEB = new ServiceRef("main", "web");
    public static final HostPrice M5_LIST = HostPrice.onDemand(0.096, LocalDate.parse("2026-12-01"));

    public final EnvironmentSession dev = Fixtures.session(Fixtures.DEV);
    public final Service service = aService("web").counts(2, 2, 0).build();
    public final Host host = new Host("arn:aws:ecs:us-east-1:111111111111:container-instance/main/i-1", CLUSTER,
            "i-1", "m5.large", "us-east-1a", "ACTIVE", true, 2048, 8192, 1024, 6144, PortSet.EMPTY, PortSet.EMPTY, 2,
            0);
    public final FleetSnapshot fleet = aSnapshot().hosts(host).services(service).tasks(task("t1"), task("t2"))
            .build();
    public final DeployTarget target = target();
    public final InMemoryWriteJournal journal = new InMemoryWriteJournal(Fixtures.CLOCK);
    private final ExecutorService followers = Executors.newSingleThreadExecutor();
    public final DeployDependencies deploys = deploys();
    public final DeployPricing pricing = (session, snapshot) -> (environment, type) -> type.equals("m5.large")
            ? Optional.of(M5_LIST) : Optional.empty();
    /** The environment's CloudWatch alarms, as DescribeAlarms would list them; a test adds its own. */
    public final List<io.harbormaster.model.alarms.Alarm> alarmsInEnvironment =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    public final io.harbormaster.model.alarms.ListAlarms alarms = new io.harbormaster.model.alarms.ListAlarms() {
        @Override
        public List<io.harbormaster.model.alarms.Alarm> alarms(io.harbormaster.model.environment.EnvironmentSession s) {
            return List.copyOf(alarmsInEnvironment);
        }

        @Override
        public List<io.harbormaster.model.alarms.AlarmHistoryItem> history(
                io.harbormaster.model.environment.EnvironmentSession s, String alarmName, java.time.Instant since) {
            return List.of();
        }
    };

    private Task task(String id) {
        return new Task("arn:aws:ecs:us-east-1:111111111111:task/main/" + id, CLUSTER, "service:web", host.arn(),
                "arn:td/web:3", "RUNNING", "RUNNING", 512, 1024, PortSet.EMPTY, null, null, "");
    }

    private DeployTarget target() {
        ContainerSpec web = new ContainerSpec("web", "registry.example.com/web:1.4.2", List.of(), List.of(),
                Map.of());
        TaskDefinitionSpec spec = new TaskDefinitionSpec("arn:td/web:3", "web", 3, null, "512", "1024", List.of(web),
                Map.of());
        return new DeployTarget(WEB, service.arn(), spec, 2, 2, DeploymentSettings.rolling(List.of()), "EC2", "ECS",
                List.of(), List.of(), "");
    }

    private DeployDependencies deploys() {
        ServiceDeployments none = new ServiceDeployments() {
            @Override
            public List<ServiceDeploymentBrief> list(EnvironmentSession session, ServiceRef service, int max) {
                return List.of();
            }

            @Override
            public List<ServiceDeploymentDetail> describe(EnvironmentSession session, List<String> arns) {
                return List.of();
            }

            @Override
            public List<ServiceRevisionDetail> describeRevisions(EnvironmentSession session, List<String> arns) {
                return List.of();
            }
        };
        DeployService service = new DeployService((s, r) -> target, (s, td) -> target.taskDefinition(),
                (s, spec) -> new Written<>(spec.registered("arn:td/web:4", 4, Instant.EPOCH), "req-1"),
                (s, c) -> new Written<>("arn:sd/1", "req-2"), (s, arn) -> new Written<>(arn, "req-3"),
                (s, arn, hook, action) -> new Written<>(arn, "req-4"), none, journal, () -> "op-1");
        DeploymentFollower follower = new DeploymentFollower(none, unused(DeploymentEvidence.class), service,
                Fixtures.CLOCK);
        return new DeployDependencies(service, follower, new FollowedDeploys(service, follower, followers),
                new DeployDefaults(new InMemoryUiState()), (s, td) -> target.taskDefinition(), none, journal);
    }

    /** The tools a wizard gets from its page; writes approved without asking. */
    public WizardTools.Factory wizards(TaskExecutor executor) {
        return WizardTools.factory(deploys, executor, guard(), new RecordingDialogs(), () -> fleet, List::of,
                new FakeEnterEnvironment(), (environment, serial) -> Optional.empty(), (s, lbs) -> List.of(), pricing,
                alarms);
    }

    public WriteGuard guard() {
        return new WriteGuard(new SimpleObjectProperty<>(dev), request -> true);
    }

    /** A port that must not be called: a call fails the test, naming it. */
    public static <T> T unused(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (p, m, a) -> {
            throw new AssertionError(port.getSimpleName() + "." + m.getName() + " called");
        }));
    }

    @Override
    public void close() {
        followers.shutdownNow();
    }
}
