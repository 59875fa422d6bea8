package io.harbormaster.views.cost;

import io.harbormaster.model.cost.CostBreakdown;
import io.harbormaster.model.cost.CostLine;
import io.harbormaster.model.cost.CostRules;
import io.harbormaster.model.cost.FleetCost;
import io.harbormaster.model.cost.ListPriceRefresh;
import io.harbormaster.model.cost.ListPrices;
import io.harbormaster.model.cost.PriceBook;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.packing.PackingAnalysis;
import io.harbormaster.model.packing.PackingRules;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.fleet.FleetReads;
import io.harbormaster.views.fleet.HeldFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every environment's bill side by side: each environment is entered and its fleet read (as the All envs page
 * does, one {@link HeldFleet} each), costed off the UI thread with the same prices as the Cost page (the price
 * book's rate for the environment, else the cached list price), and shown as one row of the environments table;
 * each service is one row across them, by name (its namesakes, as Compare pairs them: environments often name
 * their clusters apart), with the clusters it runs in. Nothing is read until {@link #load()}; UI thread only.
 */
public final class EnvironmentsCostViewModel {

    private final ObservableList<Environment> defined;
    private final FleetReads reads;
    private final PriceBook book;
    private final ListPrices listPrices;
    private final Clock clock;
    private final Map<String, HeldFleet> held = new HashMap<>();
    private final Map<String, Costed> costed = new LinkedHashMap<>();
    private final Map<String, String> statusById = new LinkedHashMap<>();
    private final ObservableList<EnvironmentCost> environments = FXCollections.observableArrayList();
    private final ObservableList<ServiceAcross> services = FXCollections.observableArrayList();
    private final ObservableList<Environment> columns = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public EnvironmentsCostViewModel(ObservableList<Environment> environments, FleetReads reads, PriceBook book,
            ListPrices listPrices) {
        this.defined = Objects.requireNonNull(environments, "environments");
        this.reads = Objects.requireNonNull(reads, "reads");
        this.book = Objects.requireNonNull(book, "book");
        this.listPrices = Objects.requireNonNull(listPrices, "listPrices");
        this.clock = reads.clock();
    }

    /** Enters every environment defined and costs its fleet; each row fills in as its environment lands. */
    public void load() {
        LocalDate today = LocalDate.now(clock);
        columns.setAll(defined);
        costed.keySet().retainAll(defined.stream().map(Environment::id).toList());
        for (Environment e : defined) {
            HeldFleet fleet = held.computeIfAbsent(e.id(), id -> new HeldFleet(e, reads));
            statusById.put(e.id(), "costing…");
            fleet.load("Costing " + e.displayName(), HeldFleet.Listening.NONE,
                    (session, snapshot) -> cost(session, snapshot, today),
                    read -> {
                        costed.put(e.id(), read.derived());
                        statusById.put(e.id(), "as of " + fleet.time(read.snapshot().asOf()));
                        publish();
                    }, problem -> failed(e, problem));
        }
        publish();
    }

    /** Stops every read (the page went out of sight), keeping what is shown. */
    public void hidden() {
        held.values().forEach(HeldFleet::cancel);
    }

    private Costed cost(EnvironmentSession session, FleetSnapshot snapshot, LocalDate today) {
        ListPriceRefresh.refresh(snapshot, session, book, listPrices, today, CostViewModel.LIST_PRICE_MAX_AGE);
        CostBreakdown b = FleetCost.of(snapshot, PackingAnalysis.of(snapshot, PackingRules.DEFAULT),
                book.pricesIn(session.region()));
        Map<String, String> clusterNames = new HashMap<>();
        snapshot.clusters().forEach(c -> clusterNames.put(c.arn(), c.name()));
        Map<String, Double> byService = new LinkedHashMap<>();
        Map<String, Set<String>> clustersOf = new HashMap<>();
        for (CostLine line : b.lines()) {
            if (line.kind() == CostLine.Kind.SERVICE) {
                byService.merge(line.name(), line.usdPerMonth(), Double::sum);
                clustersOf.computeIfAbsent(line.name(), k -> new TreeSet<>())
                        .add(clusterNames.get(line.clusterArn()));
            }
        }
        int hosts = 0;
        for (Cluster c : snapshot.clusters()) {
            hosts += snapshot.hostsIn(c.arn()).size();
        }
        return new Costed(hosts, b.bill() * CostRules.HOURS_PER_MONTH, monthly(b, CostLine.Kind.SERVICE),
                monthly(b, CostLine.Kind.STANDALONE), monthly(b, CostLine.Kind.IDLE),
                monthly(b, CostLine.Kind.STRANDED), b.unpriced().size(), byService, clustersOf);
    }

    private static double monthly(CostBreakdown b, CostLine.Kind kind) {
        return b.totalOf(kind) * CostRules.HOURS_PER_MONTH;
    }

    /** What one environment's fleet came to (computed off the UI thread). */
    private record Costed(int hosts, double bill, double services, double standalone, double idle, double stranded,
            int unpriced, Map<String, Double> byService, Map<String, Set<String>> clustersOf) {
    }

    private void failed(Environment e, Problem problem) {
        costed.remove(e.id());
        statusById.put(e.id(), problem.title() + ": " + problem.message());
        message.set(e.displayName() + " could not be costed: " + problem.title());
        publish();
    }

    private void publish() {
        double all = costed.values().stream().mapToDouble(Costed::bill).sum();
        List<EnvironmentCost> rows = new ArrayList<>();
        Map<String, Map<String, Double>> across = new TreeMap<>();
        Map<String, Set<String>> clusters = new HashMap<>();
        for (Environment e : columns) {
            Costed c = costed.get(e.id());
            String status = statusById.getOrDefault(e.id(), "");
            if (c == null) {
                rows.add(new EnvironmentCost(e.id(), e.displayName(), 0, 0, 0, 0, 0, 0, 0, 0, status));
                continue;
            }
            rows.add(new EnvironmentCost(e.id(), e.displayName(), c.hosts(), c.bill(), c.services(), c.standalone(),
                    c.idle(), c.stranded(), c.unpriced(), all > 0 ? c.bill() / all : 0, status));
            c.byService().forEach((name, usd) -> across.computeIfAbsent(name, k -> new HashMap<>()).put(e.id(), usd));
            c.clustersOf().forEach((name, in) -> clusters.computeIfAbsent(name, k -> new TreeSet<>())
                    .addAll(in));
        }
        List<ServiceAcross> serviceRows = new ArrayList<>();
        across.forEach((name, byEnv) -> serviceRows.add(new ServiceAcross(String.join(", ", clusters.get(name)), name,
                byEnv)));
        environments.setAll(rows);
        services.setAll(serviceRows);
        if (costed.size() == columns.size() && !columns.isEmpty()) {
            message.set(String.format(Locale.ROOT, "%d environments, %s a month in all", columns.size(),
                    CostView.money(all)));
        }
    }

    /** The services across environments as CSV, in the order given: one column per environment, empty where absent. */
    public String csv(List<ServiceAcross> inOrder) {
        StringBuilder out = new StringBuilder("cluster,service");
        columns.forEach(e -> out.append(',').append(CostCsv.field("usd_per_month_" + e.displayName())));
        out.append("\r\n");
        for (ServiceAcross s : inOrder) {
            out.append(CostCsv.field(s.cluster())).append(',').append(CostCsv.field(s.service()));
            for (Environment e : columns) {
                double v = s.in(e.id());
                out.append(',').append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** Writes {@link #csv} to a file off the UI thread. */
    public void exportTo(Path file, List<ServiceAcross> inOrder) {
        String text = csv(inOrder);
        reads.executor().submit(BackgroundTask.run("Exporting the cost by environment",
                () -> Files.writeString(file, text)).onSuccess(v -> message.set(inOrder.size()
                        + " services exported to " + file)).onFailure(p -> message.set(p.title() + ": "
                                + p.message())));
    }

    public ObservableList<EnvironmentCost> environments() {
        return environments;
    }

    public ObservableList<ServiceAcross> services() {
        return services;
    }

    /** The environments as columns of the services table, in bar order. */
    public ObservableList<Environment> columns() {
        return columns;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
