package io.harbormaster.views.cutovers.wizard;

import io.harbormaster.model.error.Quoted;
import io.harbormaster.model.cutover.GateMetric;
import io.harbormaster.model.cutover.GateRule;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One metric gate as the wizard edits it: on or off, on which side(s), and its two levels as typed. */
public final class GateRuleRow {

    private final GateMetric metric;
    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private final ObjectProperty<GateRule.Scope> scope = new SimpleObjectProperty<>(GateRule.Scope.BOTH);
    private final StringProperty warning = new SimpleStringProperty();
    private final StringProperty critical = new SimpleStringProperty();

    GateRuleRow(GateMetric metric, boolean on, GateRule.Scope scope, double warning, double critical) {
        this.metric = metric;
        this.enabled.set(on);
        this.scope.set(scope);
        this.warning.set(number(warning));
        this.critical.set(number(critical));
    }

    public GateMetric metric() {
        return metric;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ObjectProperty<GateRule.Scope> scopeProperty() {
        return scope;
    }

    public StringProperty warningProperty() {
        return warning;
    }

    public StringProperty criticalProperty() {
        return critical;
    }

    /** The rule, or empty when switched off. */
    Optional<GateRule> rule() {
        if (!enabled.get()) {
            return Optional.empty();
        }
        return Optional.of(new GateRule(metric, scope.get(), parse(warning.get(), "warning"),
                parse(critical.get(), "critical")));
    }

    private double parse(String text, String which) {
        try {
            return Double.parseDouble(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(metric.label() + ": the " + which + " level must be a number, was "
                    + Quoted.of(text));
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
