package io.harbormaster.sandbox;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The JVM {@link StaleConnectionsTest} starts: a sandbox whose Region stops answering (each exchange held 100 ms, then
 * closed unanswered) for a few calls, then how many closed connections the JDK server still keeps, at once and after
 * a wait. Reads the JDK server's own connection set (opened to it by the test's command line).
 */
final class StaleConnectionsChild {

    static final int CALLS = 4;

    private StaleConnectionsChild() {
    }

    /** {@code args}: the file to write the two counts to, the wait in ms between them. */
    public static void main(String[] args) throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests()); SdkClients clients = new SdkClients(sandbox)) {
            sandbox.control().setCredentialExpiry(false);
            EcsClient ecs = clients.ecs(clients.role("alice", "dev", "admin"));
            ecs.listClusters();
            sandbox.control().addFault("region-down@us-east-1,ms=100");
            for (int i = 0; i < CALLS; i++) {
                try {
                    ecs.listClusters();
                } catch (SdkClientException expected) {
                    // no answer, as asked
                }
            }
            sandbox.control().clearFaults();
            int atOnce = closedKept(sandbox);
            Thread.sleep(Long.parseLong(args[1]));
            int later = closedKept(sandbox);
            Files.writeString(Path.of(args[0]), atOnce + " " + later);
        }
    }

    private static int closedKept(Sandbox sandbox) throws ReflectiveOperationException {
        Object endpoint = field(sandbox, "http");
        Object httpServer = field(endpoint, "server");
        Object server = field(httpServer, "server");
        Set<?> all = (Set<?>) field(server, "allConnections");
        synchronized (all) {
            int closed = 0;
            for (Object connection : all) {
                if ((boolean) field(connection, "closed")) {
                    closed++;
                }
            }
            return closed;
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(owner);
            } catch (NoSuchFieldException next) {
                // its superclass's
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
    }
}
