package io.harbormaster.model.fleet;

/**
 * @param hostPort 0 means dynamic (bridge mode picks one) or none (awsvpc); otherwise a static host port, which
 *                 lets only one task with that mapping run on a host
 * @param protocol tcp or udp
 */
public record PortMapping(int containerPort, int hostPort, String protocol) {

    public PortMapping {
        if (containerPort < 0 || containerPort > 65535 || hostPort < 0 || hostPort > 65535) {
            throw new IllegalArgumentException("ports are 0-65535: " + containerPort + "->" + hostPort);
        }
        protocol = protocol == null || protocol.isBlank() ? "tcp" : protocol;
    }

    public boolean staticHostPort() {
        return hostPort > 0;
    }
}
