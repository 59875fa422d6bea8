package io.harbormaster.views.page;

import io.harbormaster.views.actions.Action;
import io.harbormaster.views.actions.ActionSpec;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.kordamp.ikonli.Ikon;

/**
 * A page a feature adds to the console: its id, its entry in the sidebar (title, icon, shortcut, tooltip) and how
 * to build it. The app lists every contribution once, in sidebar order ({@code io.harbormaster.app.Pages}); the
 * shell builds its sidebar, View menu, shortcuts, Ctrl+F, F5 and links between pages from that list and knows no
 * page by name. Adding a page is one feature package and one line in that list.
 *
 * <p>A feature package holds its view, its view-model and a small {@link Page} that joins them for the shell:
 * <pre>{@code
 * public final class HostsPage extends FleetPage {      // a page of the fleet: loaded while shown, its "as of"
 *     public static final String ID = "hosts";
 *
 *     // What the app calls: the page's ports are given here and closed over, never handed through the shell.
 *     public static PageContribution contribution(MetricsDependencies metrics) {
 *         return PageContribution.of(ID, "Hosts", Material2AL.DNS, "Shortcut+Shift+H",
 *                 "Container instances and how tasks are packed", context -> new HostsPage(context, metrics));
 *     }
 *
 *     private final HostsViewModel viewModel;
 *
 *     private HostsPage(PageContext context, MetricsDependencies metrics) {   // built when the window opens
 *         super(context);
 *         viewModel = new HostsViewModel(fleet(), context.executor());
 *         viewModel.activeProperty().bind(context.shown());                   // nothing polls while hidden
 *     }
 *
 *     public PageView createView() {                                           // built the first time it shows
 *         return PageView.of(new HostsView(viewModel));
 *     }
 *
 *     public boolean accepts(Destination d) { return d instanceof Destination.Host; }
 *     public void open(Destination d) { viewModel.centreOn(((Destination.Host) d).hostArn()); }
 * }
 * }</pre>
 * and the app registers it with {@code HostsPage.contribution(metrics, stopTask)}. A page not built yet is registered with
 * {@link #placeholder}.
 *
 * @param id     short and stable: the sidebar button is {@code nav-<id>}, its menu item {@code menu-nav-<id>}
 * @param action the sidebar entry: its title, icon, shortcut and description
 * @param build  builds the page for one window (once per window, when it opens)
 */
public record PageContribution(String id, ActionSpec action, Function<PageContext, Page> build) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

    public PageContribution {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a page id is lower-case letters, digits and dashes, was '" + id + "'");
        }
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(build, "build");
    }

    /**
     * @param shortcut a key combination in text, e.g. "Shortcut+Shift+H" (Shortcut is Ctrl, or Cmd on macOS)
     */
    public static PageContribution of(String id, String title, Ikon icon, String shortcut, String description,
            Function<PageContext, Page> build) {
        return new PageContribution(id, Action.of("nav-" + id, title, icon, shortcut, description), build);
    }

    /** A page announced but not built: its place in the sidebar, and an honest word on what it will show. */
    public static PageContribution placeholder(String id, String title, Ikon icon, String shortcut,
            String description, String comingSoon) {
        Objects.requireNonNull(comingSoon, "comingSoon");
        Action action = Action.of("nav-" + id, title, icon, shortcut, description);
        return new PageContribution(id, action, context -> new PlaceholderPage(id, action, comingSoon));
    }

    public String title() {
        return action.text();
    }
}
