package io.harbormaster.sandbox.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.sandbox.core.Throttler;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EcsThrottleCategoryTest {

    /** Every operation the sandbox serves, in the category AWS's throttling-quotas table puts it. */
    @Test
    void everyServedOperationIsInItsAwsCategory() {
        Map<String, EcsThrottleCategory> expected = new TreeMap<>();
        expected.put("ListClusters", EcsThrottleCategory.CLUSTER_READ);
        expected.put("DescribeClusters", EcsThrottleCategory.CLUSTER_READ);
        expected.put("ListServices", EcsThrottleCategory.SERVICE_READ);
        expected.put("DescribeServices", EcsThrottleCategory.SERVICE_READ);
        expected.put("ListContainerInstances", EcsThrottleCategory.CLUSTER_RESOURCE_READ);
        expected.put("DescribeContainerInstances", EcsThrottleCategory.CLUSTER_RESOURCE_READ);
        expected.put("ListTasks", EcsThrottleCategory.CLUSTER_RESOURCE_READ);
        expected.put("DescribeTasks", EcsThrottleCategory.CLUSTER_RESOURCE_READ);
        expected.put("DescribeTaskDefinition", EcsThrottleCategory.TASK_DEFINITION_READ);
        expected.put("ListTaskDefinitions", EcsThrottleCategory.TASK_DEFINITION_READ);
        expected.put("ListTaskDefinitionFamilies", EcsThrottleCategory.TASK_DEFINITION_READ);
        expected.put("RegisterTaskDefinition", EcsThrottleCategory.TASK_DEFINITION_MODIFY);
        expected.put("DeregisterTaskDefinition", EcsThrottleCategory.TASK_DEFINITION_MODIFY);
        expected.put("CreateService", EcsThrottleCategory.SERVICE_MODIFY);
        expected.put("UpdateService", EcsThrottleCategory.SERVICE_MODIFY);
        expected.put("DeleteService", EcsThrottleCategory.SERVICE_MODIFY);
        expected.put("StopTask", EcsThrottleCategory.CLUSTER_RESOURCE_MODIFY);

        Map<String, EcsThrottleCategory> actual = new TreeMap<>();
        expected.keySet().forEach(op -> actual.put(op, EcsThrottleCategory.of(op)));
        assertThat(actual).isEqualTo(expected);
    }

    /** Burst (bucket maximum capacity) and sustained (refill per second), row by row from AWS's table. */
    @Test
    void bucketsAreSizedAsAwsPublishes() {
        Map<EcsThrottleCategory, Throttler.Rate> expected = new LinkedHashMap<>();
        expected.put(EcsThrottleCategory.CLUSTER_MODIFY, new Throttler.Rate(20, 1));
        expected.put(EcsThrottleCategory.CLUSTER_READ, new Throttler.Rate(50, 20));
        expected.put(EcsThrottleCategory.TASK_DEFINITION_MODIFY, new Throttler.Rate(20, 1));
        expected.put(EcsThrottleCategory.TASK_DEFINITION_READ, new Throttler.Rate(50, 20));
        expected.put(EcsThrottleCategory.TASK_DEFINITION_DELETION, new Throttler.Rate(5, 1));
        expected.put(EcsThrottleCategory.CAPACITY_PROVIDER_MODIFY, new Throttler.Rate(10, 1));
        expected.put(EcsThrottleCategory.CAPACITY_PROVIDER_READ, new Throttler.Rate(50, 20));
        expected.put(EcsThrottleCategory.TAG_MODIFY, new Throttler.Rate(20, 10));
        expected.put(EcsThrottleCategory.TAG_READ, new Throttler.Rate(50, 20));
        expected.put(EcsThrottleCategory.SETTING_MODIFY, new Throttler.Rate(10, 1));
        expected.put(EcsThrottleCategory.SETTING_READ, new Throttler.Rate(50, 20));
        expected.put(EcsThrottleCategory.CLUSTER_RESOURCE_MODIFY, new Throttler.Rate(100, 40));
        expected.put(EcsThrottleCategory.CLUSTER_RESOURCE_READ, new Throttler.Rate(100, 20));
        expected.put(EcsThrottleCategory.AGENT_MODIFY, new Throttler.Rate(200, 120));
        expected.put(EcsThrottleCategory.SERVICE_MODIFY, new Throttler.Rate(50, 5));
        expected.put(EcsThrottleCategory.SERVICE_READ, new Throttler.Rate(100, 20));
        expected.put(EcsThrottleCategory.SERVICE_DEPLOYMENT, new Throttler.Rate(50, 20));
        expected.put(EcsThrottleCategory.SERVICE_REVISION, new Throttler.Rate(50, 20));
        expected.put(EcsThrottleCategory.TASK_PROTECTION, new Throttler.Rate(200, 80));
        expected.put(EcsThrottleCategory.CLUSTER_SERVICE_RESOURCE_READ, new Throttler.Rate(10, 1));

        Map<EcsThrottleCategory, Throttler.Rate> actual = new LinkedHashMap<>();
        Arrays.stream(EcsThrottleCategory.values()).forEach(c -> actual.put(c, c.rate()));
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void aFamilyNamesItsCategory() {
        for (EcsThrottleCategory c : EcsThrottleCategory.values()) {
            assertThat(EcsThrottleCategory.ofFamily(c.family())).isSameAs(c);
        }
    }

    @Test
    void anActionAwsDoesNotListHasNoBucket() {
        assertThatThrownBy(() -> EcsThrottleCategory.of("DescribeEverything"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DescribeEverything");
    }

    /** Through the Throttler: a category's actions draw on one bucket, and it refills at the category's rate. */
    @Test
    void aCategorysActionsDrawOnOneBucket() {
        AtomicLong nanos = new AtomicLong();
        Throttler throttler = new Throttler(true, nanos::get);
        EcsThrottleCategory read = EcsThrottleCategory.of("ListTasks");
        assertThat(EcsThrottleCategory.of("DescribeTasks")).isSameAs(read);
        int passed = 0;
        while (take(throttler, "ecs:" + read.family(), read.rate())) {
            passed++;
        }
        assertThat(passed).isEqualTo(100);
        EcsThrottleCategory services = EcsThrottleCategory.of("DescribeServices");
        assertThat(take(throttler, "ecs:" + services.family(), services.rate())).isTrue();
        nanos.addAndGet(500_000_000L);
        assertThat(take(throttler, "ecs:" + read.family(), read.rate())).as("half a second: 10 tokens").isTrue();
    }

    private static boolean take(Throttler t, String family, Throttler.Rate rate) {
        try {
            t.acquire("222222222222", "us-east-1", family, rate);
            return true;
        } catch (io.harbormaster.sandbox.core.AwsException e) {
            return false;
        }
    }
}
