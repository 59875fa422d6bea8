package io.harbormaster.aws.route53;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.aws.SandboxAccess;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.cutover.Route53WeightedRecord;
import io.harbormaster.model.environment.EnvironmentSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Route 53 allows five requests a second for the whole account. The Cutovers page reads every zone and each route's
 * lock; read three times in a row (the page opening, then F5 twice) that is about twenty calls in well under a
 * second. Paced, none is throttled: each reaches the sandbox once, with its throttling on.
 */
class Route53PacingTest {

    private SandboxAccess access;

    @AfterEach
    void stop() {
        if (access != null) {
            access.close();
        }
    }

    @Test
    void refreshesInARowWaitForTheAccountsQuotaInsteadOfBeingThrottled(@TempDir Path dir) {
        access = SandboxAccess.start(dir);
        AwsSessions sessions = access.sessionsFor("alice");
        EnvironmentSession prod = sessions.enter(SandboxAccess.environment("prod"), access.deviceOf("alice"));
        Route53Weights r53 = new Route53Weights(sessions, access.clients());
        Route53CutoverLock lock = new Route53CutoverLock(r53);
        access.sandbox().control().setThrottling(true);
        Map<String, Long> before = access.sandbox().control().requestsByOperation();

        int calls = 0;
        long start = System.nanoTime();
        for (int refresh = 0; refresh < 3; refresh++) {
            List<Route53WeightedRecord> found = r53.find(prod);
            calls += 3;   // the zones, then each of prod's two zones' record sets (one page each)
            for (Route53WeightedRecord r : found) {
                assertThat(lock.holder(prod, r)).isEmpty();
                calls++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        Map<String, Long> after = access.sandbox().control().requestsByOperation();
        long sent = after.entrySet().stream().filter(e -> e.getKey().startsWith("route53."))
                .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
        assertThat(sent).as("Route 53 requests, retries included").isEqualTo(calls);
        assertThat(calls).isGreaterThan(10);
        // the burst of five at once, then no faster than the refill
        assertThat(seconds).isGreaterThanOrEqualTo((calls - 5) / 5.0 * 0.9);
    }
}
