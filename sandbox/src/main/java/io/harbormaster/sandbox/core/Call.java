package io.harbormaster.sandbox.core;

/** The context a service operation runs in: who called, which request id answers it, and the world. */
public record Call(Caller caller, String requestId, String operation, World world) {

    public String account() {
        return caller.account();
    }

    public String region() {
        return caller.region();
    }
}
