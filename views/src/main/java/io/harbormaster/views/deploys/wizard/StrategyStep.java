package io.harbormaster.views.deploys.wizard;

import io.harbormaster.model.deploy.CanaryConfig;
import io.harbormaster.model.deploy.CircuitBreaker;
import io.harbormaster.model.alarms.ServiceAlarms;
import io.harbormaster.model.deploy.DeployAlarms;
import io.harbormaster.model.deploy.DeployStrategy;
import io.harbormaster.model.deploy.DeploymentSettings;
import io.harbormaster.model.deploy.LifecycleHook;
import io.harbormaster.model.deploy.LifecycleStage;
import io.harbormaster.model.deploy.LinearConfig;
import io.harbormaster.model.deploy.LoadBalancerRouting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The wizard's Strategy page: ECS's own strategies with their numbers, the circuit breaker, alarms, the stages to
 * pause at, and for traffic-shifting strategies the alternate target group, listener rules and role. Filled from the
 * service's settings (or the ones remembered for it); {@link #settings()} builds the validated
 * {@link DeploymentSettings}, and {@link #problemProperty()} says what is wrong in words.
 */
public final class StrategyStep {

    private final ObjectProperty<DeployStrategy> strategy = new SimpleObjectProperty<>(this, "strategy",
            DeployStrategy.ROLLING);
    private final StringProperty minimumHealthy = new SimpleStringProperty(this, "minimumHealthy", "100");
    private final StringProperty maximum = new SimpleStringProperty(this, "maximum", "200");
    private final StringProperty bake = new SimpleStringProperty(this, "bake", "5");
    private final StringProperty stepPercent = new SimpleStringProperty(this, "stepPercent", "10");
    private final StringProperty stepBake = new SimpleStringProperty(this, "stepBake", "6");
    private final StringProperty canaryPercent = new SimpleStringProperty(this, "canaryPercent", "5");
    private final StringProperty canaryBake = new SimpleStringProperty(this, "canaryBake", "10");
    private final BooleanProperty breaker = new SimpleBooleanProperty(this, "breaker", true);
    private final BooleanProperty breakerRollback = new SimpleBooleanProperty(this, "breakerRollback", true);
    private final StringProperty alarms = new SimpleStringProperty(this, "alarms", "");
    private final BooleanProperty alarmsRollback = new SimpleBooleanProperty(this, "alarmsRollback", true);
    private final ObservableSet<LifecycleStage> pauses = FXCollections.observableSet(EnumSet.noneOf(
            LifecycleStage.class));
    private final StringProperty alternateTargetGroup = new SimpleStringProperty(this, "alternateTargetGroup", "");
    private final StringProperty productionRule = new SimpleStringProperty(this, "productionRule", "");
    private final StringProperty testRule = new SimpleStringProperty(this, "testRule", "");
    private final StringProperty role = new SimpleStringProperty(this, "role", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private List<LoadBalancerRouting> loadBalancers = List.of();
    /** The service's own health alarms' names, once the environment's alarms were read; empty before. */
    private final javafx.collections.ObservableList<String> serviceAlarms = FXCollections.observableArrayList();
    /** Every alarm name the environment had when the wizard read them; null until read (or if the read failed). */
    private java.util.Set<String> knownAlarms;
    private final ReadOnlyStringWrapper alarmsNote = new ReadOnlyStringWrapper(this, "alarmsNote", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper serviceAlarmsWatched =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "serviceAlarmsWatched", true);

    public StrategyStep() {
        InvalidationListener check = o -> problem.set(explain());
        alarms.addListener(o -> alarmsNote.set(noteOnAlarms()));
        for (Observable o : new Observable[] {strategy, minimumHealthy, maximum, bake, stepPercent, stepBake,
                canaryPercent, canaryBake, breaker, breakerRollback, alarms, alarmsRollback, pauses,
                alternateTargetGroup, productionRule, testRule, role}) {
            o.addListener(check);
        }
    }

    /** The stages a PAUSE hook may wait at, in ECS's order. */
    public static List<LifecycleStage> pausableStages() {
        return Arrays.stream(LifecycleStage.values()).filter(LifecycleStage::pausable).toList();
    }

    /** Fills the page from settings (the service's own, or those remembered for it). */
    public void load(DeploymentSettings s) {
        loadBalancers = s.loadBalancers();
        LoadBalancerRouting first = loadBalancers.isEmpty() ? null : loadBalancers.get(0);
        if (first != null) {
            alternateTargetGroup.set(first.alternateTargetGroupArn());
            productionRule.set(first.productionListenerRule());
            testRule.set(first.testListenerRule());
            role.set(first.roleArn());
        }
        minimumHealthy.set(Integer.toString(s.minimumHealthyPercent()));
        maximum.set(Integer.toString(s.maximumPercent()));
        if (s.bakeTimeMinutes() > 0) {
            bake.set(Integer.toString(s.bakeTimeMinutes()));
        }
        if (s.linear() != null) {
            stepPercent.set(number(s.linear().stepPercent()));
            stepBake.set(Integer.toString(s.linear().stepBakeMinutes()));
        }
        if (s.canary() != null) {
            canaryPercent.set(number(s.canary().canaryPercent()));
            canaryBake.set(Integer.toString(s.canary().canaryBakeMinutes()));
        }
        breaker.set(s.circuitBreaker().enable());
        breakerRollback.set(s.circuitBreaker().rollback());
        alarms.set(String.join(", ", s.alarms().alarmNames()));
        alarmsRollback.set(s.alarms().rollback() || s.alarms().alarmNames().isEmpty());
        pauses.clear();
        s.hooks().stream().filter(h -> h.type() == io.harbormaster.model.deploy.HookTargetType.PAUSE)
                .forEach(h -> pauses.addAll(h.stages()));
        strategy.set(s.strategy());
        problem.set(explain());
    }

    /**
     * The environment's alarms as read when the wizard opened, split for this service: its own health alarms are
     * offered ({@link #useServiceAlarms}), and names typed that the environment has no alarm of are pointed out.
     */
    public void offerAlarms(ServiceAlarms split, java.util.Collection<String> allNames) {
        serviceAlarms.setAll(split.forDeploys().stream().map(io.harbormaster.model.alarms.Alarm::name).toList());
        knownAlarms = java.util.Set.copyOf(allNames);
        alarmsNote.set(noteOnAlarms());
    }

    /** Puts the service's own health alarms in the field, those typed kept first. */
    public void useServiceAlarms() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(alarmNames());
        names.addAll(serviceAlarms);
        alarms.set(String.join(", ", names));
    }

    /** The service's own health alarms' names (Application Auto Scaling's left out); empty until read. */
    public javafx.collections.ObservableList<String> serviceAlarms() {
        return serviceAlarms;
    }

    /**
     * What the alarms read say of the field: names the environment has no alarm of (ECS would watch an alarm that
     * is not there), or the service's own alarms not yet in it; empty when there is nothing to say.
     */
    public ReadOnlyStringProperty alarmsNoteProperty() {
        return alarmsNote.getReadOnlyProperty();
    }

    /** Whether every one of the service's own health alarms is in the field already (true before they are read). */
    public javafx.beans.property.ReadOnlyBooleanProperty serviceAlarmsWatchedProperty() {
        return serviceAlarmsWatched.getReadOnlyProperty();
    }

    private String noteOnAlarms() {
        if (knownAlarms == null) {
            return "";
        }
        List<String> typed = alarmNames();
        serviceAlarmsWatched.set(typed.containsAll(serviceAlarms));
        List<String> unknown = typed.stream().filter(n -> !knownAlarms.contains(n)).toList();
        if (!unknown.isEmpty()) {
            return "No alarm " + (unknown.size() == 1 ? "named " : "of the names ") + String.join(", ", unknown)
                    + " in this environment: a deploy watching it would never see it go to ALARM";
        }
        long notIn = serviceAlarms.stream().filter(n -> !typed.contains(n)).count();
        if (notIn > 0) {
            return "The service has " + notIn + (notIn == 1 ? " alarm" : " alarms") + " of its own not watched here";
        }
        return "";
    }

    /** The names in the field: comma separated (a CloudWatch alarm's name may hold spaces), blanks dropped. */
    private List<String> alarmNames() {
        return Arrays.stream((alarms.get() == null ? "" : alarms.get()).split(",")).map(String::strip)
                .filter(n -> !n.isEmpty()).toList();
    }

    /** Routing found for the service, filled into the fields the operator has left blank. */
    public void offerRouting(List<LoadBalancerRouting> suggested) {
        if (suggested.isEmpty() || !suggested.get(0).hasAdvanced()) {
            return;
        }
        LoadBalancerRouting first = suggested.get(0);
        fillIfBlank(alternateTargetGroup, first.alternateTargetGroupArn());
        fillIfBlank(productionRule, first.productionListenerRule());
        fillIfBlank(testRule, first.testListenerRule());
        fillIfBlank(role, first.roleArn());
    }

    private static void fillIfBlank(StringProperty p, String value) {
        if (p.get() == null || p.get().isBlank()) {
            p.set(value);
        }
    }

    /** Whether the service has a load balancer at all (traffic-shifting strategies need one). */
    public boolean hasLoadBalancer() {
        return !loadBalancers.isEmpty();
    }

    private String explain() {
        try {
            settings();
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The settings as typed; throws IllegalArgumentException saying what is wrong. */
    public DeploymentSettings settings() {
        DeployStrategy s = strategy.get();
        List<LoadBalancerRouting> routing = new ArrayList<>();
        for (int i = 0; i < loadBalancers.size(); i++) {
            LoadBalancerRouting lb = loadBalancers.get(i);
            routing.add(i == 0 && s.shiftsTraffic() ? lb.withAdvanced(alternateTargetGroup.get(),
                    productionRule.get(), testRule.get(), role.get()) : lb);
        }
        if (s.shiftsTraffic() && routing.isEmpty()) {
            throw new IllegalArgumentException(s + " moves traffic between target groups; this service has no load"
                    + " balancer: choose ROLLING");
        }
        List<String> names = alarmNames();
        List<LifecycleHook> hooks = pauses.stream().sorted().map(LifecycleHook::pause).toList();
        return new DeploymentSettings(s, percent(minimumHealthy, "Minimum healthy"), percent(maximum, "Maximum"),
                s == DeployStrategy.ROLLING ? 0 : minutes(bake, "Bake time"),
                s == DeployStrategy.LINEAR ? new LinearConfig(decimal(stepPercent, "Step percent"),
                        minutes(stepBake, "Step bake time")) : null,
                s == DeployStrategy.CANARY ? new CanaryConfig(decimal(canaryPercent, "Canary percent"),
                        minutes(canaryBake, "Canary bake time")) : null,
                new CircuitBreaker(breaker.get(), breaker.get() && breakerRollback.get()),
                new DeployAlarms(names, !names.isEmpty(), !names.isEmpty() && alarmsRollback.get()), hooks, routing);
    }

    private static int percent(StringProperty p, String what) {
        String t = p.get() == null ? "" : p.get().strip();
        if (!t.matches("\\d{1,4}")) {
            throw new IllegalArgumentException(what + " percent is a whole number");
        }
        return Integer.parseInt(t);
    }

    private static int minutes(StringProperty p, String what) {
        String t = p.get() == null ? "" : p.get().strip();
        if (!t.matches("\\d{1,4}")) {
            throw new IllegalArgumentException(what + " is whole minutes, 0 to 1440");
        }
        return Integer.parseInt(t);
    }

    private static double decimal(StringProperty p, String what) {
        String t = p.get() == null ? "" : p.get().strip();
        if (!t.matches("\\d{1,3}(\\.\\d+)?")) {
            throw new IllegalArgumentException(what + " is a number like 5 or 0.5");
        }
        return Double.parseDouble(t);
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObjectProperty<DeployStrategy> strategyProperty() {
        return strategy;
    }

    public StringProperty minimumHealthyProperty() {
        return minimumHealthy;
    }

    public StringProperty maximumProperty() {
        return maximum;
    }

    public StringProperty bakeProperty() {
        return bake;
    }

    public StringProperty stepPercentProperty() {
        return stepPercent;
    }

    public StringProperty stepBakeProperty() {
        return stepBake;
    }

    public StringProperty canaryPercentProperty() {
        return canaryPercent;
    }

    public StringProperty canaryBakeProperty() {
        return canaryBake;
    }

    public BooleanProperty breakerProperty() {
        return breaker;
    }

    public BooleanProperty breakerRollbackProperty() {
        return breakerRollback;
    }

    public StringProperty alarmsProperty() {
        return alarms;
    }

    public BooleanProperty alarmsRollbackProperty() {
        return alarmsRollback;
    }

    public ObservableSet<LifecycleStage> pauses() {
        return pauses;
    }

    public StringProperty alternateTargetGroupProperty() {
        return alternateTargetGroup;
    }

    public StringProperty productionRuleProperty() {
        return productionRule;
    }

    public StringProperty testRuleProperty() {
        return testRule;
    }

    public StringProperty roleProperty() {
        return role;
    }

    Set<LifecycleStage> pausesSnapshot() {
        return Set.copyOf(pauses);
    }
}
