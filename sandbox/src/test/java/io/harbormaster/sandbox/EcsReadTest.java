package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

class EcsReadTest {

    static Sandbox sandbox;
    static SdkClients clients;
    static EcsClient prod;
    static EcsClient stage;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        clients = new SdkClients(sandbox);
        prod = clients.ecs(clients.role("alice", "prod", "admin"));
        stage = clients.ecs(clients.role("carol", "stage", "readonly"));
    }

    @AfterAll
    static void stop() {
        prod.close();
        stage.close();
        clients.close();
        sandbox.close();
    }

    @Test
    void listServicesPagesTenAtATimeByDefault() {
        ListServicesResponse first = prod.listServices(b -> b.cluster("app"));
        assertThat(first.serviceArns()).hasSize(10);
        assertThat(first.nextToken()).isNotNull();
        List<String> all = new ArrayList<>(first.serviceArns());
        String token = first.nextToken();
        while (token != null) {
            String t = token;
            ListServicesResponse page = prod.listServices(b -> b.cluster("app").nextToken(t));
            all.addAll(page.serviceArns());
            token = page.nextToken();
        }
        assertThat(all).doesNotHaveDuplicates().hasSize(15)
                .contains("arn:aws:ecs:us-east-1:444444444444:service/app/app-web");
        List<String> viaPaginator = prod.listServicesPaginator(b -> b.cluster("app").maxResults(100)).serviceArns()
                .stream().toList();
        assertThat(viaPaginator).containsExactlyElementsOf(all);
    }

    @Test
    void apiRunsBlueAndGreenBehindTargetGroups() {
        List<Service> services = prod.describeServices(b -> b.cluster("api").services("api-blue", "api-green")).services();
        assertThat(services).extracting(Service::serviceName).containsExactly("api-blue", "api-green");
        Service blue = services.get(0);
        assertThat(blue.loadBalancers()).singleElement().satisfies(lb -> {
            assertThat(lb.targetGroupArn()).startsWith("arn:aws:elasticloadbalancing:us-east-1:444444444444:targetgroup/api-blue/");
            assertThat(lb.containerName()).isEqualTo("api");
            assertThat(lb.containerPort()).isEqualTo(8080);
        });
        assertThat(blue.runningCount()).isEqualTo(blue.desiredCount());
        assertThat(blue.deployments()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo("PRIMARY");
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
            assertThat(d.runningCount()).isEqualTo(blue.desiredCount());
        });
        assertThat(blue.events()).isNotEmpty();
        assertThat(blue.events().get(0).createdAt()).isAfterOrEqualTo(blue.events().get(blue.events().size() - 1).createdAt());
        assertThat(blue.deploymentConfiguration().maximumPercent()).isEqualTo(200);
        assertThat(blue.placementStrategy()).isNotEmpty();
        assertThat(services.get(1).taskDefinition()).isNotEqualTo(blue.taskDefinition());

        TaskDefinition td = prod.describeTaskDefinition(b -> b.taskDefinition(blue.taskDefinition())).taskDefinition();
        assertThat(td.containerDefinitions().get(0).image()).isEqualTo("registry.example.com/api:1.42.0");
        assertThat(td.containerDefinitions().get(0).environment()).anySatisfy(kv -> assertThat(kv.name()).isEqualTo("DB_PASSWORD"));
        assertThat(td.containerDefinitions().get(0).portMappings().get(0).hostPort()).isZero();
    }

    @Test
    void unplaceableServicesSayWhy() {
        Service redshift = prod.describeServices(b -> b.cluster("warehouses").services("redshift-loader")).services().get(0);
        assertThat(redshift.runningCount()).isZero();
        assertThat(redshift.pendingCount()).isZero();
        assertThat(redshift.events().get(0).message())
                .startsWith("(service redshift-loader) was unable to place a task because no container instance met all of its requirements.")
                .contains("has insufficient memory available.");

        Service edge = prod.describeServices(b -> b.cluster("cdn").services("edge-cache")).services().get(0);
        assertThat(edge.runningCount()).isEqualTo(edge.desiredCount() - 2);
        assertThat(edge.events().get(0).message()).contains("is already using a port required by your task");
    }

    @Test
    void containerInstancesReportResourcesAsEcsDoes() {
        List<String> arns = prod.listContainerInstancesPaginator(b -> b.cluster("warehouses")).containerInstanceArns()
                .stream().toList();
        List<ContainerInstance> instances = prod.describeContainerInstances(b -> b.cluster("warehouses").containerInstances(arns))
                .containerInstances();
        assertThat(instances).hasSize(arns.size());
        ContainerInstance first = instances.get(0);
        assertThat(first.ec2InstanceId()).startsWith("i-0");
        assertThat(first.registeredResources()).extracting(Resource::name).containsExactly("CPU", "MEMORY", "PORTS", "PORTS_UDP");
        assertThat(first.attributes()).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("ecs.instance-type");
            assertThat(a.value()).isEqualTo("c5.4xlarge");
        });
        assertThat(first.attributes()).anySatisfy(a -> assertThat(a.name()).isEqualTo("ecs.availability-zone"));
        assertThat(first.agentConnected()).isTrue();
        // Stranded capacity: memory-heavy loaders, binpacked, leave a host with CPU to spare and almost no memory.
        assertThat(instances).anySatisfy(ci -> {
            assertThat(remaining(ci, "MEMORY")).isLessThan(2_500);
            assertThat(remaining(ci, "CPU")).isGreaterThan(8_000);
        });
    }

    private static int remaining(ContainerInstance ci, String name) {
        return ci.remainingResources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().integerValue();
    }

    @Test
    void staticPortServiceNeverRunsTwicePerHost() {
        List<String> arns = prod.listTasksPaginator(b -> b.cluster("cdn").serviceName("edge-cache")).taskArns().stream().toList();
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += 100) {
            List<String> batch = arns.subList(i, Math.min(arns.size(), i + 100));
            tasks.addAll(prod.describeTasks(b -> b.cluster("cdn").tasks(batch)).tasks());
        }
        Map<String, Long> perHost = tasks.stream().collect(Collectors.groupingBy(Task::containerInstanceArn, Collectors.counting()));
        assertThat(perHost.values()).allMatch(n -> n == 1);
        Task t = tasks.get(0);
        assertThat(t.group()).isEqualTo("service:edge-cache");
        assertThat(t.lastStatus()).isEqualTo("RUNNING");
        assertThat(t.containers().get(0).networkBindings()).singleElement().satisfies(nb -> assertThat(nb.hostPort()).isEqualTo(80));
    }

    @Test
    void dynamicPortsComeFromTheEphemeralRange() {
        List<String> arns = prod.listTasks(b -> b.cluster("api").serviceName("api-blue").maxResults(100)).taskArns();
        List<Task> tasks = prod.describeTasks(b -> b.cluster("api").tasks(arns)).tasks();
        assertThat(tasks).hasSize(100).allSatisfy(t -> {
            assertThat(t.containers().get(0).networkBindings().get(0).hostPort()).isBetween(32768, 60999);
            assertThat(t.startedAt()).isNotNull();
            assertThat(t.cpu()).isEqualTo("256");
        });
        assertThat(prod.listTasks(b -> b.cluster("api").serviceName("api-blue").desiredStatus(DesiredStatus.STOPPED)).taskArns()).isEmpty();
    }

    @Test
    void stageMirrorsProdWithDeliberateDifferences() {
        Service prodGreen = prod.describeServices(b -> b.cluster("api").services("api-green")).services().get(0);
        Service stageGreen = stage.describeServices(b -> b.cluster("api").services("api-green")).services().get(0);
        assertThat(stageGreen.desiredCount()).isLessThan(prodGreen.desiredCount());
        String prodImage = prod.describeTaskDefinition(b -> b.taskDefinition(prodGreen.taskDefinition())).taskDefinition()
                .containerDefinitions().get(0).image();
        String stageImage = stage.describeTaskDefinition(b -> b.taskDefinition(stageGreen.taskDefinition())).taskDefinition()
                .containerDefinitions().get(0).image();
        assertThat(prodImage).isEqualTo("registry.example.com/api:1.43.0");
        assertThat(stageImage).isEqualTo("registry.example.com/api:1.44.0-rc.1");
        assertThat(stage.listServicesPaginator(b -> b.cluster("app").maxResults(100)).serviceArns().stream()
                .map(a -> a.substring(a.lastIndexOf('/') + 1)).toList())
                .containsExactlyInAnyOrderElementsOf(prod.listServicesPaginator(b -> b.cluster("app").maxResults(100))
                        .serviceArns().stream().map(a -> a.substring(a.lastIndexOf('/') + 1)).toList());
    }

    @Test
    void taskDefinitionsHaveRevisions() {
        List<String> arns = prod.listTaskDefinitions(b -> b.familyPrefix("api")).taskDefinitionArns();
        assertThat(arns).containsExactly(
                "arn:aws:ecs:us-east-1:444444444444:task-definition/api:1",
                "arn:aws:ecs:us-east-1:444444444444:task-definition/api:2",
                "arn:aws:ecs:us-east-1:444444444444:task-definition/api:3",
                "arn:aws:ecs:us-east-1:444444444444:task-definition/api:4",
                "arn:aws:ecs:us-east-1:444444444444:task-definition/api:5",
                "arn:aws:ecs:us-east-1:444444444444:task-definition/api:6");
        assertThat(prod.listTaskDefinitionFamilies(b -> b.familyPrefix("integration-")).families()).hasSize(16);
    }
}
