package io.harbormaster.model.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.ContainerDefinition;
import io.harbormaster.model.fleet.EnvironmentVariable;
import io.harbormaster.model.fleet.PlacementConstraint;
import io.harbormaster.model.fleet.PlacementStrategy;
import io.harbormaster.model.fleet.SecretNames;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.model.testdata.ServiceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceComparisonTest {

    private static Service service(String account, int desired, List<PlacementStrategy> strategy) {
        return ServiceBuilder.aService("api-green").cluster("arn:aws:ecs:us-east-1:" + account + ":cluster/api")
                .counts(desired, desired, 0).taskDefinition("arn:aws:ecs:us-east-1:" + account
                        + ":task-definition/api-green:3")
                .placementStrategy(strategy).placementConstraints(new PlacementConstraint("distinctInstance", ""))
                .build();
    }

    private static TaskDefinition definition(String tag, int memory, List<EnvironmentVariable> env,
            ContainerDefinition... sidecars) {
        List<ContainerDefinition> containers = new java.util.ArrayList<>();
        containers.add(new ContainerDefinition("api", "registry/api-green:" + tag, 512, memory, 0, List.of(), env));
        containers.addAll(List.of(sidecars));
        return new TaskDefinition("arn:td/api-green:3", "api-green", 3, 0, 0, "bridge", containers);
    }

    private static ComparedLine line(List<ComparedLine> lines, String section, String label) {
        return lines.stream().filter(l -> l.section().equals(section) && l.label().equals(label)).findFirst()
                .orElseThrow();
    }

    @Test
    void sameServiceSameEverythingHasNoDifferences() {
        List<PlacementStrategy> spread = List.of(new PlacementStrategy("spread", "attribute:ecs.availability-zone"));
        List<ComparedLine> lines = ServiceComparison.of(service("1", 2, spread),
                definition("1.43.0", 1024, List.of(new EnvironmentVariable("ENV", "prod"))),
                service("2", 2, spread), definition("1.43.0", 1024, List.of(new EnvironmentVariable("ENV", "prod"))));
        assertThat(ServiceComparison.differences(lines)).isZero();
        assertThat(line(lines, "Placement", "Strategy").left()).isEqualTo("spread(attribute:ecs.availability-zone)");
        assertThat(line(lines, "Placement", "Constraints").right()).isEqualTo("distinctInstance");
    }

    @Test
    void imageMemoryCountAndVariablesThatDifferAreMarked() {
        List<ComparedLine> lines = ServiceComparison.of(
                service("1", 6, List.of()),
                definition("1.43.0", 4096, List.of(new EnvironmentVariable("ENV", "prod"),
                        new EnvironmentVariable("LOG_LEVEL", "warn"), new EnvironmentVariable("PORT", "8080"))),
                service("2", 2, List.of()),
                definition("1.44.0-rc.1", 3072, List.of(new EnvironmentVariable("ENV", "stage"),
                        new EnvironmentVariable("LOG_LEVEL", "debug"), new EnvironmentVariable("PORT", "8080"))));

        ComparedLine image = line(lines, "Container api", "Image");
        assertThat(image.differs()).isTrue();
        assertThat(image.left()).endsWith(":1.43.0");
        assertThat(image.right()).endsWith(":1.44.0-rc.1");
        assertThat(line(lines, "Container api", "Memory (MiB)").differs()).isTrue();
        assertThat(line(lines, "Container api", "CPU").differs()).isFalse();
        assertThat(line(lines, "Service", "Desired count")).extracting(ComparedLine::left, ComparedLine::right)
                .containsExactly("6", "2");
        assertThat(line(lines, "Environment of api", "ENV").differs()).isTrue();
        assertThat(line(lines, "Environment of api", "LOG_LEVEL").differs()).isTrue();
        assertThat(line(lines, "Environment of api", "PORT").differs()).isFalse();
        assertThat(ServiceComparison.differences(lines)).isEqualTo(5);
    }

    @Test
    void secretsAreComparedOnTheirValuesButShownMasked() {
        List<ComparedLine> lines = ServiceComparison.of(service("1", 1, List.of()),
                definition("1", 512, List.of(new EnvironmentVariable("DB_PASSWORD", "hunter2"))),
                service("2", 1, List.of()),
                definition("1", 512, List.of(new EnvironmentVariable("DB_PASSWORD", "letmein"))));
        ComparedLine secret = line(lines, "Environment of api", "DB_PASSWORD");
        assertThat(secret.differs()).isTrue();
        assertThat(secret.left()).isEqualTo(SecretNames.MASK);
        assertThat(secret.right()).isEqualTo(SecretNames.MASK);
        assertThat(secret.verdict()).isEqualTo("differs (values hidden)");
        assertThat(lines.toString()).doesNotContain("hunter2", "letmein");
    }

    @Test
    void twoEqualSecretsReadSameAndAVisibleDifferenceNeedsNoVerdict() {
        List<ComparedLine> lines = ServiceComparison.of(service("1", 1, List.of()),
                definition("1", 512, List.of(new EnvironmentVariable("API_TOKEN", "s3cr3t"),
                        new EnvironmentVariable("DB_PASSWORD", "hunter2"), new EnvironmentVariable("ENV", "prod"))),
                service("2", 1, List.of()),
                definition("1", 512, List.of(new EnvironmentVariable("API_TOKEN", "s3cr3t"),
                        new EnvironmentVariable("ENV", "stage"))));
        ComparedLine token = line(lines, "Environment of api", "API_TOKEN");
        assertThat(token).extracting(ComparedLine::left, ComparedLine::right, ComparedLine::differs,
                ComparedLine::verdict).containsExactly(SecretNames.MASK, SecretNames.MASK, false, "same");
        // A secret on one side only shows as a difference the dash already tells.
        ComparedLine password = line(lines, "Environment of api", "DB_PASSWORD");
        assertThat(password).extracting(ComparedLine::right, ComparedLine::differs, ComparedLine::verdict)
                .containsExactly(ComparedLine.NONE, true, "");
        assertThat(line(lines, "Environment of api", "ENV").verdict()).isEmpty();
        assertThat(lines.toString()).doesNotContain("s3cr3t", "hunter2");
    }

    @Test
    void aContainerOrVariableOnOneSideOnlyShowsADash() {
        ContainerDefinition sidecar = new ContainerDefinition("envoy", "envoy:1.29", 128, 256, 0, List.of(),
                List.of());
        List<ComparedLine> lines = ServiceComparison.of(service("1", 1, List.of()),
                definition("1", 512, List.of(new EnvironmentVariable("FEATURE_FLAGS", "a,b")), sidecar),
                service("2", 1, List.of()), definition("1", 512, List.of()));
        assertThat(line(lines, "Container envoy", "Image")).extracting(ComparedLine::right, ComparedLine::differs)
                .containsExactly(ComparedLine.NONE, true);
        assertThat(line(lines, "Environment of api", "FEATURE_FLAGS").right()).isEqualTo(ComparedLine.NONE);
    }

    @Test
    void aMissingTaskDefinitionComparesAsNothing() {
        List<ComparedLine> lines = ServiceComparison.of(service("1", 1, List.of()), null, service("2", 1, List.of()),
                definition("1", 512, List.of()));
        assertThat(line(lines, "Container api", "Image").left()).isEqualTo(ComparedLine.NONE);
        assertThat(line(lines, "Service", "Task definition family").differs()).isTrue();
    }
}
