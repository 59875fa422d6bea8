package io.harbormaster.views.cost;

import io.harbormaster.model.cost.PriceBook;
import io.harbormaster.model.cost.scaling.ReadServiceScaling;
import io.harbormaster.model.cost.scaling.ScalingWhatIf;
import io.harbormaster.model.cost.scaling.ScalingWhatIfInputs;
import io.harbormaster.model.cost.scaling.ServiceScaling;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.metrics.FetchMetrics;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.fleet.FleetData;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Cost page's Scaling tab: Service Auto Scaling as it is, read-only (each scaled service's range, policies,
 * recent activities and whether it is held at its maximum), and the scaling what-if from the fleet's own CPU.
 * Everything is read and computed through the {@link TaskExecutor}; only the latest answer counts.
 */
public final class ScalingViewModel {

    /** What the what-if tracks unless the operator says otherwise: a common target for web services. */
    public static final double DEFAULT_TARGET_CPU = 50;

    private final ReadServiceScaling scaling;
    private final FetchMetrics metrics;
    private final PriceBook book;
    private final Clock clock;
    private final LatestWins reads;
    private final LatestWins whatIfs;
    private final ObservableList<ScalingRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ScalingWhatIf.Result> whatIf = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private FleetData data;
    private EnvironmentSession session;
    private Map<String, ServiceScaling> scaled = Map.of();

    public ScalingViewModel(ReadServiceScaling scaling, FetchMetrics metrics, PriceBook book, TaskExecutor executor,
            Clock clock) {
        this.scaling = Objects.requireNonNull(scaling, "scaling");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.book = Objects.requireNonNull(book, "book");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reads = new LatestWins(executor);
        this.whatIfs = new LatestWins(executor);
    }

    /** A fleet to show (null for none): its services' scaling is read. */
    public void show(FleetData fleet, EnvironmentSession in) {
        if (fleet == null || in == null || !fleet.complete()) {
            data = null;
            session = null;
            reads.cancel();
            whatIfs.cancel();
            rows.clear();
            scaled = Map.of();
            whatIf.set(null);
            message.set("");
            return;
        }
        if (data == null || !data.snapshot().environmentId().equals(fleet.snapshot().environmentId())) {
            whatIfs.cancel();
            whatIf.set(null);
        }
        data = fleet;
        session = in;
        FleetSnapshot snapshot = fleet.snapshot();
        reads.submit(BackgroundTask.of("Reading Service Auto Scaling", () -> scaling.read(in))
                .onSuccess(found -> publish(snapshot, found)).onFailure(this::failed));
    }

    private void publish(FleetSnapshot snapshot, Map<String, ServiceScaling> found) {
        scaled = found;
        List<ScalingRow> out = new ArrayList<>();
        for (Service s : snapshot.services()) {
            ServiceScaling sc = found.get(ServiceScaling.resourceIdOf(s.arn()));
            if (sc != null) {
                out.add(new ScalingRow(sc.clusterName(), s.name(), s.desiredCount(), sc, sc.atMaximum(s.desiredCount())));
            }
        }
        rows.setAll(out);
        long atMax = out.stream().filter(ScalingRow::atMaximum).count();
        long firing = out.stream().filter(ScalingRow::alarmFiring).count();
        message.set(out.isEmpty() ? "No service of this environment is scaled by Service Auto Scaling"
                : String.format(Locale.ROOT, "%d services scaled by Service Auto Scaling, %d at their maximum%s",
                        out.size(), atMax, firing == 0 ? "" : String.format(Locale.ROOT,
                                ", %d with a scaling alarm in ALARM", firing)));
    }

    /**
     * Had every service not scaling today tracked {@code targetCpu} % over the last {@code window}: tasks and hosts
     * each hour, and the saving. Nothing changes in AWS.
     */
    public void whatIf(double targetCpu, Duration window) {
        FleetData fleet = data;
        EnvironmentSession in = session;
        if (fleet == null) {
            return;
        }
        if (!(targetCpu > 0 && targetCpu <= 100)) {
            message.set("A CPU target is a percentage between 0 and 100");
            return;
        }
        Map<String, ServiceScaling> known = scaled;
        java.time.Instant now = clock.instant();
        whatIfs.submit(BackgroundTask.of("Scaling what-if", () -> {
            ScalingWhatIfInputs.Inputs inputs = ScalingWhatIfInputs.read(fleet.snapshot(), in, metrics, known,
                    book.pricesIn(in.region()), now, window);
            return ScalingWhatIf.of(inputs.services(), inputs.clusters(), targetCpu);
        }).onSuccess(whatIf::set).onFailure(this::failed));
    }

    private void failed(Problem problem) {
        message.set(problem.title() + ": " + problem.message());
    }

    public ObservableList<ScalingRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<ScalingWhatIf.Result> whatIfProperty() {
        return whatIf.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
