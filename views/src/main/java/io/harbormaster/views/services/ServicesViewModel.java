package io.harbormaster.views.services;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.fleet.EnvironmentTag;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.shared.services.ServiceRow;
import io.harbormaster.views.shared.services.ServiceRows;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The services of the current environment's fleet, problems first, with a filter and one selected service whose
 * detail is shown beside the table. Rows are made off the UI thread each time a snapshot arrives.
 */
public final class ServicesViewModel {

    private final FleetViewModel fleet;
    private final TaskExecutor executor;
    private final ObservableList<ServiceRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ServiceRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<ServiceRow> shown = new FilteredList<>(rows, r -> true);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty problemsOnly = new SimpleBooleanProperty(this, "problemsOnly", false);
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<ServiceDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final StringBinding placeholder;
    private final StringBinding summary;
    private long request;
    /** The request whose rows are shown: a later picture's rows replace them, an earlier one's never do. */
    private long shownRequest;

    /** Runs the page's own file work off the UI thread ("Save as CSV…"). */
    public io.harbormaster.views.concurrent.TaskExecutor executor() {
        return executor;
    }

    public ServicesViewModel(FleetViewModel fleet, TaskExecutor executor) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.executor = Objects.requireNonNull(executor, "executor");
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> matching(filter.get(), problemsOnly.get()),
                filter, problemsOnly));
        placeholder = Bindings.createStringBinding(this::describeEmpty, fleet.stateProperty(), rows, filter,
                problemsOnly, fleet.sessionProperty());
        summary = Bindings.createStringBinding(this::describeCount, shown, rows);
        fleet.dataProperty().addListener((obs, old, now) -> dataChanged(now));
        selected.addListener((obs, old, now) -> updateDetail());
    }

    /** Selects a service by ARN (from the palette, the Hosts page); clears a filter that would hide it. */
    public void select(String serviceArn) {
        if (serviceArn != null && shown.stream().noneMatch(r -> r.arn().equals(serviceArn))
                && rows.stream().anyMatch(r -> r.arn().equals(serviceArn))) {
            filter.set("");
            problemsOnly.set(false);
        }
        selected.set(serviceArn);
    }

    private void dataChanged(FleetData data) {
        long mine = ++request;
        if (data == null) {
            shownRequest = mine;
            rows.clear();
            detail.set(null);
            return;
        }
        EnvironmentSession session = fleet.sessionProperty().get();
        if (session == null) {
            return;
        }
        EnvironmentTag tag = EnvironmentTag.of(session.environment());
        executor.submit(BackgroundTask.of("Preparing the services table", () -> ServiceRows.of(data, tag))
                .quietly()
                .onSuccess(made -> {
                    // Not only the latest: while a load publishes a picture every 200 ms, rows that took longer
                    // than that to make would otherwise never be shown until the pictures stop.
                    if (mine > shownRequest) {
                        shownRequest = mine;
                        show(made);
                    }
                }));
    }

    private void show(List<ServiceRow> made) {
        rows.setAll(made);
        updateDetail();
    }

    private void updateDetail() {
        FleetData data = fleet.data();
        detail.set(data == null ? null : ServiceDetail.of(data.snapshot(), selected.get()).orElse(null));
    }

    private static Predicate<ServiceRow> matching(String text, boolean problems) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return r -> (!problems || r.needsAttention()) && r.matches(needle);
    }

    private String describeEmpty() {
        EnvironmentSession session = fleet.sessionProperty().get();
        return switch (fleet.stateProperty().get()) {
            case NO_SESSION -> "Choose an environment above to see its services (in the bar, Ctrl+1, Ctrl+2, … enter them);"
                    + " with none there yet, Environments… (Ctrl+,) adds them.";
            case LOADING -> "Loading the services of " + session.environment().displayName() + "…";
            case FAILED -> "Could not load the services of " + session.environment().displayName()
                    + ". Press F5 to try again.";
            case LOADED -> rows.isEmpty() ? "There are no services in " + session.environment().displayName() + "."
                    : "No service matches" + (filter.get().isBlank() ? "" : " “" + filter.get().strip() + "”")
                            + (problemsOnly.get() ? " among those needing attention" : "") + ".";
        };
    }

    private String describeCount() {
        if (rows.isEmpty()) {
            return "";
        }
        long attention = rows.stream().filter(ServiceRow::needsAttention).count();
        long describing = rows.stream().filter(r -> r.freshness() == ServiceRow.Freshness.DESCRIBING).count();
        long earlier = rows.stream().filter(r -> r.freshness() == ServiceRow.Freshness.EARLIER).count();
        String total = String.format("%,d", rows.size());
        String count = shown.size() == rows.size() ? total + " services" : String.format("%,d", shown.size())
                + " of " + total + " services";
        if (describing > 0 || earlier > 0) {
            return count + (describing > 0 ? String.format(" · %,d being described", describing) : "")
                    + (earlier > 0 ? String.format(" · %,d from before, refreshing", earlier) : "")
                    + (attention == 0 ? "" : " · " + attention + " need attention so far");
        }
        return count + (attention == 0 ? " · all steady" : " · " + attention + " need attention");
    }

    public FleetViewModel fleet() {
        return fleet;
    }

    /** Every row, problems first; the view sorts and filters a copy. */
    public ObservableList<ServiceRow> allRows() {
        return readOnlyRows;
    }

    /** The rows passing the filter, problems first. */
    public ObservableList<ServiceRow> rows() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty problemsOnlyProperty() {
        return problemsOnly;
    }

    /** The selected service's ARN; null when none. */
    public ObjectProperty<String> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<ServiceDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public StringBinding placeholderProperty() {
        return placeholder;
    }

    public StringBinding summaryProperty() {
        return summary;
    }
}
