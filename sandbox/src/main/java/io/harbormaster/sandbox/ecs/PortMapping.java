package io.harbormaster.sandbox.ecs;

/** A container port mapping; hostPort 0 asks for a dynamic port from the ephemeral range. */
public record PortMapping(String containerName, int containerPort, int hostPort, String protocol) {

    public boolean dynamic() {
        return hostPort == 0;
    }

    public boolean udp() {
        return "udp".equals(protocol);
    }
}
