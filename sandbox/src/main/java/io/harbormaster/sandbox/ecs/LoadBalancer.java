package io.harbormaster.sandbox.ecs;

/** A service's load balancer attachment: the target group its tasks register in, and which container port. */
public record LoadBalancer(String targetGroupArn, String loadBalancerName, String containerName, int containerPort) {
}
