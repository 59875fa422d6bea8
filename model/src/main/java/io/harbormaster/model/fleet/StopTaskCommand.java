package io.harbormaster.model.fleet;

/**
 * Stop one task (ECS StopTask). The reason is what DescribeTasks will show as the task's {@code stoppedReason}, so
 * an operator must give one, and it cannot be longer than ECS allows ({@value #MAX_REASON} characters).
 *
 * @param cluster the cluster's name or ARN
 * @param task    the task's ID or ARN
 * @param service the service that started it, by name or ARN; empty for a task no service runs
 * @param reason  why, in the operator's words
 */
public record StopTaskCommand(String cluster, String task, String service, String reason) {

    /** ECS's limit on StopTask's {@code reason}. */
    public static final int MAX_REASON = 255;

    public StopTaskCommand {
        if (cluster == null || cluster.isBlank()) {
            throw new IllegalArgumentException("stopping a task needs its cluster");
        }
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("stopping a task needs the task");
        }
        service = service == null ? "" : service;
        reason = reason == null ? "" : reason.strip();
        String problem = reasonProblem(reason);
        if (!problem.isEmpty()) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** What is wrong with {@code reason} as a stop reason, in an operator's words; empty when it will do. */
    public static String reasonProblem(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            return "Say why the task is stopped: ECS shows the reason with the stopped task.";
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_REASON) {
            return "At most " + MAX_REASON + " characters (ECS's limit); this is " + length + ".";
        }
        return "";
    }

    /** The task's ID, also from an ARN ("arn:…:task/apps/0f3c…" → "0f3c…"). */
    public String taskId() {
        return Arns.name(task);
    }

    /** The service's short name; empty for a task no service runs. */
    public String serviceName() {
        return Arns.name(service);
    }
}
