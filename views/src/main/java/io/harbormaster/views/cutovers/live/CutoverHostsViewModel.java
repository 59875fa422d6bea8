package io.harbormaster.views.cutovers.live;

import io.harbormaster.model.cutover.CutoverPlan;
import io.harbormaster.model.cutover.CutoverService;
import io.harbormaster.model.cutover.CutoverSide;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.Thresholds;
import io.harbormaster.model.noisemap.HeatScale;
import io.harbormaster.model.noisemap.NoiseFrames;
import io.harbormaster.model.noisemap.NoiseModes;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.cutovers.wizard.RouteText;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.lifecycle.Repeater;
import io.harbormaster.views.noisemap.NoiseMapViewModel;
import io.harbormaster.views.shared.metrics.MetricsDependencies;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The noise map of each side's hosts (the hosts its services' tasks run on, in the side's own environment), the
 * shared noise map's view-model once per side. The hosts are found the first time the view shows; the maps read
 * and poll only while it shows. Request rate by default: the cutover moves requests from one side's hosts to the
 * other's.
 */
public final class CutoverHostsViewModel {

    /** One side's map. */
    public static final class Side {
        private final CutoverSide side;
        private final String label;
        private final NoiseMapViewModel map;
        private final ObjectProperty<EnvironmentSession> session = new SimpleObjectProperty<>();
        private final ObjectProperty<FleetData> fleet = new SimpleObjectProperty<>();
        private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

        Side(CutoverSide side, String label, NoiseMapViewModel map) {
            this.side = side;
            this.label = label;
            this.map = map;
            map.bind(session, fleet);
        }

        public String label() {
            return label;
        }

        public NoiseMapViewModel map() {
            return map;
        }

        /** Where its hosts are and how many, or why there is no map. */
        public ReadOnlyStringProperty statusProperty() {
            return status.getReadOnlyProperty();
        }
    }

    private final List<Side> sides = new ArrayList<>();
    private final Function<CutoverSide, Optional<CutoverService.SideHosts>> hosts;
    private final TaskExecutor executor;
    private final ObjectProperty<MetricKind> metric = new SimpleObjectProperty<>(MetricKind.REQUEST_RATE);
    private final BooleanProperty active = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<HeatScale> scale = new ReadOnlyObjectWrapper<>();
    private boolean found;

    /** @param hosts a side's hosts as a fleet with its environment's session (blocking; run on the executor) */
    public CutoverHostsViewModel(CutoverPlan plan, Function<CutoverSide, Optional<CutoverService.SideHosts>> hosts,
            MetricsDependencies metrics, TaskExecutor executor, Repeater repeater) {
        this.hosts = hosts;
        this.executor = executor;
        for (String id : List.of(plan.fromId(), plan.toId())) {
            CutoverSide side = plan.sides().stream().filter(s -> s.targetId().equals(id)).findFirst()
                    .orElse(new CutoverSide(id, RouteText.side(plan, id), "", "", "", List.of()));
            NoiseMapViewModel map = new NoiseMapViewModel(metrics, executor, repeater, metrics.clock());
            map.metricProperty().bind(metric);
            map.activeProperty().bind(active);
            map.shareScale(scale.getReadOnlyProperty());
            sides.add(new Side(side, RouteText.side(plan, id) + (id.equals(plan.fromId()) ? " (traffic leaves)"
                    : " (traffic goes to)"), map));
        }
        for (Side s : sides) {
            s.map.framesProperty().addListener((o, was, now) -> rescale());
        }
        active.addListener((o, was, now) -> {
            if (now && !found) {
                found = true;
                sides.forEach(this::find);
            }
        });
    }

    /**
     * One colour scale for both maps: the levels of the side traffic goes to (else of the side it leaves), anchored
     * on the busier side's values, so the same load is the same colour on both.
     */
    private void rescale() {
        List<NoiseFrames> shown = sides.stream().map(s -> s.map.framesProperty().get()).filter(Objects::nonNull)
                .toList();
        if (shown.isEmpty()) {
            scale.set(null);
            return;
        }
        double max = shown.stream().mapToDouble(NoiseFrames::max).max().orElse(0);
        Optional<Thresholds> levels = sides.get(1).map.levels().or(() -> sides.get(0).map.levels());
        scale.set(NoiseModes.scale(metric.get(), levels, max));
    }

    private void find(Side s) {
        if (!s.side.resolved()) {
            s.status.set("Its load balancer was not found in any environment: no hosts to map.");
            return;
        }
        s.status.set("Finding the hosts of " + s.side.label() + " in " + s.side.environmentId() + "…");
        executor.submit(BackgroundTask.of("Hosts of " + s.side.label(), () -> hosts.apply(s.side)).onSuccess(got -> {
            if (got.isEmpty()) {
                s.status.set("The fleet of " + s.side.environmentId() + " could not be loaded.");
                return;
            }
            int n = got.get().fleet().hosts().size();
            s.status.set(n == 0 ? "No running task of " + s.side.label() + " is on an EC2 host (Fargate, or none running)."
                    : n + " host" + (n == 1 ? "" : "s") + " in " + got.get().session().environment().displayName());
            s.session.set(got.get().session());
            s.fleet.set(FleetData.of(got.get().fleet()));
        }).onFailure(p -> s.status.set("Hosts not found — " + p.title() + ": " + p.message())));
    }

    public List<Side> sides() {
        return List.copyOf(sides);
    }

    /** What the maps colour the hosts by (both the same, so they compare). */
    public ObjectProperty<MetricKind> metricProperty() {
        return metric;
    }

    /** The colours both maps are drawn in (null until a map has values). */
    public ReadOnlyObjectProperty<HeatScale> scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public BooleanProperty activeProperty() {
        return active;
    }
}
