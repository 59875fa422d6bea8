package io.harbormaster.views.cost;

import io.harbormaster.model.cost.ListPrices;
import io.harbormaster.model.cost.PriceBook;
import io.harbormaster.views.page.FleetPage;
import io.harbormaster.views.page.PageContext;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.page.PageView;
import javafx.beans.InvalidationListener;
import org.kordamp.ikonli.material2.Material2AL;

/** The Cost page: what each service and cluster of the fleet costs a month, and what repacking would save. */
public final class CostPage extends FleetPage {

    public static final String ID = "cost";

    private final CostViewModel viewModel;

    private CostPage(PageContext context, PriceBook book, ListPrices listPrices) {
        super(context);
        this.viewModel = new CostViewModel(book, listPrices, context.executor(), context.clock());
        InvalidationListener update = o -> {
            if (context.shown().get()) {
                viewModel.show(fleet().data(), context.session().getValue());
            }
        };
        fleet().dataProperty().addListener(update);
        context.session().addListener(update);
        context.shown().addListener(update);
    }

    /**
     * @param book       cached list prices and the operators' effective rates
     * @param listPrices AWS's price list, asked for a type not cached or cached too long ago
     */
    public static PageContribution contribution(PriceBook book, ListPrices listPrices) {
        return PageContribution.of(ID, "Cost", Material2AL.ATTACH_MONEY, "Shortcut+Shift+E",
                "What each service costs, what is idle or stranded, and what repacking would save",
                context -> new CostPage(context, book, listPrices));
    }

    @Override
    public PageView createView() {
        return PageView.of(new CostView(viewModel));
    }

    @Override
    public void environmentSwitched() {
        viewModel.show(null, null);
    }

    PageContext context() {
        return context;
    }

    public CostViewModel viewModel() {
        return viewModel;
    }
}
