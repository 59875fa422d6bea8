package io.harbormaster.views.shared;

import java.util.function.Supplier;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A table cell's tooltip, made the first time the pointer comes over the cell and kept for the items it shows after.
 * A tooltip is a popup window with a scene of its own: one made for every row as a table first fills was a tenth of
 * the UI thread's work in that frame (Services' first rows, each row's "Last event" date; JFR, 2026-12-06). Its text
 * is worked out when it is made, whenever the cell shows another item after, and each time the pointer comes over it
 * (whether a value is cut can change with the column's width).
 */
public final class CellTooltip {

    private final Control cell;
    private Supplier<String> text;
    private Tooltip tooltip;

    /** For {@code cell}; the cell calls {@link #show} from its {@code updateItem}. */
    public CellTooltip(Control cell) {
        this.cell = cell;
        cell.getProperties().put(CellTooltip.class, this);
        cell.addEventHandler(MouseEvent.MOUSE_ENTERED, event -> make());
    }

    /**
     * What {@code cell}'s tooltip says, or will say when the pointer comes over it; null for none. For a check that
     * a text cut short can be read whole.
     */
    public static String textOf(Control cell) {
        if (cell.getTooltip() != null) {
            return cell.getTooltip().getText();
        }
        return cell.getProperties().get(CellTooltip.class) instanceof CellTooltip lazy && lazy.text != null
                ? lazy.text.get() : null;
    }

    /**
     * What the tooltip says for the cell's item now; null for no tooltip (an empty cell). The supplier may answer
     * null too: no tooltip for now (a value shown whole); it is asked again each time the pointer comes over the cell.
     */
    public void show(Supplier<String> whatItSays) {
        text = whatItSays;
        if (tooltip == null) {
            return;
        }
        String says = whatItSays == null ? null : whatItSays.get();
        if (says == null) {
            cell.setTooltip(null);
        } else {
            tooltip.setText(says);
            cell.setTooltip(tooltip);
        }
    }

    /** The tooltip, once made; null before the pointer first came over a cell with something to say. */
    Tooltip tooltip() {
        return tooltip;
    }

    private void make() {
        String says = text == null ? null : text.get();
        if (says == null) {
            if (tooltip != null) {
                cell.setTooltip(null);
            }
            return;
        }
        if (tooltip == null) {
            tooltip = new Tooltip(says);
        } else {
            tooltip.setText(says);
        }
        cell.setTooltip(tooltip);
    }
}
