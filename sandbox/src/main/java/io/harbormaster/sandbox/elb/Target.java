package io.harbormaster.sandbox.elb;

import io.harbormaster.sandbox.Fault;
import io.harbormaster.sandbox.ecs.Task;
import java.time.Instant;

/** A registered target: an instance and port, the task listening there (if any), and its health as the ALB sees it. */
public final class Target {

    /** Target health states as DescribeTargetHealth names them. */
    public enum State {
        INITIAL("initial", "Elb.RegistrationInProgress", "Target registration is in progress"),
        HEALTHY("healthy", null, null),
        UNHEALTHY("unhealthy", "Target.FailedHealthChecks", "Health checks failed"),
        DRAINING("draining", "Target.DeregistrationInProgress", "Target deregistration is in progress");

        final String wire;
        final String reason;
        final String description;

        State(String wire, String reason, String description) {
            this.wire = wire;
            this.reason = reason;
            this.description = description;
        }

        public String wire() {
            return wire;
        }
    }

    final String tgArn;
    final String instanceId;
    final int port;
    final Task task;
    final Fault fault;
    /** The share of requests the target answers with 5xx while it serves. */
    final double errorRate;
    State state;
    Instant since;

    Target(String tgArn, String instanceId, int port, Task task, Fault fault, double errorRate, State state,
           Instant since) {
        this.tgArn = tgArn;
        this.instanceId = instanceId;
        this.port = port;
        this.task = task;
        this.fault = fault;
        this.errorRate = errorRate;
        this.state = state;
        this.since = since;
    }

    static String key(String instanceId, int port) {
        return instanceId + ":" + port;
    }

    public String instanceId() {
        return instanceId;
    }

    public int port() {
        return port;
    }

    public Task task() {
        return task;
    }

    public State state() {
        return state;
    }

    public Fault fault() {
        return fault;
    }

    public double errorRate() {
        return errorRate;
    }
}
