package io.harbormaster.views.page;

import io.harbormaster.views.actions.ActionSpec;

/** A page not built yet: no data, nothing to refresh, and a view that says what it will show. */
final class PlaceholderPage implements Page {

    private final String id;
    private final ActionSpec action;
    private final String comingSoon;

    PlaceholderPage(String id, ActionSpec action, String comingSoon) {
        this.id = id;
        this.action = action;
        this.comingSoon = comingSoon;
    }

    @Override
    public PageView createView() {
        return PageView.of(new PlaceholderView(id, action, comingSoon));
    }

    @Override
    public boolean showsData() {
        return false;
    }
}
