package io.harbormaster.views.cutovers.wizard;

import io.harbormaster.model.cutover.CutoverLock;
import io.harbormaster.model.cutover.CutoverService;
import io.harbormaster.model.cutover.CutoverSessions;
import io.harbormaster.model.cutover.CutoverSide;
import io.harbormaster.model.cutover.GateMetrics;
import io.harbormaster.model.cutover.Route53WeightedRecord;
import io.harbormaster.model.cutover.ShiftWeights;
import io.harbormaster.model.cutover.SideHealth;
import io.harbormaster.model.cutover.WeightedTarget;
import io.harbormaster.model.journal.WriteJournal;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/** The wizard's route (api.example.com., blue at 100, green at 0) and a cutover service that only plans and starts. */
final class WizardFixtures {

    static final Route53WeightedRecord API = new Route53WeightedRecord("prod", "Z1", "example.com.",
            "api.example.com.", "A", 60, true, List.of(new WeightedTarget("blue", "blue", "a.elb", 100),
                    new WeightedTarget("green", "green", "b.elb", 0)));

    private WizardFixtures() {
    }

    /**
     * Finds {@code sides}, enters environments through {@code sessions}, journals to {@code journal}; its driver
     * ticks once an hour of real time, so no cutover it starts writes anything in a test, and no other port is used.
     */
    static CutoverService service(CutoverSessions sessions, List<CutoverSide> sides, WriteJournal journal,
            Clock clock, ScheduledExecutorService ticker) {
        return new CutoverService(new CutoverService.Ports(session -> List.of(), unused(ShiftWeights.class),
                unused(CutoverLock.class), unused(GateMetrics.class), (route, candidates) -> sides,
                unused(SideHealth.class), null, sessions, journal, clock), "alice", "desk", ticker,
                Duration.ofHours(1));
    }

    /** A port the wizard must never call. */
    static <T> T unused(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            throw new AssertionError(port.getSimpleName() + "." + method.getName() + " called by the wizard");
        }));
    }
}
