package io.harbormaster.views.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

/** A style class given or taken away changes a node's list only when the answer changes (each change restyles). */
class HarbormasterStylesTest {

    @Test
    void aStyleClassIsAddedOnceAndRemovedOnceWhateverTheCalls() {
        Region node = new Region();
        AtomicInteger changes = new AtomicInteger();
        node.getStyleClass().addListener((ListChangeListener<String>) c -> changes.incrementAndGet());

        HarbormasterStyles.styleClass(node, "hm-attention", true);
        HarbormasterStyles.styleClass(node, "hm-attention", true);
        assertThat(node.getStyleClass()).containsOnlyOnce("hm-attention");
        assertThat(changes).as("the second call leaves the list alone").hasValue(1);

        HarbormasterStyles.styleClass(node, "hm-attention", false);
        HarbormasterStyles.styleClass(node, "hm-attention", false);
        assertThat(node.getStyleClass()).doesNotContain("hm-attention");
        assertThat(changes).hasValue(2);
    }
}
