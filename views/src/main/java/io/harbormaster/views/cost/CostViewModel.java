package io.harbormaster.views.cost;

import io.harbormaster.model.cost.CostBreakdown;
import io.harbormaster.model.cost.CostLine;
import io.harbormaster.model.cost.CostRules;
import io.harbormaster.model.cost.FleetCost;
import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.cost.HostPrices;
import io.harbormaster.model.cost.ListPriceRefresh;
import io.harbormaster.model.cost.ListPrices;
import io.harbormaster.model.cost.PriceBook;
import io.harbormaster.model.cost.ServiceRequestCounts;
import io.harbormaster.model.cost.ServiceRequests;
import io.harbormaster.model.cost.repack.PortMode;
import io.harbormaster.model.cost.repack.RepackResult;
import io.harbormaster.model.cost.repack.RepackWhatIf;
import io.harbormaster.model.cost.repack.TargetType;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.fleet.FleetData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Cost page's state: what each service and cluster of the current environment's fleet costs a month, the prices
 * used, operators' effective rates, and a repacking what-if for one cluster. Every computation (and every price
 * book read or write, and the list price fetch) runs through the {@link TaskExecutor}; only the latest counts.
 */
public final class CostViewModel {

    /** List prices change rarely: one cached within this age is reused rather than asked again. */
    static final Period LIST_PRICE_MAX_AGE = Period.ofDays(7);

    private final PriceBook book;
    private final ListPrices listPrices;
    private final ServiceRequestCounts requestCounts;
    private final Clock clock;
    private final TaskExecutor executor;
    private final LatestWins costs;
    private final LatestWins repacks;
    private final LatestWins requestReads;
    private final ObservableList<CostRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ClusterCost> clusters = FXCollections.observableArrayList();
    private final ObservableList<PriceUsed> prices = FXCollections.observableArrayList();
    private final ObservableList<String> instanceTypes = FXCollections.observableArrayList();
    private final ObservableList<String> clusterNames = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CostBreakdown> breakdown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RepackResult> repack = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper requestsNote = new ReadOnlyStringWrapper("");
    /** How far the fleet's load has got while the page waits for every task; empty when it does not wait. */
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<PortMode> portMode = new SimpleObjectProperty<>(PortMode.DYNAMIC);
    private FleetData data;
    private EnvironmentSession session;
    private Map<String, int[]> shapes = Map.of();
    private Costed lastCosted;
    /** The last request counts read for the fleet shown; null until they land. */
    private ServiceRequests requests;

    /** @param requestCounts each load-balanced service's requests, for the cost per 1,000 requests */
    public CostViewModel(PriceBook book, ListPrices listPrices, ServiceRequestCounts requestCounts,
            TaskExecutor executor, Clock clock) {
        this.book = Objects.requireNonNull(book, "book");
        this.listPrices = Objects.requireNonNull(listPrices, "listPrices");
        this.requestCounts = Objects.requireNonNull(requestCounts, "requestCounts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.costs = new LatestWins(executor);
        this.repacks = new LatestWins(executor);
        this.requestReads = new LatestWins(executor);
    }

    /** A fleet to cost (null for none): its list prices are refreshed when missing or old, then it is costed. */
    public void show(FleetData fleet, EnvironmentSession in) {
        if (fleet == null || in == null || !fleet.complete()) {
            data = null;
            session = null;
            costs.cancel();
            repacks.cancel();
            requestReads.cancel();
            clear();
            return;
        }
        boolean sameEnvironment = data != null && data.snapshot().environmentId()
                .equals(fleet.snapshot().environmentId());
        data = fleet;
        session = in;
        if (!sameEnvironment) {
            repacks.cancel();
            repack.set(null);
            requests = null;
        }
        compute(true, () -> { });
        readRequests(fleet.snapshot(), in);
    }

    /** Counts each load-balanced service's requests (CloudWatch, off the UI thread); the table follows. */
    private void readRequests(FleetSnapshot snapshot, EnvironmentSession in) {
        java.time.Instant now = clock.instant();
        requestsNote.set("Counting requests (ALB RequestCount, last 24 h)…");
        requestReads.submit(BackgroundTask.of("Counting requests", () -> requestCounts.read(in, snapshot, now))
                .onSuccess(r -> {
                    requests = r;
                    requestsNote.set(String.format(java.util.Locale.ROOT, "Per 1,000 requests: ALB RequestCount of"
                            + " each service's target groups, %s to %s UTC (%.0f h), %d services counted",
                            HOUR_MINUTE.format(r.start()), HOUR_MINUTE.format(r.end()), r.hours(),
                            r.requestsByService().size()));
                    if (lastCosted != null) {
                        publish(lastCosted);
                    }
                }).onFailure(p -> requestsNote.set("Requests could not be counted: " + p.title() + ": "
                        + p.message())));
    }

    /** Sets the operator's effective rate for an instance type in this environment; the figures follow. */
    public void setRate(String instanceType, double usdPerHour) {
        HostPrice.effectiveRate(usdPerHour);
        String environment = environmentId();
        compute(false, () -> book.setEffectiveRate(environment, instanceType, usdPerHour));
    }

    /** Removes this environment's effective rate for an instance type: back to the list price. */
    public void clearRate(String instanceType) {
        String environment = environmentId();
        compute(false, () -> book.clearEffectiveRate(environment, instanceType));
    }

    /** Packs a cluster's tasks again onto a type of the fleet (nothing changes in AWS). */
    public void repack(String clusterName, String targetType) {
        FleetData fleet = data;
        int[] shape = shapes.get(targetType);
        if (fleet == null || shape == null) {
            return;
        }
        String clusterArn = fleet.snapshot().clusters().stream().filter(c -> c.name().equals(clusterName))
                .map(Cluster::arn).findFirst().orElse(null);
        if (clusterArn == null) {
            return;
        }
        PortMode mode = portMode.get();
        HostPrices hostPrices = book.pricesIn(session.region());
        String environment = environmentId();
        repacks.submit(BackgroundTask.of("Repacking what-if", () -> {
            HostPrice price = hostPrices.priceOf(environment, targetType).orElseThrow(
                    () -> new IllegalStateException("no price is known for " + targetType));
            return RepackWhatIf.of(fleet.snapshot(), clusterArn, hostPrices,
                    new TargetType(targetType, shape[0], shape[1], price), mode);
        }).onSuccess(repack::set).onFailure(this::failed));
    }

    /** The cost table as CSV, in the order given (the table's sort). */
    public String csv(List<CostRow> inOrder) {
        return CostCsv.of(inOrder);
    }

    /** Writes the CSV to a file off the UI thread; the message says where it went or what went wrong. */
    public void exportTo(Path file, List<CostRow> inOrder) {
        String text = csv(inOrder);
        executor.submit(BackgroundTask.run("Exporting the cost table", () -> Files.writeString(file, text))
                .onSuccess(v -> message.set(inOrder.size() + " lines exported to " + file)).onFailure(this::failed));
    }

    private void compute(boolean refreshListPrices, Runnable first) {
        FleetData fleet = data;
        EnvironmentSession in = session;
        if (fleet == null) {
            return;
        }
        busy.set(true);
        LocalDate today = LocalDate.now(clock);
        costs.submit(BackgroundTask.of("Costing the fleet", () -> {
            first.run();
            List<String> unlisted = refreshListPrices
                    ? ListPriceRefresh.refresh(fleet.snapshot(), in, book, listPrices, today, LIST_PRICE_MAX_AGE)
                    : List.of();
            CostBreakdown b = FleetCost.of(fleet.snapshot(), fleet.packing(), book.pricesIn(in.region()));
            return new Costed(b, unlisted, shapesOf(fleet.snapshot()));
        }).onSuccess(this::showCosts).onFailure(this::failed));
    }

    private record Costed(CostBreakdown breakdown, List<String> unlisted, Map<String, int[]> shapes) {
    }

    private static final java.time.format.DateTimeFormatter HOUR_MINUTE = java.time.format.DateTimeFormatter
            .ofPattern("MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);

    private void showCosts(Costed c) {
        busy.set(false);
        publish(c);
        CostBreakdown b = c.breakdown();
        message.set(c.unlisted().isEmpty() && b.unpriced().isEmpty() ? ""
                : b.unpriced().size() + " hosts are left out of the bill: the price list has no product for "
                        + String.join(", ", new TreeMap<>(invert(b.unpriced())).keySet()));
    }

    /** Fills the tables from a costing (again when request counts land: the message stays the operator's). */
    private void publish(Costed c) {
        lastCosted = c;
        ServiceRequests counted = requests;
        FleetSnapshot snapshot = data.snapshot();
        CostBreakdown b = c.breakdown();
        List<CostRow> newRows = new ArrayList<>();
        List<ClusterCost> newClusters = new ArrayList<>();
        Map<String, Integer> unpricedPerCluster = new TreeMap<>();
        b.unpriced().keySet().forEach(h -> snapshot.host(h)
                .ifPresent(host -> unpricedPerCluster.merge(host.clusterArn(), 1, Integer::sum)));
        for (Cluster cluster : snapshot.clusters()) {
            double bill = b.billOf(cluster.arn());
            double idle = 0;
            double stranded = 0;
            for (CostLine line : b.linesOf(cluster.arn())) {
                double perThousand = counted != null && line.kind() == CostLine.Kind.SERVICE
                        ? counted.usdPerThousand(line.key(), line.usdPerHour()) : Double.NaN;
                newRows.add(new CostRow(cluster.name(), line.name(), line.kind(), line.tasks(), line.usdPerMonth(),
                        bill > 0 ? line.usdPerHour() / bill : 0, perThousand));
                idle += line.kind() == CostLine.Kind.IDLE ? line.usdPerMonth() : 0;
                stranded += line.kind() == CostLine.Kind.STRANDED ? line.usdPerMonth() : 0;
            }
            int hosts = snapshot.hostsIn(cluster.arn()).size();
            if (hosts > 0) {
                newClusters.add(new ClusterCost(cluster.arn(), cluster.name(), hosts,
                        bill * CostRules.HOURS_PER_MONTH, idle, stranded,
                        unpricedPerCluster.getOrDefault(cluster.arn(), 0)));
            }
        }
        List<PriceUsed> used = new ArrayList<>();
        new TreeMap<>(b.prices()).forEach((type, p) -> used.add(new PriceUsed(type, p.usdPerHour(), p.describe())));
        rows.setAll(newRows);
        clusters.setAll(newClusters);
        prices.setAll(used);
        shapes = c.shapes();
        // replacing equal items would clear the choice boxes showing them
        List<String> types = List.copyOf(new TreeMap<>(c.shapes()).keySet());
        if (!types.equals(instanceTypes)) {
            instanceTypes.setAll(types);
        }
        List<String> names = newClusters.stream().map(ClusterCost::name).toList();
        if (!names.equals(clusterNames)) {
            clusterNames.setAll(names);
        }
        breakdown.set(b);
    }

    private static Map<String, String> invert(Map<String, String> m) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(v, k));
        return out;
    }

    /** Each instance type of the fleet and what ECS registers of it (the largest seen): CPU units, MiB. */
    private static Map<String, int[]> shapesOf(FleetSnapshot snapshot) {
        Map<String, int[]> out = new TreeMap<>();
        for (Host h : snapshot.hosts()) {
            if (h.instanceType().isEmpty() || h.registeredCpu() <= 0 || h.registeredMemory() <= 0) {
                continue;
            }
            int[] s = out.computeIfAbsent(h.instanceType(), t -> new int[2]);
            s[0] = Math.max(s[0], h.registeredCpu());
            s[1] = Math.max(s[1], h.registeredMemory());
        }
        return out;
    }

    private void failed(Problem problem) {
        busy.set(false);
        message.set(problem.title() + ": " + problem.message());
    }

    private void clear() {
        busy.set(false);
        lastCosted = null;
        requests = null;
        requestsNote.set("");
        rows.clear();
        clusters.clear();
        prices.clear();
        instanceTypes.clear();
        clusterNames.clear();
        breakdown.set(null);
        repack.set(null);
        message.set("");
    }

    private String environmentId() {
        if (data == null) {
            throw new IllegalStateException("no fleet is shown");
        }
        return data.snapshot().environmentId();
    }

    public ObservableList<CostRow> rows() {
        return rows;
    }

    public ObservableList<ClusterCost> clusters() {
        return clusters;
    }

    public ObservableList<PriceUsed> prices() {
        return prices;
    }

    /** The clusters with hosts, by name, for the what-if (changed only when the set of clusters changes). */
    public ObservableList<String> clusterNames() {
        return clusterNames;
    }

    public ObservableList<String> instanceTypes() {
        return instanceTypes;
    }

    public ReadOnlyObjectProperty<CostBreakdown> breakdownProperty() {
        return breakdown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RepackResult> repackProperty() {
        return repack.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** While the fleet loads: how far it has got (a cost needs every task); empty otherwise. */
    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** How far the fleet's load has got ({@code FleetViewModel#loadProgress}), empty when none runs. */
    public void waitingFor(String progress) {
        waiting.set(progress == null ? "" : progress);
    }

    /** Where the cost per 1,000 requests comes from and over which hours, or why it could not be counted. */
    public ReadOnlyStringProperty requestsNoteProperty() {
        return requestsNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObjectProperty<PortMode> portModeProperty() {
        return portMode;
    }
}
