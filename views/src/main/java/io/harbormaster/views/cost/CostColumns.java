package io.harbormaster.views.cost;

import io.harbormaster.views.shared.Headings;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * The cost tables' columns: text, and right-aligned numbers formatted as the page says them; none narrower than its
 * heading (the tables flex their last column, which squeezes the others down to their minimum).
 */
final class CostColumns {

    /** A missing figure (NaN) sorts after every figure, whichever way. */
    static final Comparator<Double> NAN_LAST = (a, b) -> Double.isNaN(a) || Double.isNaN(b)
            ? Boolean.compare(Double.isNaN(a), Double.isNaN(b)) : Double.compare(a, b);

    private CostColumns() {
    }

    static <R> TableColumn<R, String> text(String name, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setMinWidth(Headings.width(name));
        return c;
    }

    static <R> TableColumn<R, Double> number(String name, ToDoubleFunction<R> value,
            Function<Double, String> format) {
        TableColumn<R, Double> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(d.getValue())));
        io.harbormaster.views.shared.TableCsv.textOf(c, r -> format.apply(value.applyAsDouble(r)));
        c.setMinWidth(Headings.width(name));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : format.apply(v));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        return c;
    }
}
