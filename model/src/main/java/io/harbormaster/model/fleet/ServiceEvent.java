package io.harbormaster.model.fleet;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** One line of a service's event stream ("(service web) has reached a steady state."). */
public record ServiceEvent(String id, Instant createdAt, String message) {

    public ServiceEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        message = message == null ? "" : message;
    }

    /** ECS says it could not find a host for a task: "… was unable to place a task because …". */
    public boolean unableToPlace() {
        return message.toLowerCase(Locale.ROOT).contains("unable to place");
    }

    /** ECS says the service settled: "… has reached a steady state.". */
    public boolean steadyState() {
        return message.toLowerCase(Locale.ROOT).contains("reached a steady state");
    }
}
