package io.harbormaster.views.dialog;

import io.harbormaster.model.error.Problem;

/**
 * The one way view-models talk to the operator outside their view. Injected, so view-model tests use a fake.
 */
public interface DialogService {

    /** Shows a problem with its details copyable. Never blocks the caller; safe from any thread. */
    void showProblem(Problem problem);

    /** Shows a plain message. Never blocks the caller; safe from any thread. */
    void showInfo(String title, String message);

    /**
     * Asks a yes/no question and waits for the answer.
     *
     * @param confirmLabel what the confirming button says ("Enter prod"), never just "OK"
     * @return true only if the operator confirmed
     */
    boolean confirm(String title, String message, String confirmLabel);
}
