package io.harbormaster.views.deploys.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.deploy.ContainerSpec;
import io.harbormaster.model.deploy.DeployRequest;
import io.harbormaster.model.deploy.DeployStrategy;
import io.harbormaster.model.deploy.DeployTarget;
import io.harbormaster.model.deploy.DeploymentSettings;
import io.harbormaster.model.deploy.HookTargetType;
import io.harbormaster.model.deploy.LifecycleStage;
import io.harbormaster.model.deploy.LoadBalancerRouting;
import io.harbormaster.model.deploy.RevisionSource;
import io.harbormaster.model.deploy.SecretRef;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.deploy.TaskDefinitionSpec;
import io.harbormaster.model.fleet.EnvironmentVariable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wizard's Change and Strategy pages: what they validate and what request they build. */
class WizardStepsTest {

    private static final LoadBalancerRouting LB = new LoadBalancerRouting("arn:tg/web", "web", 8080, "", "", "", "");

    private static DeployTarget target(List<LoadBalancerRouting> lbs) {
        ContainerSpec web = new ContainerSpec("web", "registry.example.com/web:1.4.2",
                List.of(new EnvironmentVariable("LOG_LEVEL", "info")), List.of(new SecretRef("DB_PASSWORD",
                "arn:aws:secretsmanager:eu-west-1:1:secret:db")), Map.of("cpu", "256"));
        ContainerSpec log = new ContainerSpec("log", "registry.example.com/log:2.0", List.of(), List.of(), Map.of());
        TaskDefinitionSpec spec = new TaskDefinitionSpec("arn:td/web:3", "web", 3, null, "512", "1024",
                List.of(web, log), Map.of());
        return new DeployTarget(new ServiceRef("main", "web"), "arn:svc/web", spec, 2, 2,
                DeploymentSettings.rolling(lbs), "EC2", "ECS", List.of(), List.of(), "");
    }

    @Test
    void theChangePageWantsSomethingToDeployAndTakesABareTagAsATagOfTheCurrentRepository() {
        ChangeStep change = new ChangeStep();
        assertThat(change.problemProperty().get()).isEqualTo("Reading the service…");
        change.load(target(List.of()), repository -> List.of(repository + ":1.5.0"));
        assertThat(change.problemProperty().get()).startsWith("nothing to deploy");
        assertThat(change.images()).extracting(ImageRow::container).containsExactly("web", "log");
        assertThat(change.images().get(0).knownImages()).containsExactly("registry.example.com/web:1.5.0");

        change.images().get(0).newImageProperty().set("1.5.0");
        assertThat(change.problemProperty().get()).isEmpty();
        DeployRequest request = change.request(target(List.of()).settings());
        RevisionSource.Changed changed = (RevisionSource.Changed) request.revision();
        assertThat(changed.change().containers()).hasSize(1);
        assertThat(changed.change().containers().get(0).image()).isEqualTo("registry.example.com/web:1.5.0");
        assertThat(request.desiredCount()).isEmpty();
    }

    @Test
    void theChangePageValidatesCountsEnvironmentEditsAndRevisions() {
        ChangeStep change = new ChangeStep();
        change.load(target(List.of()), repository -> List.of());
        change.images().get(1).newImageProperty().set("2.1");
        change.desiredProperty().set("four");
        assertThat(change.problemProperty().get()).startsWith("The desired count is a whole number");
        change.desiredProperty().set("4");
        assertThat(change.problemProperty().get()).isEmpty();
        assertThat(change.request(target(List.of()).settings()).desiredCount()).hasValue(4);

        change.environmentEditsProperty().set("just words");
        assertThat(change.problemProperty().get()).contains("neither NAME=value nor -NAME");
        change.environmentEditsProperty().set("LOG_LEVEL=debug\n-OLD_FLAG");
        assertThat(change.problemProperty().get()).isEmpty();
        var web = ((RevisionSource.Changed) change.request(target(List.of()).settings()).revision()).change()
                .containers().get(0);
        assertThat(web.setEnvironment()).containsEntry("LOG_LEVEL", "debug");
        assertThat(web.removeEnvironment()).containsExactly("OLD_FLAG");

        change.modeProperty().set(ChangeStep.Mode.EXISTING_REVISION);
        assertThat(change.problemProperty().get()).startsWith("Type the revision to deploy");
        change.revisionProperty().set("web:2");
        assertThat(change.problemProperty().get()).isEmpty();
        assertThat(change.request(target(List.of()).settings()).revision())
                .isEqualTo(new RevisionSource.Existing("web:2"));
    }

    @Test
    void secretsAreShownMaskedAndKept() {
        ChangeStep change = new ChangeStep();
        change.load(target(List.of()), repository -> List.of());
        assertThat(change.environmentShown("web")).containsExactly("LOG_LEVEL=info",
                "DB_PASSWORD=•••••• (secret, kept)");
        assertThat(String.join("", change.environmentShown("web"))).doesNotContain("secretsmanager");
    }

    @Test
    void theStrategyPageSaysWhatIsWrongAndBuildsEcsSettings() {
        StrategyStep strategy = new StrategyStep();
        strategy.load(DeploymentSettings.rolling(List.of()));
        assertThat(strategy.problemProperty().get()).isEmpty();
        strategy.minimumHealthyProperty().set("x");
        assertThat(strategy.problemProperty().get()).isEqualTo("Minimum healthy percent is a whole number");
        strategy.minimumHealthyProperty().set("100");
        strategy.maximumProperty().set("100");
        assertThat(strategy.problemProperty().get()).contains("can never replace a task");
        strategy.maximumProperty().set("150");

        strategy.strategyProperty().set(DeployStrategy.BLUE_GREEN);
        assertThat(strategy.problemProperty().get()).contains("this service has no load balancer");
    }

    @Test
    void trafficShiftingNeedsRoutingWhichAFoundSuggestionFillsWithoutOverwritingWhatWasTyped() {
        StrategyStep strategy = new StrategyStep();
        strategy.load(DeploymentSettings.rolling(List.of(LB)));
        strategy.strategyProperty().set(DeployStrategy.CANARY);
        assertThat(strategy.problemProperty().get()).contains("alternate target group");
        strategy.roleProperty().set("arn:role/typed");
        strategy.offerRouting(List.of(LB.withAdvanced("arn:tg/web-alt", "arn:rule/1", "", "arn:role/found")));
        assertThat(strategy.alternateTargetGroupProperty().get()).isEqualTo("arn:tg/web-alt");
        assertThat(strategy.roleProperty().get()).isEqualTo("arn:role/typed");
        assertThat(strategy.problemProperty().get()).isEmpty();

        strategy.canaryPercentProperty().set("0.5");
        strategy.canaryBakeProperty().set("15");
        strategy.pauses().add(LifecycleStage.POST_SCALE_UP);
        DeploymentSettings settings = strategy.settings();
        assertThat(settings.strategy()).isEqualTo(DeployStrategy.CANARY);
        assertThat(settings.canary().canaryPercent()).isEqualTo(0.5);
        assertThat(settings.canary().canaryBakeMinutes()).isEqualTo(15);
        assertThat(settings.loadBalancers().get(0).alternateTargetGroupArn()).isEqualTo("arn:tg/web-alt");
        assertThat(settings.hooks()).singleElement().satisfies(h -> {
            assertThat(h.type()).isEqualTo(HookTargetType.PAUSE);
            assertThat(h.stages()).containsExactly(LifecycleStage.POST_SCALE_UP);
        });

        strategy.strategyProperty().set(DeployStrategy.ROLLING);
        assertThat(strategy.settings().loadBalancers().get(0).hasAdvanced())
                .as("a rolling deploy leaves the load balancer as it is").isFalse();
    }

    @Test
    void theServicesOwnAlarmsAreOfferedAndANameTheEnvironmentLacksIsPointedOut() {
        StrategyStep strategy = new StrategyStep();
        strategy.load(target(List.of(LB)).settings());
        assertThat(strategy.alarmsNoteProperty().get()).as("nothing said before the alarms are read").isEmpty();

        io.harbormaster.model.alarms.Alarm cpu = alarm("web cpu critical", "AWS/ECS",
                Map.of("ClusterName", "main", "ServiceName", "web"), "");
        io.harbormaster.model.alarms.Alarm errors = alarm("web-5xx", "AWS/ApplicationELB",
                Map.of("TargetGroup", "arn:tg/web"), "");
        io.harbormaster.model.alarms.Alarm scaling = alarm("TargetTracking-service/main/web-AlarmHigh-1", "AWS/ECS",
                Map.of("ClusterName", "main", "ServiceName", "web"), "For TargetTrackingScaling policy x");
        io.harbormaster.model.alarms.Alarm other = alarm("api-cpu", "AWS/ECS",
                Map.of("ClusterName", "main", "ServiceName", "api"), "");
        List<io.harbormaster.model.alarms.Alarm> all = List.of(cpu, errors, scaling, other);
        strategy.offerAlarms(io.harbormaster.model.alarms.ServiceAlarms.of(all, "main", "web", List.of("arn:tg/web")),
                all.stream().map(io.harbormaster.model.alarms.Alarm::name).toList());

        assertThat(strategy.serviceAlarms()).as("its health alarms; the scaling one left out")
                .containsExactly("web cpu critical", "web-5xx");
        assertThat(strategy.alarmsNoteProperty().get()).isEqualTo("The service has 2 alarms of its own not watched "
                + "here");
        assertThat(strategy.serviceAlarmsWatchedProperty().get()).isFalse();
        strategy.alarmsProperty().set("api-cpu");
        strategy.useServiceAlarms();
        assertThat(strategy.alarmsProperty().get()).isEqualTo("api-cpu, web cpu critical, web-5xx");
        assertThat(strategy.serviceAlarmsWatchedProperty().get()).as("the offer is taken").isTrue();
        assertThat(strategy.alarmsNoteProperty().get()).isEmpty();
        assertThat(strategy.settings().alarms().alarmNames()).as("a name with spaces kept whole")
                .containsExactly("api-cpu", "web cpu critical", "web-5xx");

        strategy.alarmsProperty().set("web-5xx, web-latency");
        assertThat(strategy.alarmsNoteProperty().get()).startsWith("No alarm named web-latency in this environment");
        assertThat(strategy.problemProperty().get()).as("a note, not a refusal: the read may be old").isEmpty();
    }

    private static io.harbormaster.model.alarms.Alarm alarm(String name, String namespace, Map<String, String> dims,
            String description) {
        String tg = dims.get("TargetGroup");
        Map<String, String> dimensions = tg == null ? dims : Map.of("TargetGroup",
                io.harbormaster.model.metrics.ElbDimensions.targetGroup(tg));
        return new io.harbormaster.model.alarms.Alarm(name, "", description, io.harbormaster.model.metrics.MetricId.of(
                namespace, "Metric", dimensions), "Average", java.time.Duration.ofMinutes(1), 1, "GreaterThanThreshold",
                1, io.harbormaster.model.alarms.AlarmState.OK, "", java.time.Instant.EPOCH);
    }
}
