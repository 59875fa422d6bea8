package io.harbormaster.model.fleet;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** API calls by operation: what a refresh needs at least, to hold what it made against. */
public record CallPlan(Map<String, Integer> callsByOperation) {

    public static final String LIST_CLUSTERS = "ListClusters";
    public static final String DESCRIBE_CLUSTERS = "DescribeClusters";
    public static final String LIST_SERVICES = "ListServices";
    public static final String DESCRIBE_SERVICES = "DescribeServices";
    public static final String LIST_CONTAINER_INSTANCES = "ListContainerInstances";
    public static final String DESCRIBE_CONTAINER_INSTANCES = "DescribeContainerInstances";
    public static final String LIST_TASKS = "ListTasks";
    public static final String DESCRIBE_TASKS = "DescribeTasks";
    public static final String DESCRIBE_TASK_DEFINITION = "DescribeTaskDefinition";
    public static final String DESCRIBE_TARGET_HEALTH = "DescribeTargetHealth";

    public CallPlan {
        TreeMap<String, Integer> copy = new TreeMap<>();
        callsByOperation.forEach((op, n) -> {
            if (n < 0) {
                throw new IllegalArgumentException("calls cannot be negative: " + op + "=" + n);
            }
            if (n > 0) {
                copy.put(op, n);
            }
        });
        callsByOperation = Collections.unmodifiableMap(copy);
    }

    public int calls(String operation) {
        return callsByOperation.getOrDefault(operation, 0);
    }

    public int total() {
        return callsByOperation.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Calls made beyond the plan, by operation (negative: fewer than planned, which means something was skipped).
     * Operations that match are left out, so an empty map means "exactly the plan".
     */
    public Map<String, Integer> excessOf(FleetStats actual) {
        TreeMap<String, Integer> excess = new TreeMap<>();
        TreeMap<String, Integer> all = new TreeMap<>(callsByOperation);
        actual.callsByOperation().forEach((op, n) -> all.putIfAbsent(op, 0));
        all.keySet().forEach(op -> {
            int diff = actual.calls(op) - calls(op);
            if (diff != 0) {
                excess.put(op, diff);
            }
        });
        return Collections.unmodifiableMap(excess);
    }
}
