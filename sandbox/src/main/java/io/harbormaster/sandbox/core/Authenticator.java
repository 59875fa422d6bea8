package io.harbormaster.sandbox.core;

/** Resolves the caller of a request from its SigV4 credentials, or throws the AWS error for bad ones. */
public interface Authenticator {

    Caller authenticate(SandboxRequest request);
}
