package io.harbormaster.views.shared.deploy;

import io.harbormaster.views.guard.GuardedButton;
import io.harbormaster.views.guard.WriteGuard;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * "Deploy…" wherever a deploy starts (Services header, Deploys page): disabled with the reason in its holder's
 * tooltip (JavaFX shows none on a disabled control) while the environment takes no writes or nothing is chosen.
 */
public final class DeployButton {

    public static final String TOOLTIP = "Roll out a new image or revision to the selected service(s), step by step";

    private DeployButton() {
    }

    /**
     * @param id          the button's id; its holder's is {@code id + "-holder"}
     * @param permission  the write guard's verdict for the page's environment
     * @param choiceProblem why nothing can be deployed from the selection; empty when something can
     */
    public static Region create(String id, WriteGuard.Permission permission, ObservableStringValue choiceProblem,
                                Runnable open) {
        return GuardedButton.create(id, "Deploy…", Material2AL.CLOUD_UPLOAD, TOOLTIP, permission, choiceProblem,
                open);
    }
}
