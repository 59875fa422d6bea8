package io.harbormaster.aws.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.aws.config.AwsConfigFiles;
import io.harbormaster.aws.config.AwsProfiles;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.CallPlan;
import io.harbormaster.model.fleet.CallPlanner;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.model.fleet.FleetShape;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet at benchmark size, with the sandbox's default latency and throttling on. Slow, so only run when asked:
 * {@code ./mvnw -B -ntp -pl aws-adapters verify -Dtest=FleetScaleTest -Dharbormaster.scale=true}
 * (add {@code -Dharbormaster.scale.fleet=services} for the 2,000-service cluster). Reports through the log.
 */
@EnabledIfSystemProperty(named = "harbormaster.scale", matches = "true")
class FleetScaleTest {

    private static final Logger LOG = Logger.getLogger(FleetScaleTest.class.getName());

    @TempDir
    Path dir;

    @Test
    void aFullLoadAndAnIdleRefreshAtScale() throws Exception {
        String fleetName = System.getProperty("harbormaster.scale.fleet", "large");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withFleet(fleetName).withSpeed(0)
                .withBusinessDay(false));
                AwsClientFactory clients = new AwsClientFactory()) {
            Path config = dir.resolve("config");
            Path credentials = dir.resolve("credentials");
            Files.writeString(config, sandbox.awsConfig("alice"));
            Files.writeString(credentials, sandbox.awsCredentials("alice"));
            AwsConfigFiles files = new AwsConfigFiles(config, credentials);
            AwsSessions sessions = new AwsSessions(() -> AwsProfiles.load(files), clients, Clock.systemUTC());
            EnvironmentSession prod = sessions.enter(EnvironmentBuilder.sandbox("prod").colour("#cc3333").build(),
                    (e, serial) -> Optional.of(sandbox.currentTotpCode("alice")));

            try (EcsFleet fleet = new EcsFleet(sessions, clients, Clock.systemUTC())) {
                long start = System.nanoTime();
                AtomicLong servicesAt = new AtomicLong();
                FleetSnapshot snapshot = fleet.load(prod, new FleetLoadListener() {
                    @Override
                    public void servicesReady(List<Cluster> clusters, List<Service> services,
                            Map<String, TaskDefinition> definitions) {
                        servicesAt.set(System.nanoTime() - start);
                    }
                });
                long loadNanos = System.nanoTime() - start;
                CallPlan minimum = CallPlanner.fullLoad(FleetShape.of(snapshot));
                Map<String, Integer> excess = new HashMap<>(minimum.excessOf(snapshot.stats()));
                System.gc();
                long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
                LOG.info(() -> String.format("%s fleet: %s%n full load %d ms (services ready at %d ms), %d calls,"
                        + " minimum %d, excess %s, retries %d, throttles %d, problems %s, heap after load %d MB%n"
                        + " by operation %s", fleetName, snapshot, loadNanos / 1_000_000,
                        servicesAt.get() / 1_000_000, snapshot.stats().totalCalls(), minimum.total(), excess,
                        snapshot.stats().retries(), snapshot.stats().throttles(), snapshot.problems(),
                        heap / (1024 * 1024), snapshot.stats().callsByOperation()));

                long refreshStart = System.nanoTime();
                FleetSnapshot next = fleet.refresh(prod, snapshot, FleetLoadListener.NONE);
                long refreshNanos = System.nanoTime() - refreshStart;
                CallPlan idle = CallPlanner.idleRefresh(FleetShape.of(snapshot));
                LOG.info(() -> String.format("idle refresh %d ms, %d calls, minimum %d, excess %s, retries %d,"
                        + " throttles %d%n by operation %s", refreshNanos / 1_000_000, next.stats().totalCalls(),
                        idle.total(), idle.excessOf(next.stats()), next.stats().retries(), next.stats().throttles(),
                        next.stats().callsByOperation()));

                excess.remove(CallPlan.DESCRIBE_TARGET_HEALTH);
                assertThat(excess).isEmpty();
                assertThat(snapshot.problems()).allMatch(p -> p.missing().equals("target health"));
            }
        }
    }
}
