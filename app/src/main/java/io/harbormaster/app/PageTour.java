package io.harbormaster.app;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.fleet.Destination;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.page.Page;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.shell.ShellViewModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;

/**
 * {@code --smoke=tour}: the running console shows every page the shell has, in every environment the bar offers, through
 * the shell's own navigation: each environment entered (its MFA prompt answered with the sandbox's practice code,
 * {@link PracticeMfa}), each page brought to front and waited on until it shows current data, the fleet's first
 * cluster, service and host opened on the page that shows them, every tab of the page shown, and once the side-by-side
 * half. A packaging check that every page works in the installed runtime (a module jlink left out fails here, naming
 * the page; .ci/run tours the installed launcher). It runs on a thread of its own and waits on the UI thread's state,
 * never blocking it.
 */
public final class PageTour {

    private static final System.Logger LOG = System.getLogger(PageTour.class.getName());
    private static final ThreadMXBean UI_CPU = ManagementFactory.getThreadMXBean();
    /** How long a page just shown may take to show current data of its own before it is refreshed (F5). */
    private static final Duration FIRST_LOOK = Duration.ofSeconds(2);
    /** A tab or an opened destination shown this long: its first styling and layout, and the data it asks for. */
    static final Duration DWELL = Duration.ofMillis(500);

    private final ShellViewModel shell;
    private final Scene scene;
    private final List<String> environmentIds;
    private final Duration dwell;
    private final List<Visit> visits = Collections.synchronizedList(new ArrayList<>());
    private final FxFailures failures = new FxFailures();
    private volatile String where = "the start";
    private final TourWaits waits;

    /** One step of the tour: what was shown, from when ({@link System#nanoTime()}). */
    public record Visit(String environmentId, String pageId, long beganNanos) {
        @Override
        public String toString() {
            return environmentId + "/" + pageId;
        }
    }

    /** Why the tour stopped: the page (and environment) that did not open, and what was waited for. */
    public static final class TourFailure extends RuntimeException {
        TourFailure(String message) {
            super(message);
        }

        TourFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param shell          the window's shell: its pages, environment bar and side-by-side half
     * @param scene          the window's scene (its tabs, and where a page's view shows)
     * @param environmentIds the environments to visit, in this order; empty for every one the bar offers
     */
    public PageTour(ShellViewModel shell, Scene scene, List<String> environmentIds) {
        this(shell, scene, environmentIds, DWELL);
    }

    /** @param dwell how long each tab and each opened destination shows */
    public PageTour(ShellViewModel shell, Scene scene, List<String> environmentIds, Duration dwell) {
        this.shell = shell;
        this.scene = scene;
        this.environmentIds = List.copyOf(environmentIds);
        this.dwell = dwell;
        waits = new TourWaits(() -> where, () -> {
            PracticeMfa.answerShowing();
            PracticeMfa.failOnProblemShowing(scene.getWindow());
            failures.check(where);
        });
    }

    /** Starts the tour on a thread {@code start} gives; the result completes when it ends, exceptionally if it failed. */
    public CompletableFuture<List<Visit>> start(BiConsumer<String, Runnable> start) {
        CompletableFuture<List<Visit>> done = new CompletableFuture<>();
        start.accept("page-tour", () -> {
            long began = System.nanoTime();
            long processCpu = StartupTimes.cpuSoFar();
            try {
                long uiCpu = onUi(() -> {
                    failures.install();
                    return UI_CPU.getCurrentThreadCpuTime();
                });
                run();
                long uiCpuUsed = onUi(UI_CPU::getCurrentThreadCpuTime) - uiCpu;
                // what a first visit costs beyond the stalls: the UI thread's own CPU, and all the process used
                LOG.log(System.Logger.Level.INFO, "Tour: " + visits.size() + " visits in "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began) + " ms; CPU meanwhile: UI thread "
                        + TimeUnit.NANOSECONDS.toMillis(uiCpuUsed) + " ms, process "
                        + (StartupTimes.cpuSoFar() - processCpu) + " ms");
                done.complete(visits());
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e instanceof TourFailure ? e : new TourFailure(where + ": " + e, e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done.completeExceptionally(new TourFailure(where + ": interrupted", e));
            } finally {
                UiThread.runOnUi(failures::uninstall);
            }
        });
        return done;
    }

    /** Every visit so far, in order. */
    public List<Visit> visits() {
        synchronized (visits) {
            return List.copyOf(visits);
        }
    }

    private void run() throws InterruptedException {
        var bar = shell.environmentBar();
        await("the environment bar offers environments", () -> !bar.loadingProperty().get()
                && !bar.environments().isEmpty());
        List<Environment> environments = onUi(() -> environmentIds.isEmpty() ? List.copyOf(bar.environments())
                : environmentIds.stream().map(id -> bar.find(id).orElseThrow(() -> new TourFailure(
                        "the environment bar offers no " + id + " (it has " + bar.environments() + ")"))).toList());
        for (int i = 0; i < environments.size(); i++) {
            Environment environment = environments.get(i);
            enter(environment);
            for (PageContribution page : onUi(shell::contributions)) {
                visit(environment, page);
            }
            if (i == 0) {
                sideBySide(environment, environments.size() > 1 ? environments.get(1) : environment);
            }
        }
    }

    private void enter(Environment environment) throws InterruptedException {
        step(environment.id(), "entering");
        var bar = shell.environmentBar();
        waits.run(() -> {
            bar.enter(environment);
        });
        await(environment.id() + " entered", () -> {
            if (entered(environment)) {
                return true;
            }
            if (bar.enteringProperty().get() == null) {
                throw new TourFailure(environment.id() + " could not be entered (the console says why in its"
                        + " dialog and log)");
            }
            return false;
        });
        FleetViewModel fleet = shell.fleet();
        // A large fleet's first load takes minutes here: waited on while it moves (more rows shown, the status bar's
        // count of its tasks), not for a fixed time.
        String what = environment.id() + "'s fleet loaded";
        var status = shell.statusBar();
        if (!waits.whileMoving(TourWaits.WAIT, () -> fleet.stateProperty().get() == FleetViewModel.State.LOADED
                && fleet.data() != null && fleet.data().complete()
                && fleet.data().snapshot().environmentId().equals(environment.id()),
                () -> List.of(System.identityHashCode(fleet.data()), status.tasksProperty().get(),
                        status.taskProgressProperty().get()))) {
            throw new TourFailure(where + ": " + what + " did not move for " + TourWaits.WAIT.toSeconds() + " s");
        }
    }

    private boolean entered(Environment environment) {
        var session = shell.environmentBar().session();
        return session != null && session.environment().id().equals(environment.id())
                && shell.environmentBar().enteringProperty().get() == null;
    }

    /**
     * Brings the page to front and waits until its view shows and it shows current data; then opens what it shows
     * of the fleet and each of its tabs.
     */
    private void visit(Environment environment, PageContribution contribution) throws InterruptedException {
        String id = contribution.id();
        step(environment.id(), id);
        Page page = onUi(() -> shell.page(id));
        Node[] before = new Node[1];
        boolean inFront = onUi(() -> {
            before[0] = shownView();
            boolean was = id.equals(shell.pageProperty().get());
            shell.navigate(id);
            return was;
        });
        await("its view shows", () -> id.equals(shell.pageProperty().get())
                && (inFront || (shownView() != null && shownView() != before[0])));
        if (page.showsData() && !waits.within(FIRST_LOOK, () -> current(page, environment))) {
            // a page that reads on the operator's word (All envs' Load) is asked as an operator would: F5
            waits.run(() -> {
                shell.refresh();
            });
            await("it shows current data", () -> current(page, environment));
        }
        for (Destination destination : onUi(() -> destinations(shell.fleet().data()))) {
            if (onUi(() -> firstAccepting(destination) == page)) {
                waits.run(() -> {
                    shell.go(destination);
                });
                dwell();
            }
        }
        showEveryTab();
        failures.check(where);
    }

    /** What the page shows was read, is not marked stale, and, on a fleet page, is this environment's fleet. */
    private boolean current(Page page, Environment environment) {
        if (page.lastRefreshed().getValue() == null || !page.staleness().getValue().isEmpty()) {
            return false;
        }
        FleetData data = shell.fleet().data();
        return !page.usesFleet() || data != null && data.complete()
                && data.snapshot().environmentId().equals(environment.id());
    }

    private Page firstAccepting(Destination destination) {
        for (PageContribution contribution : shell.contributions()) {
            Page candidate = shell.page(contribution.id());
            if (candidate.accepts(destination)) {
                return candidate;
            }
        }
        return null;
    }

    /** The fleet's first cluster, service and host, as the links between pages send an operator to them. */
    static List<Destination> destinations(FleetData data) {
        if (data == null) {
            return List.of();
        }
        FleetSnapshot fleet = data.snapshot();
        List<Destination> found = new ArrayList<>();
        fleet.clusters().stream().findFirst().ifPresent(c -> found.add(new Destination.Cluster(c.arn())));
        fleet.services().stream().findFirst().ifPresent(s -> {
            found.add(new Destination.Service(s.arn()));
            found.add(new Destination.ServiceOnHosts(s.arn()));
            found.add(new Destination.CompareService(s.name()));
        });
        fleet.hosts().stream().findFirst().ifPresent(h -> found.add(new Destination.Host(h.arn())));
        return found;
    }

    /** Each tab of every tab pane showing now, in turn, then the first again (as the page was). */
    private void showEveryTab() throws InterruptedException {
        for (TabPane tabs : onUi(this::visibleTabPanes)) {
            int count = onUi(() -> tabs.getTabs().size());
            for (int i = 1; i < count; i++) {
                int index = i;
                waits.run(() -> {
                    tabs.getSelectionModel().select(index);
                });
                dwell();
            }
            waits.run(() -> {
                tabs.getSelectionModel().select(0);
            });
        }
    }

    private List<TabPane> visibleTabPanes() {
        return scene.getRoot().lookupAll(".tab-pane").stream().filter(TabPane.class::isInstance)
                .map(TabPane.class::cast).filter(PageTour::shown).toList();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The view in the window's content area that shows: the page in front, once attached (the others kept hidden). */
    private Node shownView() {
        Node content = scene.lookup("#content");
        if (!(content instanceof javafx.scene.Parent parent)) {
            return null;
        }
        return parent.getChildrenUnmodifiable().stream().filter(n -> n.isVisible() && !"palette".equals(n.getId()))
                .findFirst().orElse(null);
    }

    /** The side-by-side half opened beside the main window's environment, its Services page showing a fleet. */
    private void sideBySide(Environment main, Environment beside) throws InterruptedException {
        step(main.id(), "side-by-side:" + beside.id());
        var split = shell.sideBySide();
        waits.run(() -> {
            split.choose(beside);
            split.navigate(shell.contributions().get(0).id());
        });
        await("the second half shows " + beside.id() + "'s fleet", () -> split.fleet().data() != null
                && split.fleet().data().complete()
                && split.fleet().data().snapshot().environmentId().equals(beside.id()));
        dwell();
        waits.run(() -> {
            split.close();
        });
        failures.check(where);
    }

    private void step(String environmentId, String pageId) {
        Visit visit = new Visit(environmentId, pageId, System.nanoTime());
        visits.add(visit);
        where = visit.toString();
        LOG.log(System.Logger.Level.DEBUG, "Tour: " + where);
    }

    /**
     * Waits until {@code condition} (asked on the UI thread) holds, answering the sandbox's MFA prompts meanwhile;
     * fails naming where the tour is if it does not within {@link TourWaits#WAIT}, or if something failed on the UI
     * thread.
     */
    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        if (!waits.within(TourWaits.WAIT, condition)) {
            String front = onUi(() -> shell.pageProperty().get() + ", " + shownView());
            throw new TourFailure(where + ": " + what + " not within " + TourWaits.WAIT.toSeconds() + " s (in front: "
                    + front + ")");
        }
    }

    private void dwell() throws InterruptedException {
        Thread.sleep(dwell.toMillis());
    }

    private <T> T onUi(Supplier<T> work) throws InterruptedException {
        return waits.onUi(work);
    }
}
