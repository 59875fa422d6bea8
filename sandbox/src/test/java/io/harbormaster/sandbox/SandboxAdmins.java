package io.harbormaster.sandbox;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * One sandbox for a test class, with real SDK clients and alice's admin credentials in prod and stage (the
 * accounts a cutover writes in): register it as a static {@code @RegisterExtension} field.
 */
final class SandboxAdmins implements BeforeAllCallback, AfterAllCallback {

    private Sandbox sandbox;
    private SdkClients clients;
    private AwsCredentials prodAdmin;
    private AwsCredentials stageAdmin;

    @Override
    public void beforeAll(ExtensionContext context) {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        clients = new SdkClients(sandbox);
        prodAdmin = clients.role("alice", "prod", "admin");
        stageAdmin = clients.role("alice", "stage", "admin");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        clients.close();
        sandbox.close();
    }

    Sandbox sandbox() {
        return sandbox;
    }

    SdkClients clients() {
        return clients;
    }

    AwsCredentials prodAdmin() {
        return prodAdmin;
    }

    AwsCredentials stageAdmin() {
        return stageAdmin;
    }
}
