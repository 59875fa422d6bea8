package io.harbormaster.views.services;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.deploy.StoppedTask;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.fakes.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoppedTasksViewModelTest {

    private static final ServiceRef API = new ServiceRef("apps", "api");
    private static final ServiceRef WORKER = new ServiceRef("apps", "worker");

    private final Map<String, List<StoppedTask>> stopped = new HashMap<>();
    private final List<String> reads = new ArrayList<>();
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final EnvironmentSession dev = Fixtures.session(DEV);
    private final StoppedTasksViewModel vm = new StoppedTasksViewModel((session, service) -> {
        reads.add(service.serviceName());
        if (service.serviceName().equals("broken")) {
            throw new OperatorException(new Problem(Problem.Kind.NOT_FOUND, "Service not found", "No broken in dev",
                    "Refresh.", ""));
        }
        return stopped.getOrDefault(service.serviceName(), List.of());
    }, executor);

    private static StoppedTask task(String id, String reason, Instant at, String... containers) {
        return new StoppedTask("arn:aws:ecs:eu-west-1:1:task/apps/" + id, "api:3", "EssentialContainerExited",
                reason, at, List.of(containers));
    }

    @Test
    void readsOnlyOnceTheTabIsShownOffTheUiThreadAndListsNewestFirst() {
        stopped.put("api", List.of(task("old", "Essential container in task exited", Instant.parse("2026-12-06T07:00:00Z"),
                        "web: exit 1, Essential container exited"),
                task("new", "Task failed ELB health checks", Instant.parse("2026-12-06T07:30:00Z"), "web: exit 137")));
        vm.service(dev, API);
        assertThat(executor.waiting()).as("nothing read while the tab is hidden").isZero();

        vm.shown(true);
        assertThat(reads).as("not yet: the read waits for a worker").isEmpty();
        assertThat(vm.placeholderProperty().get()).startsWith("Reading the stopped tasks of api");
        executor.runAll();

        assertThat(vm.tasks()).extracting(StoppedTask::stoppedReason)
                .containsExactly("Task failed ELB health checks", "Essential container in task exited");
        assertThat(vm.tasks().get(1).containerReasons()).containsExactly("web: exit 1, Essential container exited");
    }

    @Test
    void noStoppedTaskSaysEcsKeepsThemAboutAnHour() {
        vm.shown(true);
        vm.service(dev, WORKER);
        executor.runAll();
        assertThat(vm.tasks()).isEmpty();
        assertThat(vm.placeholderProperty().get()).contains("No task of worker stopped lately")
                .contains("about an hour");
    }

    @Test
    void anAnswerForAServiceNoLongerChosenIsDropped() {
        stopped.put("api", List.of(task("a", "api crashed", Instant.parse("2026-12-06T07:00:00Z"))));
        stopped.put("worker", List.of(task("w", "worker crashed", Instant.parse("2026-12-06T07:10:00Z"))));
        vm.shown(true);
        vm.service(dev, API);
        vm.service(dev, WORKER);
        executor.runAll();
        assertThat(vm.tasks()).extracting(StoppedTask::stoppedReason).containsExactly("worker crashed");
        assertThat(executor.cancelled()).as("the stale read is cancelled, not only ignored").isEqualTo(1);
    }

    @Test
    void aFailedReadSaysWhy() {
        vm.shown(true);
        vm.service(dev, new ServiceRef("apps", "broken"));
        executor.runAll();
        assertThat(vm.tasks()).isEmpty();
        assertThat(vm.placeholderProperty().get()).contains("Service not found");
    }

    @Test
    void showingTheTabAgainReadsAfresh() {
        vm.service(dev, API);
        vm.shown(true);
        executor.runAll();
        vm.shown(false);
        vm.shown(true);
        executor.runAll();
        assertThat(reads).containsExactly("api", "api");
    }
}
