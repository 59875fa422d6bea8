package io.harbormaster.views.shared;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Widths of texts already measured, by font and text, for the column widths and headings every table refresh asks
 * for again ({@link ColumnWidths}, {@link Headings}): they are mostly the values and headings of the refresh before
 * (names, ids, counts). A text layout is a dear part of a table's new rows on the UI thread (a side-by-side half
 * opened again: two of the three samples of its 44 ms of work in a soak), and a look-up is not. The last
 * {@value #PER_FONT} texts of each font are kept. Thread-safe (a text may be measured off the UI thread).
 */
public final class TextWidths {

    static final int PER_FONT = 4096;

    private static final Map<Font, Map<String, Double>> BY_FONT = new HashMap<>();
    private static Text text;

    private TextWidths() {
    }

    /** The width of {@code value} laid out in {@code font}, measured the first time it is asked for. */
    public static synchronized double of(Font font, String value) {
        Map<String, Double> widths = BY_FONT.computeIfAbsent(font, f -> new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
                return size() > PER_FONT;
            }
        });
        Double known = widths.get(value);
        if (known != null) {
            return known;
        }
        if (text == null) {
            text = new Text();
        }
        text.setFont(font);
        text.setText(value);
        double width = text.getLayoutBounds().getWidth();
        widths.put(value, width);
        return width;
    }

    /** Texts measured so far, every font, for tests. */
    static synchronized int measured() {
        return BY_FONT.values().stream().mapToInt(Map::size).sum();
    }
}
