package io.harbormaster.app.bench;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;

/** What every benchmark main shares: headless JavaFX, the sandbox's prod environment, the machine it ran on. */
final class BenchSupport {

    static final Environment PROD = EnvironmentBuilder.sandbox("prod").account("444444444444")
            .role("arn:aws:iam::444444444444:role/admin").colour("#C62828").order(3).build();

    private BenchSupport() {
    }

    /** Starts JavaFX on Monocle with a screen large enough for the benchmark windows. */
    static void startHeadlessFx() throws InterruptedException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("monocle.headless.geometry", "1920x1200-32");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        Platform.setImplicitExit(false);
    }

    static String machine() {
        return "machine: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version");
    }
}
