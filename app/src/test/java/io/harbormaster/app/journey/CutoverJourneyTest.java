package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.cutover.CutoverEvent;
import io.harbormaster.model.cutover.CutoverPhase;
import io.harbormaster.model.cutover.CutoverState;
import io.harbormaster.model.cutover.GateEvidence;
import io.harbormaster.model.cutover.GateVerdict;
import io.harbormaster.model.cutover.NoDataPolicy;
import io.harbormaster.model.journal.AuditedJournal;
import io.harbormaster.views.cutovers.RouteRow;
import io.harbormaster.views.cutovers.live.CutoverLiveViewModel;
import io.harbormaster.views.cutovers.wizard.CutoverWizardViewModel;
import io.harbormaster.views.cutovers.wizard.GateRuleRow;
import io.harbormaster.views.cutovers.wizard.ShapeKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cutovers through the real console against the sandbox, its clock moved by hand to each moment the runner waits
 * for (no real bake is waited): a Route 53 cutover stage → prod in four steps; a faulty green rolled back by its
 * gates; an ALB weighted forward paused and promoted by hand; another console's lock refused, shown and taken over;
 * weights changed behind the console's back. Each saves the list, the wizard or the live view at 1280×800 and
 * 1600×1000.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CutoverJourneyTest {

    @RegisterExtension
    static final Journey harness = Journey.of(JourneyOptions.sandbox().speed(0).entering("sandbox-prod"));

    private static CutoverJourneys journeys;
    private static Path home;

    @BeforeAll
    static void minutesOfTraffic() {
        journeys = new CutoverJourneys(harness);
        home = harness.home();
        journeys.sandbox().clock().advance(Duration.ofMinutes(10)); // minutes of traffic for the gates to read
    }

    private static void quickPlan(CutoverWizardViewModel w, String bakeSeconds) {
        harness.robot().interact(() -> {
            w.bakeSecondsProperty().set(bakeSeconds);
            for (GateRuleRow r : w.rules()) {
                if (r.metric() == io.harbormaster.model.cutover.GateMetric.P99_LATENCY) {
                    r.warningProperty().set("3000");
                    r.criticalProperty().set("10000");
                }
            }
        });
    }

    /** Through the wizard with its defaults and a 90 s bake, in prod, typing the name. */
    private static CutoverLiveViewModel startQuickly(String recordName) {
        journeys.select("prod", recordName);
        CutoverWizardViewModel w = journeys.openWizard();
        journeys.next();
        quickPlan(w, "90");
        journeys.next();
        journeys.next();
        return journeys.start(recordName);
    }

    @Test
    @Order(1)
    void aRoute53CutoverFromStageToProdReachesAHundredPercentInFourStepsWithGatesPassing() throws Exception {
        RouteRow row = journeys.select("prod", "www.example.com.");
        assertThat(row.split()).contains("stage 100 (100 %)", "prod 0 (0 %)");
        journeys.shots("cutover-list");
        CutoverWizardViewModel w = journeys.openWizard();
        assertThat(w.fromIdProperty().get()).isEqualTo("stage");
        assertThat(w.toIdProperty().get()).isEqualTo("prod");
        assertThat(w.checks()).extracting(c -> c.name()).hasSize(4);
        assertThat(w.checks()).allSatisfy(c -> assertThat(c.evidence()).isNotBlank());
        journeys.shots("cutover-wizard-from-to");
        journeys.next();
        quickPlan(w, "30");   // asked for less than TTL 60 s + margin 30 s: raised to 90 s
        assertThat(w.planProperty().get().steps()).allSatisfy(s -> assertThat(s.bake()).isEqualTo(
                Duration.ofSeconds(90)));
        assertThat(w.planProperty().get().steps()).extracting(s -> s.effectivePercent())
                .containsExactly(25.0, 50.0, 75.0, 100.0);
        journeys.shots("cutover-wizard-plan");
        journeys.next();
        journeys.shots("cutover-wizard-gates");
        journeys.next();
        journeys.shots("cutover-wizard");
        CutoverLiveViewModel live = journeys.start("www.example.com.");

        CutoverState done = journeys.drive(live, s -> s.phase().finished());
        assertThat(done.phase()).as(done.pausedBecause()).isEqualTo(CutoverPhase.SUCCEEDED);
        List<CutoverEvent> gates = done.events().stream().filter(e -> e.what().startsWith("Gates of step")).toList();
        assertThat(gates).hasSize(4).allSatisfy(e -> assertThat(e.what()).contains("PASS → next"));
        assertThat(done.confirmed().percent("prod")).isEqualTo(100.0);
        TableView<GateEvidence> evidence = harness.lookup("#cutover-evidence");
        List<GateEvidence> shown = harness.copy(evidence.getItems());
        assertThat(shown).extracting(GateEvidence::sideId).contains("prod", "stage");
        assertThat(shown).allSatisfy(e -> assertThat(e.verdict()).isEqualTo(GateVerdict.PASS));
        journeys.bothSidesCharted(live);
        journeys.shots("cutover-live");
        journeys.bothSidesMapped(live);
        journeys.shots("cutover-live-hosts");
        harness.robot().interact(() -> live.tabProperty().set(CutoverLiveViewModel.Tab.GATES));
        journeys.shots("cutover-live-gates");

        RouteRow after = journeys.select("prod", "www.example.com.");
        assertThat(after.split()).contains("prod 100 (100 %)", "stage 0 (0 %)");
        assertThat(after.inProgress()).isEmpty();

        // every decision also reached the team's log group in the ops account, as another operator reads it
        String id = done.cutoverId();
        harness.waitUntil("the cutover's end is in /harbormaster/audit", () -> journeys.auditLog(id).stream()
                .anyMatch(m -> m.contains("\"event\":\"end\"")));
        List<String> audit = journeys.auditLog(id);
        assertThat(audit).filteredOn(m -> m.contains("\"event\":\"gates\"") && m.contains("\"phase\":\"NOTE\""))
                .as("each step's gate decision with its evidence").hasSize(4)
                .allSatisfy(m -> assertThat(m).contains("\"verdict\":\"PASS\"", "\"evidence\":"));
        assertThat(audit).filteredOn(m -> m.contains("\"event\":\"write\"") && m.contains("\"phase\":\"INTENT\""))
                .extracting(m -> m.replaceAll(".*\"weights\":\"([^\"]*)\".*", "$1"))
                .containsExactly("prod=25,stage=75", "prod=50,stage=50", "prod=75,stage=25", "prod=100,stage=0");
        assertThat(audit).noneMatch(m -> m.contains(AuditedJournal.AUDIT_PENDING));
    }

    @Test
    @Order(2)
    void aFaultyTargetSideIsRolledBackByItsGatesWithTheEvidenceShown() throws Exception {
        journeys.sandbox().control().failTargetGroup("444444444444", "api-green", 0.3);
        try {
            journeys.select("prod", "api.example.com.");
            CutoverWizardViewModel w = journeys.openWizard();
            assertThat(w.toIdProperty().get()).isEqualTo("green");
            journeys.next();
            quickPlan(w, "180");   // long enough for complete CloudWatch minutes of green's share
            journeys.next();
            journeys.next();
            CutoverLiveViewModel live = journeys.start("api.example.com.");
            CutoverState done = journeys.drive(live, s -> s.phase().finished());
            String seen = done.lastDecision().map(d -> d.evidence().toString()).orElse("no decision");

            assertThat(done.phase()).isEqualTo(CutoverPhase.ROLLED_BACK);
            assertThat(done.confirmed().percent("green")).isZero();
            GateEvidence fiveXx = done.lastDecision().orElseThrow().evidence().stream()
                    .filter(e -> e.sideId().equals("green") && e.subject().contains("5xx")).findFirst()
                    .orElseThrow();
            assertThat(fiveXx.verdict()).as(seen).isEqualTo(GateVerdict.CRITICAL);
            assertThat(fiveXx.value()).as(seen).isPresent();
            assertThat(fiveXx.value().getAsDouble()).isGreaterThan(5);
            assertThat(fiveXx.dataPoints()).isPositive();
            TableView<GateEvidence> evidence = harness.lookup("#cutover-evidence");
            assertThat(harness.copy(evidence.getItems())).anySatisfy(e -> assertThat(e.reason()).contains("critical"));
            assertThat(done.events()).anySatisfy(e -> assertThat(e.what()).contains("CRITICAL → rollback"));
            journeys.shots("cutover-rolled-back");
        } finally {
            journeys.sandbox().control().failTargetGroup("444444444444", "api-green", 0);
        }
    }

    @Test
    @Order(3)
    void anAlbWeightedCutoverIsPausedAfterItsFirstStepAndPromotedByHand() throws Exception {
        new SandboxWrites(home, journeys.sandbox()).weightedRule("prod", "444444444444", "app-alb",
                "app-web.example.com", "app-web", 100, "app-search", 0);
        RouteRow row = journeys.select("prod", "app-alb");
        CutoverWizardViewModel w = journeys.openWizard();
        journeys.next();
        harness.robot().interact(() -> {
            w.shapeProperty().set(ShapeKind.CUSTOM);
            w.customStepsProperty().set("10, 50");
        });
        quickPlan(w, "60");
        assertThat(w.planProperty().get().steps()).extracting(s -> s.effectivePercent())
                .containsExactly(10.0, 50.0, 100.0);
        journeys.next();
        harness.robot().clickOn("#gate-pause-every-step");
        harness.robot().interact(() -> w.noDataProperty().set(NoDataPolicy.PASS));
        journeys.next();
        CutoverLiveViewModel live = journeys.start(row.route().displayName());

        CutoverState paused = journeys.drive(live, s -> s.phase() == CutoverPhase.PAUSED);
        assertThat(paused.step()).isEqualTo(1);
        assertThat(paused.confirmed().percent(w.toIdProperty().get())).isEqualTo(10.0);
        Label detail = harness.lookup("#cutover-live-detail");
        assertThat(detail.getText()).contains("Step 1 passed its gates");
        journeys.shots("cutover-alb-paused");
        harness.robot().clickOn("#cutover-promote");
        CutoverState done = journeys.drive(live, s -> s.phase().finished());
        assertThat(done.phase()).isEqualTo(CutoverPhase.SUCCEEDED);
        assertThat(done.confirmed().percent(w.toIdProperty().get())).isEqualTo(100.0);
        assertThat(done.events()).anySatisfy(e -> assertThat(e.what()).startsWith("Promoted by"));
    }

    @Test
    @Order(4)
    void anotherConsolesLockRefusesTheCutoverShowsWhoHoldsItAndCanBeTakenOverByTypingTheName() throws Exception {
        new SandboxWrites(home, journeys.sandbox()).createTxt("prod", "444444444444", "example.com.",
                "_harbormaster-lock.api.example.com.", "\"harbormaster-lock\" \"who=bob\" \"since=2026-01-01T08:00:00Z\""
                        + " \"cutover=another-one\" \"machine=desk-b\"");
        for (int i = 0; i < 3; i++) {
            journeys.sandbox().clock().advance(Duration.ofMinutes(1)); // the zone's change INSYNC
        }
        RouteRow row = journeys.select("prod", "api.example.com.");
        assertThat(row.inProgress()).contains("bob", "desk-b");
        journeys.shots("cutover-list-locked");
        CutoverWizardViewModel w = journeys.openWizard();
        journeys.next();
        quickPlan(w, "90");
        journeys.next();
        journeys.next();
        CutoverLiveViewModel live = journeys.start("api.example.com.");
        CutoverState refused = journeys.drive(live, s -> s.blockedBy().isPresent());
        assertThat(refused.phase()).isEqualTo(CutoverPhase.PAUSED);
        assertThat(refused.blockedBy().orElseThrow().who()).isEqualTo("bob");
        Label lock = harness.lookup("#cutover-live-lock");
        harness.waitUntil("the lock's holder shows", () -> lock.getText().contains("bob on desk-b since"
                + " 2026-01-01T08:00:00Z"));
        assertThat(harness.lookup("#cutover-takeover").isDisabled()).isTrue();
        harness.robot().clickOn("#cutover-takeover-name").write("api.example.com");
        assertThat(harness.lookup("#cutover-takeover").isDisabled()).isTrue();   // not the exact name
        journeys.shots("cutover-lock-refused");
        harness.robot().write(".");
        harness.waitUntil("take over is allowed", () -> !harness.lookup("#cutover-takeover").isDisabled());
        harness.robot().clickOn("#cutover-takeover");
        CutoverState taken = journeys.drive(live, s -> s.lock().isPresent() && s.step() >= 1);
        assertThat(taken.lock().orElseThrow().cutoverId()).isEqualTo(live.plan().cutoverId());
        harness.robot().clickOn("#cutover-abort");
        journeys.drive(live, s -> s.phase().finished());
    }

    @Test
    @Order(5)
    void weightsChangedBehindTheConsolesBackAreDetectedAndTheCutoverPauses() throws Exception {
        CutoverLiveViewModel live = startQuickly("www.example.com.");
        assertThat(live.plan().fromId()).isEqualTo("prod");
        journeys.drive(live, s -> s.phase() == CutoverPhase.BAKING);
        new SandboxWrites(home, journeys.sandbox()).setWeights("prod", "444444444444", "example.com.",
                "www.example.com.", Map.of("prod", 10L, "stage", 10L));
        CutoverState paused = journeys.drive(live, s -> s.phase() == CutoverPhase.PAUSED);
        assertThat(paused.pausedBecause()).contains("Someone else changed the weights", "found prod 10");
        Label detail = harness.lookup("#cutover-live-detail");
        harness.waitUntil("the drift shows", () -> detail.getText().contains("Someone else changed the weights"));
        journeys.shots("cutover-drift");
        harness.robot().clickOn("#cutover-rollback");
        CutoverState done = journeys.drive(live, s -> s.phase().finished());
        assertThat(done.phase()).isEqualTo(CutoverPhase.ROLLED_BACK);
        assertThat(done.confirmed().percent("prod")).isEqualTo(100.0);
    }

    @Test
    @Order(6)
    void anOperatorWhosePolicyLacksTheAuditLogIsToldAndTheCutoverGoesOn() throws Exception {
        journeys.sandbox().control().detachUserPolicy("alice", "HarbormasterAuditLog");
        try {
            CutoverLiveViewModel live = startQuickly("www.example.com.");
            Label audit = harness.lookup("#cutover-live-audit");
            harness.waitUntil("the denied copy is said in the live view", () -> audit.isVisible()
                    && audit.getText().contains("Not copied to the team's audit log"));
            assertThat(audit.getText()).contains("logs:", "user/alice", "/harbormaster/audit");
            CutoverState going = journeys.drive(live, s -> s.step() >= 2);
            assertThat(going.phase().finished()).as("the cutover does not wait for the audit copy").isFalse();
            journeys.shots("cutover-audit-denied");
            harness.robot().clickOn("#cutover-abort");
            journeys.drive(live, s -> s.phase().finished());
        } finally {
            journeys.sandbox().control().attachUserPolicy("alice", io.harbormaster.sandbox.iam.Iam.AUDIT_LOG_POLICY);
        }
    }
}
