package io.harbormaster.model.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeployDifferTest {

    private final TaskDefinitionSpec current = DeployTestData.definition(42, "1.4.2", Instant.EPOCH);

    @Test
    void anImageChangeIsOneRemovedAndOneAddedLineInItsContainerOnly() {
        TaskDefinitionSpec next = NewRevision.of(current, TaskDefinitionChange.images(Map.of("web",
                "registry.example/web:1.5.0")));
        List<DiffSection> sections = DeployDiffer.taskDefinition(current, next);

        assertThat(sections).extracting(DiffSection::title).containsExactly("task", "container web",
                "container envoy");
        assertThat(sections.get(0).changed()).isFalse();
        assertThat(sections.get(2).changed()).isFalse();
        assertThat(sections.get(1).lines()).filteredOn(l -> l.kind() != DiffLine.Kind.SAME).extracting(
                DiffLine::unified).containsExactly("- image: registry.example/web:1.4.2",
                "+ image: registry.example/web:1.5.0");
    }

    @Test
    void aChangedSecretSaysSoWithoutItsValueAndAnUnchangedOneIsContext() {
        TaskDefinitionSpec next = NewRevision.of(current, new TaskDefinitionChange(List.of(new ContainerChange("web",
                "", Map.of("DB_PASSWORD", "correct horse"), Set.of())), "", ""));
        DiffSection web = DeployDiffer.taskDefinition(current, next).get(1);

        assertThat(web.unified()).doesNotContain("hunter2").doesNotContain("correct horse")
                .doesNotContain("secret:tok");
        assertThat(web.lines()).filteredOn(l -> l.kind() != DiffLine.Kind.SAME).extracting(DiffLine::unified)
                .containsExactly("- env DB_PASSWORD=••••••••", "+ env DB_PASSWORD=•••••••• (changed)");
        assertThat(web.lines()).contains(new DiffLine(DiffLine.Kind.SAME, "secret API_TOKEN=••••••••"),
                new DiffLine(DiffLine.Kind.SAME, "env LOG_LEVEL=info"));
    }

    @Test
    void aChangedSecretsEntryIsMarkedChanged() {
        TaskDefinitionSpec next = new TaskDefinitionSpec("", "web", 0, null, "512", "1024", List.of(
                new ContainerSpec("web", current.container("web").orElseThrow().image(),
                        current.container("web").orElseThrow().environment(), List.of(new SecretRef("API_TOKEN",
                        "arn:aws:secretsmanager:eu-west-1:1:secret:other"))
                        , current.container("web").orElseThrow().otherFields()),
                current.container("envoy").orElseThrow()), current.otherFields());

        DiffSection web = DeployDiffer.taskDefinition(current, next).get(1);
        assertThat(web.lines()).filteredOn(l -> l.kind() != DiffLine.Kind.SAME).extracting(DiffLine::unified)
                .containsExactly("- secret API_TOKEN=••••••••", "+ secret API_TOKEN=•••••••• (changed)");
        assertThat(web.unified()).doesNotContain("secretsmanager");
    }

    @Test
    void taskLevelChangesAndARemovedContainerShow() {
        TaskDefinitionSpec next = new TaskDefinitionSpec("", "web", 0, null, "1024", "1024",
                List.of(current.container("web").orElseThrow()), current.otherFields());
        List<DiffSection> sections = DeployDiffer.taskDefinition(current, next);

        assertThat(sections.get(0).lines()).filteredOn(l -> l.kind() != DiffLine.Kind.SAME)
                .extracting(DiffLine::unified).containsExactly("- cpu: 512", "+ cpu: 1024");
        assertThat(sections.get(2).title()).isEqualTo("container envoy");
        assertThat(sections.get(2).lines()).allMatch(l -> l.kind() == DiffLine.Kind.REMOVED);
    }

    @Test
    void serviceSettingsDiffNamesEachChangedSetting() {
        DeployTarget target = DeployTestData.target(4);
        DeployRequest request = new DeployRequest(DeployTestData.WEB, new RevisionSource.Existing("web:41"),
                OptionalInt.of(6), DeployTestData.settings(DeployStrategy.CANARY));

        assertThat(DeployDiffer.settings(target, request)).containsExactly(
                new SettingChange("desired count", "4", "6"),
                new SettingChange("strategy", "ROLLING", "CANARY"),
                new SettingChange("bake time (minutes)", "0", "15"),
                new SettingChange("canary", "—", "10 % for 20 min"),
                new SettingChange("load balancers", "web:8080", "web:8080 alternate web-green"));
    }
}
