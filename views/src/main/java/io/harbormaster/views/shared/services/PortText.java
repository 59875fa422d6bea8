package io.harbormaster.views.shared.services;

import io.harbormaster.model.fleet.PortSet;
import java.util.stream.Collectors;

/** How the service detail and the hosts' tooltips write a task's host ports. */
public final class PortText {

    private PortText() {
    }

    /** "80, 443", or "—" for none. */
    public static String hostPorts(PortSet ports) {
        return ports.isEmpty() ? "—" : ports.toList().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
