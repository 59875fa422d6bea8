package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Cluster;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The thin slice, end to end and through the UI: start → the sandbox is up → dev, stage and prod are offered →
 * selecting dev assumes the dev role over STS → ECS ListClusters/DescribeClusters → the clusters the sandbox has
 * appear with their counts.
 */
class SandboxJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox());

    @Test
    void selectingDevShowsTheClustersTheSandboxHas() throws Exception {
        journey.awaitOffered("sandbox-prod");
        assertThat(journey.exists("#env-sandbox-dev")).isTrue();
        assertThat(journey.exists("#env-sandbox-stage")).isTrue();
        assertThat(journey.exists("#env-sandbox-prod")).isTrue();

        journey.robot().clickOn("#env-sandbox-dev");
        TableView<Cluster> table = journey.lookup("#clusters-table");
        journey.waitUntil("dev's clusters are shown", () -> !table.getItems().isEmpty());

        List<String> shown = journey.copy(table.getItems()).stream().map(c -> c.name() + ":" + c.registeredInstances()
                + ":"
                + c.activeServices() + ":" + c.runningTasks()).sorted().collect(Collectors.toList());
        assertThat(shown).isEqualTo(sandboxDevClusters());

        Label identity = journey.lookup("#status-identity");
        journey.waitUntil("the status bar names the assumed role",
                () -> identity.getText() != null && identity.getText().contains("assumed-role/admin/alice"));
        assertThat(identity.getText()).contains("222222222222");

        Path png = journey.screenshot("main-window-dev");
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    /** What the sandbox has, asked independently: plain SDK calls with the generated profiles' keys. */
    private static List<String> sandboxDevClusters() {
        Path dir = journey.home().resolve("sandbox");
        ProfileFile profiles = ProfileFile.aggregator()
                .addFile(ProfileFile.builder().content(dir.resolve("config")).type(ProfileFile.Type.CONFIGURATION)
                        .build())
                .addFile(ProfileFile.builder().content(dir.resolve("credentials"))
                        .type(ProfileFile.Type.CREDENTIALS).build())
                .build();
        URI endpoint = URI.create(profiles.profile("sandbox-dev").flatMap(p -> p.property("endpoint_url"))
                .orElseThrow());
        String role = profiles.profile("sandbox-dev").flatMap(p -> p.property("role_arn")).orElseThrow();
        try (SdkHttpClient http = ApacheHttpClient.create();
                StsClient sts = StsClient.builder().region(Region.US_EAST_1).httpClient(http).endpointOverride(endpoint)
                        .credentialsProvider(ProfileCredentialsProvider.builder().profileFile(profiles)
                                .profileName("sandbox-ops").build())
                        .build()) {
            Credentials c = sts.assumeRole(r -> r.roleArn(role).roleSessionName("journey-check")).credentials();
            try (EcsClient ecs = EcsClient.builder().region(Region.US_EAST_1).httpClient(http)
                    .endpointOverride(endpoint)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                            c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                    .build()) {
                List<String> arns = ecs.listClusters().clusterArns();
                DescribeClustersResponse described = ecs.describeClusters(r -> r.clusters(arns));
                return described.clusters().stream().map(x -> x.clusterName() + ":"
                        + x.registeredContainerInstancesCount() + ":" + x.activeServicesCount() + ":"
                        + x.runningTasksCount()).sorted().collect(Collectors.toList());
            }
        }
    }
}
