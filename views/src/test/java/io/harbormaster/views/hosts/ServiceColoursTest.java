package io.harbormaster.views.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class ServiceColoursTest {

    /** The sandbox's services (near-identical greens and teals were seen among them) and 240 numbered ones. */
    private static List<String> manyServices() {
        List<String> names = new ArrayList<>(List.of("admin-api", "admin-dashboard", "api-admin", "api-auth",
                "api-blue", "api-docs", "api-graphql", "api-green", "api-legacy", "api-ratelimit", "api-webhooks",
                "app-audit", "app-billing", "app-export", "app-import", "app-mailer", "app-notifications",
                "app-reports", "app-scheduler", "app-search", "app-search-indexer", "app-sessions", "app-thumbnails",
                "app-web", "app-websocket", "app-worker", "bigquery-loader", "cdn-edge", "cdn-logs", "cdn-origin",
                "cdn-purger", "dark-mode", "deploy-bot", "dev-batch", "edge-cache", "feature-flags",
                "image-resizer", "integration-slack", "integration-stripe", "legacy-api", "metrics-proxy",
                "redshift-loader", "search-indexer", "shard-worker", "snowflake-loader", "status-page"));
        for (String family : List.of("checkout", "payments", "worker")) {
            for (int i = 1; i <= 80; i++) {
                names.add(String.format("%s-%02d", family, i));
            }
        }
        names.sort(null);
        return names;
    }

    @Test
    void neighboursStandApartByAMeasurableDistanceWhenThereAreMany() {
        List<String> names = manyServices();
        Color[] colours = ServiceColours.assign(names);
        for (int i = 1; i < colours.length; i++) {
            for (int j = Math.max(0, i - ServiceColours.NEIGHBOURS); j < i; j++) {
                assertThat(ServiceColours.distance(colours[i], colours[j]))
                        .as("%s beside %s", names.get(i), names.get(j))
                        .isGreaterThanOrEqualTo(ServiceColours.MIN_DISTANCE);
            }
            assertThat(ServiceColours.distance(colours[i], Color.gray(0.55))).as("%s beside a standalone task",
                    names.get(i)).isGreaterThanOrEqualTo(ServiceColours.MIN_DISTANCE);
        }
    }

    @Test
    void colouringByNameAloneGivesNeighboursThatLookAlike() {
        // What the assignment corrects: the names' own colours put near-identical greens and teals side by side.
        List<String> names = manyServices();
        long alike = 0;
        for (int i = 1; i < names.size(); i++) {
            if (ServiceColours.distance(ServiceColours.of(names.get(i)), ServiceColours.of(names.get(i - 1)))
                    < ServiceColours.MIN_DISTANCE) {
                alike++;
            }
        }
        assertThat(alike).isPositive();
    }

    @Test
    void aServiceKeepsItsNamesColourUnlessANeighbourIsTooClose() {
        List<String> names = List.of("api", "worker");
        Color[] colours = ServiceColours.assign(names);
        assertThat(colours[0]).isEqualTo(ServiceColours.of("api"));
        assertThat(ServiceColours.assign(List.of("api", "worker"))).containsExactly(colours);
    }

    @Test
    void theDistanceIsCielabs() {
        assertThat(ServiceColours.distance(Color.WHITE, Color.BLACK)).isCloseTo(100, org.assertj.core.data.Offset
                .offset(0.01));
        assertThat(ServiceColours.distance(Color.web("#4e9a6a"), Color.web("#4e9a6a"))).isZero();
    }
}
