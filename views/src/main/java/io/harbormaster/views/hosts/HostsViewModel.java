package io.harbormaster.views.hosts;

import io.harbormaster.model.cost.repack.RepackResult;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PlacementDraft;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.metrics.FetchMetrics;
import io.harbormaster.model.metrics.HostMetrics;
import io.harbormaster.model.packing.Stranding;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.shared.services.PortText;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The bin-packing view's state: the hosts of the snapshot as cells (made off the UI thread), how they are grouped
 * and ordered, the resulting layout, and the service whose hosts are lit up.
 */
public final class HostsViewModel {

    /** A service offered in the picker. */
    public record ServiceChoice(String arn, String name, String cluster) {
        @Override
        public String toString() {
            return name + "  (" + cluster + ")";
        }
    }

    /** Asks the view to bring a host into the middle; a new serial each time, so asking twice works twice. */
    public record CentreRequest(String hostArn, long serial) {
    }

    private record Built(HostModel model, HostLayout layout, PlacementDraft.View placed) {
    }

    private final FleetViewModel fleet;
    private final ObjectProperty<HostLayout.Grouping> grouping =
            new SimpleObjectProperty<>(this, "grouping", HostLayout.Grouping.CLUSTER);
    private final ObjectProperty<HostLayout.Order> order =
            new SimpleObjectProperty<>(this, "order", HostLayout.Order.UTILISATION);
    private final IntegerProperty columns = new SimpleIntegerProperty(this, "columns", 6);
    private final ReadOnlyObjectWrapper<HostModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<HostLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private final ObjectProperty<String> highlighted = new SimpleObjectProperty<>(this, "highlighted");
    private final ReadOnlyObjectWrapper<Set<String>> highlightedHosts =
            new ReadOnlyObjectWrapper<>(this, "highlightedHosts", Set.of());
    private final ReadOnlyObjectWrapper<BitSet> highlightedCells = new ReadOnlyObjectWrapper<>(this, "cells");
    private final ReadOnlyObjectWrapper<CentreRequest> centre = new ReadOnlyObjectWrapper<>(this, "centre");
    private final ReadOnlyObjectWrapper<String> selectedHost = new ReadOnlyObjectWrapper<>(this, "selectedHost");
    private final ObservableList<ServiceChoice> services = FXCollections.observableArrayList();
    private final StringBinding summary;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final BooleanProperty showMeasured = new SimpleBooleanProperty(this, "showMeasured");
    private final ReadOnlyObjectWrapper<Map<String, MeasuredUse.Use>> measured =
            new ReadOnlyObjectWrapper<>(this, "measured", Map.of());
    private final ReadOnlyStringWrapper measuredNote = new ReadOnlyStringWrapper(this, "measuredNote", "");
    private final ReadOnlyStringWrapper layoutProblem = new ReadOnlyStringWrapper(this, "layoutProblem", "");
    private final ReadOnlyObjectWrapper<PlacementDraft.View> loadingTasks = new ReadOnlyObjectWrapper<>(this,
            "loadingTasks");
    /** The part of the layout the canvas showed last (world x0, y0, x1, y1); null before it tells. */
    private double[] inView;
    private final ReadOnlyObjectWrapper<RepackShown> repack = new ReadOnlyObjectWrapper<>(this, "repack");
    private final ObjectProperty<RepackShown.Side> side = new SimpleObjectProperty<>(this, "side",
            RepackShown.Side.REPACKED);
    private final LatestWins repacks;
    private MeasuredUse measuredUse;
    private Clock clock;
    private final LatestWins measuring;
    private final LatestWins layouts;
    private long serial;
    private boolean building;
    private boolean again;
    private boolean remodelAgain;
    private final HostDetailViewModel detail;

    public HostsViewModel(FleetViewModel fleet, TaskExecutor executor) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.measuring = new LatestWins(executor);
        this.layouts = new LatestWins(executor);
        this.repacks = new LatestWins(executor);
        side.addListener((obs, old, now) -> showSide());
        fleet.sessionProperty().addListener((obs, old, now) -> closeRepack());
        fleet.dataProperty().addListener((obs, old, now) -> update(true));
        fleet.placementProperty().addListener((obs, old, now) -> update(true));
        grouping.addListener((obs, old, now) -> update(false));
        order.addListener((obs, old, now) -> update(false));
        columns.addListener((obs, old, now) -> update(false));
        highlighted.addListener((obs, old, now) -> updateHighlight());
        summary = Bindings.createStringBinding(this::describe, model, fleet.stateProperty(), layoutProblem,
                loadingTasks, repack, side);
        active.addListener((obs, old, now) -> readMeasured());
        showMeasured.addListener((obs, old, now) -> readMeasured());
        fleet.dataProperty().addListener((obs, old, now) -> readMeasured());
        detail = new HostDetailViewModel(this, Clock.systemDefaultZone());
    }

    /**
     * Measured CPU and memory beside what is reserved, read through {@code fetch} from the hosts' per-host metrics;
     * without this call the toggle has nothing to show.
     */
    public void measureWith(FetchMetrics fetch, Clock now) {
        this.measuredUse = new MeasuredUse(fetch);
        this.clock = now;
    }

    /** The page went out of sight: the measured-use read stops; showing it again reads anew. */
    public void hidden() {
        measuring.cancel();
    }

    /** Reads measured use when shown and asked for: never while the page is hidden or the toggle off. */
    private void readMeasured() {
        FleetData data = fleet.dataProperty().get();
        EnvironmentSession in = fleet.sessionProperty().get();
        LatestWins.Turn mine = measuring.next();
        if (!showMeasured.get() || data == null) {
            measured.set(Map.of());
            measuredNote.set("");
        }
        if (measuredUse == null && showMeasured.get()) {
            measuredNote.set("Measured use cannot be read in this window: no metric source is set up.");
            return;
        }
        if (measuredUse == null || !active.get() || !showMeasured.get() || data == null || in == null) {
            return;
        }
        List<Host> hosts = data.snapshot().hosts();
        HostMetrics sources = HostMetrics.of(data.snapshot());
        MeasuredUse use = measuredUse;
        mine.submit(BackgroundTask.of("Reading measured use of " + hosts.size() + " hosts",
                () -> use.read(in, hosts, sources, clock.instant())).onSuccess(read -> {
                    measured.set(read);
                    measuredNote.set(join(coverage(read.size(), hosts.size()), MeasuredUse.memoryNote(hosts,
                            sources)));
                }).onFailure(problem -> {
                    measured.set(Map.of());
                    measuredNote.set("Measured use not read: " + problem.title() + ". " + problem.message());
                }));
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
    }

    /** Says which hosts the bands leave out, so an empty or patchy picture is not mistaken for idle hosts. */
    static String coverage(int read, int hosts) {
        String window = MeasuredUse.LOOK_BACK.toMinutes() + " minutes";
        if (hosts == 0 || read == hosts) {
            return "";
        }
        if (read == 0) {
            return "No measured use: CloudWatch has no CPU or memory readings for these hosts in the last " + window
                    + ".";
        }
        return String.format("Measured use of %,d of %,d hosts; the others have no CloudWatch readings in the last %s.",
                read, hosts, window);
    }

    /**
     * Draws a repacking what-if instead of the fleet: its cluster packed again ({@link #sideProperty()} switches to
     * the cluster as it runs today), until {@link #closeRepack()}. Nothing changes in AWS.
     */
    public void showRepack(RepackResult result) {
        FleetData data = fleet.dataProperty().get();
        if (data == null) {
            return;
        }
        repacks.submit(BackgroundTask.of("Drawing the repacking what-if",
                () -> RepackShown.of(data.snapshot(), result)).onSuccess(made -> {
                    repack.set(made);
                    if (side.get() == RepackShown.Side.REPACKED) {
                        showSide();
                    } else {
                        side.set(RepackShown.Side.REPACKED);
                    }
                }).onFailure(this::layoutFailed));
    }

    /** Back to the fleet. */
    public void closeRepack() {
        repacks.cancel();
        if (repack.get() != null) {
            repack.set(null);
            update(true);
        }
    }

    private void showSide() {
        RepackShown shown = repack.get();
        if (shown == null) {
            return;
        }
        HostModel m = shown.side(side.get());
        model.set(m);
        services.setAll(m.services().stream().map(s -> new ServiceChoice(s.arn(), s.name(), s.clusterName()))
                .toList());
        loadingTasks.set(null);
        update(false);
    }

    /** The what-if drawn instead of the fleet; null when the fleet is drawn. */
    public ReadOnlyObjectProperty<RepackShown> repackProperty() {
        return repack.getReadOnlyProperty();
    }

    /** Which packing of the what-if is drawn. */
    public ObjectProperty<RepackShown.Side> sideProperty() {
        return side;
    }

    /** At most this many hosts go ahead of the rest: a screenful of cards at a zoom where tasks can still be told. */
    static final int FOCUS_AT_MOST = 150;

    /**
     * The part of the layout the canvas shows (world coordinates): while a full load runs, the tasks of these hosts
     * (the picked one first, then the cards in view in reading order) are described ahead of the rest.
     */
    public void viewing(double x0, double y0, double x1, double y1) {
        HostLayout laid = layout.get();
        if (laid == null) {
            return;
        }
        inView = new double[] {x0, y0, x1, y1};
        if (repack.get() != null) {
            return; // a what-if's hosts are nowhere to load
        }
        List<String> arns = new ArrayList<>();
        String picked = selectedHost.get();
        if (picked != null && laid.indexOf(picked) >= 0) {
            arns.add(picked);
        }
        for (int i : laid.visible(x0, y0, x1, y1)) {
            if (arns.size() >= FOCUS_AT_MOST) {
                break;
            }
            String arn = laid.cell(i).arn;
            if (!arn.equals(picked)) {
                arns.add(arn);
            }
        }
        fleet.lookAt(arns);
    }

    /**
     * Cards in view whose hosts report more reserved than their tasks drawn (tasks still loading); -1 while there
     * is no layout or the canvas has not told what it shows.
     */
    public int unreadInView() {
        int[] shown = shown();
        if (shown == null) {
            return -1;
        }
        HostLayout laid = layout.get();
        int unread = 0;
        for (int i : shown) {
            unread += laid.cell(i).unread() ? 1 : 0;
        }
        return unread;
    }

    /** Cards of the current layout in the part the canvas showed last; 0 before it tells. */
    public int inViewCount() {
        int[] shown = shown();
        return shown == null ? 0 : shown.length;
    }

    private int[] shown() {
        HostLayout laid = layout.get();
        return laid == null || inView == null ? null : laid.visible(inView[0], inView[1], inView[2], inView[3]);
    }

    /** Lights up the hosts that run a service's tasks; null clears. */
    public void highlight(String serviceArn) {
        highlighted.set(serviceArn);
    }

    /** Asks the view to centre on a host, and marks it as the one picked. */
    public void centreOn(String hostArn) {
        selectedHost.set(hostArn);
        centre.set(new CentreRequest(hostArn, ++serial));
    }

    /** Picks a host (its detail shows beside the canvas) without moving the view; null picks none. */
    public void pick(String hostArn) {
        selectedHost.set(hostArn);
    }

    /** The picked host's detail and the task picked on it. */
    public HostDetailViewModel detail() {
        return detail;
    }

    /** The host picked (clicked, or centred on by request from another page), drawn outlined; null when none. */
    public ReadOnlyObjectProperty<String> selectedHostProperty() {
        return selectedHost.getReadOnlyProperty();
    }

    /**
     * Makes the cells (when {@code remodel}) and the layout off the UI thread, one build at a time: requests that
     * come while one runs make one more build after it, with whatever is current then. While a full load runs the
     * cells come from its hosts and the tasks described so far ({@link FleetViewModel#placementProperty()}), a
     * picture a second, so the hosts draw after a dozen calls rather than after every task.
     */
    private void update(boolean remodel) {
        FleetData data = fleet.dataProperty().get();
        PlacementDraft.View placed = fleet.placementProperty().get();
        boolean partial = data != null && !data.complete() && placed != null && !placed.hosts().isEmpty();
        RepackShown whatIf = repack.get();
        if (whatIf != null) {
            if (remodel) {
                return; // the what-if stays a picture of the fleet it was made from
            }
        } else if (data == null) {
            clear();
            return;
        } else if (!data.complete() && !partial) {
            return; // what is drawn stays until the load's hosts (or the whole fleet) arrive
        }
        if (building) {
            again = true;
            remodelAgain |= remodel;
            return;
        }
        HostModel current = model.get();
        if (!remodel && current == null) {
            return;
        }
        HostLayout.Grouping g = grouping.get();
        HostLayout.Order o = order.get();
        int c = columns.get();
        building = true;
        layouts.submit(BackgroundTask.of("Laying out the hosts", () -> {
                    HostModel built = !remodel ? current : HostModel.of(partial ? placedSoFar(data, placed) : data);
                    return new Built(built, HostLayout.of(built.cells(), g, o, c), partial ? placed : null);
                })
                .quietly()
                .onFailure(problem -> {
                    layoutFailed(problem);
                    built();
                })
                .onSuccess(made -> {
                    if (repack.get() != whatIf) {
                        built(); // made for the fleet while a what-if came, or the other way round
                        return;
                    }
                    if (made.model() != current) {
                        model.set(made.model());
                        services.setAll(made.model().services().stream()
                                .map(s -> new ServiceChoice(s.arn(), s.name(), s.clusterName())).toList());
                    }
                    loadingTasks.set(made.placed());
                    publish(made.layout());
                    built();
                }));
    }

    private void built() {
        building = false;
        if (again) {
            boolean remodel = remodelAgain;
            again = false;
            remodelAgain = false;
            update(remodel);
        }
    }

    private void clear() {
        layouts.cancel();
        building = false;
        again = false;
        remodelAgain = false;
        layoutProblem.set("");
        loadingTasks.set(null);
        model.set(null);
        layout.set(null);
        services.clear();
        updateHighlight();
    }

    /** The services loaded so far with the hosts and tasks described so far, packed as far as can be told. */
    private static FleetData placedSoFar(FleetData data, PlacementDraft.View placed) {
        FleetSnapshot s = data.snapshot();
        return FleetData.of(new FleetSnapshot(s.environmentId(), s.region(), s.asOf(), s.clusters(), s.services(),
                placed.hosts(), placed.tasks(), s.taskDefinitions(), s.targetHealth(), List.of(), FleetStats.NONE));
    }

    /** Delivered only while its layout is the latest one (LatestWins). */
    private void layoutFailed(io.harbormaster.model.error.Problem problem) {
        layoutProblem.set("The hosts could not be laid out: " + problem.title() + ". " + problem.message());
    }

    private void publish(HostLayout made) {
        layoutProblem.set("");
        layout.set(made);
        updateHighlight();
    }

    private void updateHighlight() {
        HostModel current = model.get();
        HostLayout laid = layout.get();
        String service = highlighted.get();
        if (current == null || service == null) {
            highlightedHosts.set(Set.of());
            highlightedCells.set(null);
            return;
        }
        Set<String> hosts = current.snapshot().hostsOf(service).stream().map(Host::arn).collect(Collectors.toSet());
        BitSet bits = new BitSet();
        if (laid != null) {
            for (String arn : hosts) {
                int i = laid.indexOf(arn);
                if (i >= 0) {
                    bits.set(i);
                }
            }
        }
        highlightedHosts.set(Set.copyOf(hosts));
        highlightedCells.set(bits);
    }

    /** The ARN of the service whose task is hit; null for a standalone task, free capacity or nothing. */
    public String serviceAt(HostLayout.Hit hit) {
        Service s = hitService(hit);
        return s == null ? null : s.arn();
    }

    private Service hitService(HostLayout.Hit hit) {
        HostLayout laid = layout.get();
        HostModel current = model.get();
        int s = hit == null || hit.task() < 0 || laid == null || current == null ? -1
                : laid.cell(hit.cell()).service[hit.task()];
        return s < 0 ? null : current.services().get(s);
    }

    /** Tooltip text for what is under the pointer. */
    public String describe(HostLayout.Hit hit) {
        HostLayout laid = layout.get();
        if (hit == null || laid == null || model.get() == null) {
            return "";
        }
        HostCell cell = laid.cell(hit.cell());
        if (hit.task() >= 0) {
            Task t = cell.task(hit.task());
            Service s = hitService(hit);
            String service = s == null ? "standalone task (" + t.group() + ")" : s.name();
            return service + "\ntask " + io.harbormaster.model.fleet.Arns.name(t.arn()) + " · " + t.lastStatus()
                    + "\n" + t.cpu() + " CPU units · " + t.memory() + " MiB · host ports "
                    + PortText.hostPorts(t.hostPorts()) + "\non " + cell.name + " (" + cell.instanceType + ", "
                    + cell.zone + ")";
        }
        return describeHost(cell);
    }

    static String describeHost(HostCell c) {
        StringBuilder b = new StringBuilder();
        b.append(c.name).append(" · ").append(c.instanceType).append(" · ").append(c.zone).append(" · ")
                .append(c.status).append('\n');
        b.append(String.format("CPU %,d of %,d units reserved (%d%%)%n", c.reservedCpu, c.registeredCpu,
                Math.round(100.0 * c.reservedCpu / Math.max(1, c.registeredCpu))));
        b.append(String.format("Memory %,d of %,d MiB reserved (%d%%)%n", c.reservedMemory, c.registeredMemory,
                Math.round(100.0 * c.reservedMemory / Math.max(1, c.registeredMemory))));
        b.append(c.taskCount()).append(c.unread() ? " tasks read so far; the rest are still loading" : " tasks");
        if (c.stranding == Stranding.CPU_WITHOUT_MEMORY) {
            b.append(String.format("%nStranded: %,d CPU units free, but too little memory for any task", c.strandedCpu));
        } else if (c.stranding == Stranding.MEMORY_WITHOUT_CPU) {
            b.append(String.format("%nStranded: %,d MiB free, but too little CPU for any task", c.strandedMemory));
        } else if (c.stranding == Stranding.MISMATCHED) {
            b.append(String.format("%nStranded: %,d CPU units and %,d MiB free, but no task's shape fits both",
                    c.strandedCpu, c.strandedMemory));
        }
        if (!c.portBlockedBy.isEmpty()) {
            b.append("\nPort taken: room for another ").append(c.portBlockedBy).append(" task, but its static port is in use");
        }
        return b.toString();
    }

    private String describe() {
        if (!layoutProblem.get().isEmpty()) {
            return layoutProblem.get();
        }
        RepackShown whatIf = repack.get();
        if (whatIf != null) {
            HostModel shown = whatIf.side(side.get());
            long freed = shown.cells().stream().filter(HostCell::freedByRepack).count();
            long hosts = shown.cells().size() - freed;
            return String.format("Showing %s: %,d host%s%s · %,d tasks", side.get() == RepackShown.Side.TODAY
                    ? "cluster " + whatIf.cluster() + " as it runs today" : "the repacked cluster " + whatIf.cluster(),
                    hosts, hosts == 1 ? "" : "s", freed == 0 ? "" : String.format(" (and %,d of today's left empty)",
                            freed), shown.taskCount());
        }
        HostModel m = model.get();
        if (m == null) {
            return switch (fleet.stateProperty().get()) {
                case NO_SESSION -> "Choose an environment above to see its hosts (in the bar, Ctrl+1, Ctrl+2, … enter them);"
                    + " with none there yet, Environments… (Ctrl+,) adds them.";
                case LOADING -> "Loading hosts and tasks…";
                case FAILED -> "The fleet could not be loaded. Press F5 to try again.";
                case LOADED -> "Laying out the hosts…";
            };
        }
        long stranded = m.cells().stream().filter(c -> c.stranding != Stranding.NONE).count();
        long blocked = m.cells().stream().filter(c -> !c.portBlockedBy.isEmpty()).count();
        PlacementDraft.View placed = loadingTasks.get();
        String tasks = placed == null ? String.format("%,d tasks", m.taskCount()) : placed.progress();
        return String.format("%,d hosts · %s · %,d with stranded capacity · %,d port-blocked", m.cells().size(), tasks,
                stranded, blocked);
    }

    /** The service picked for highlighting, as a choice; null when none. */
    public ServiceChoice highlightedChoice() {
        String arn = highlighted.get();
        return arn == null ? null : services.stream().filter(s -> s.arn().equals(arn)).findFirst().orElse(null);
    }

    public FleetViewModel fleet() {
        return fleet;
    }

    public ObjectProperty<HostLayout.Grouping> groupingProperty() {
        return grouping;
    }

    public ObjectProperty<HostLayout.Order> orderProperty() {
        return order;
    }

    /** Columns of cards; the view sets it from its width. */
    public IntegerProperty columnsProperty() {
        return columns;
    }

    /** True while the Hosts page shows. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** "Show measured use": each host's measured CPU and memory drawn over what is reserved on it. */
    public BooleanProperty showMeasuredProperty() {
        return showMeasured;
    }

    /**
     * What the operator should know about measured use beyond the bands: why there are none (the read failed, or
     * CloudWatch has no readings) or that some hosts have none; empty when there is nothing to say.
     */
    public ReadOnlyStringProperty measuredNoteProperty() {
        return measuredNote.getReadOnlyProperty();
    }

    /** Measured use per host ARN; empty when off, hidden or not read yet. */
    public ReadOnlyObjectProperty<Map<String, MeasuredUse.Use>> measuredProperty() {
        return measured.getReadOnlyProperty();
    }

    /** While a full load runs: how far its tasks have got (the hosts drawn have only those); null once all are in. */
    public ReadOnlyObjectProperty<PlacementDraft.View> loadingTasksProperty() {
        return loadingTasks.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HostModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HostLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /** The highlighted service's ARN; null when none. */
    public ObjectProperty<String> highlightedProperty() {
        return highlighted;
    }

    /** The hosts that run the highlighted service's tasks, by ARN; empty when none is highlighted. */
    public ReadOnlyObjectProperty<Set<String>> highlightedHostsProperty() {
        return highlightedHosts.getReadOnlyProperty();
    }

    /** The same hosts as layout indices, for drawing; null when nothing is highlighted. */
    public ReadOnlyObjectProperty<BitSet> highlightedCellsProperty() {
        return highlightedCells.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CentreRequest> centreProperty() {
        return centre.getReadOnlyProperty();
    }

    public ObservableList<ServiceChoice> services() {
        return services;
    }

    public StringBinding summaryProperty() {
        return summary;
    }
}
