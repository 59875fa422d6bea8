package io.harbormaster.views.shared;

import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.scene.control.TableCell;

/** A status such as a cluster's: ACTIVE is the normal case and reads quietly; anything else stands out. */
public final class StatusCell<S> extends TableCell<S, String> {

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        boolean shown = !empty && item != null;
        pseudoClassStateChanged(HarbormasterStyles.STATUS_ACTIVE, shown && "ACTIVE".equals(item));
        pseudoClassStateChanged(HarbormasterStyles.STATUS_OTHER, shown && !"ACTIVE".equals(item));
        setText(shown ? item : null);
    }
}
