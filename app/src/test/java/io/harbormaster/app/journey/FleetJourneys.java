package io.harbormaster.app.journey;

/** Steps the fleet journeys share. */
final class FleetJourneys {

    private FleetJourneys() {
    }

    /** Clicks prod and answers the MFA prompt with the code alice's device shows now. */
    static void enterProd(AppHarness harness) {
        harness.enter("sandbox-prod");
        answerMfa(harness);
        harness.waitUntil("prod is entered", () -> harness.app.window().viewModel().environmentBar().session() != null
                && harness.app.window().viewModel().environmentBar().session().environment().production());
    }

    static void answerMfa(AppHarness harness) {
        harness.waitUntil("the MFA prompt shows", () -> harness.exists("#mfa-code"));
        String code = harness.app.sandbox().orElseThrow().sandbox().currentTotpCode("alice");
        harness.robot.clickOn("#mfa-code").write(code);
        harness.robot.clickOn("#mfa-submit");
    }

    /** Types into the Services filter (as the text field's own text, so nothing is appended to what was there). */
    static void filter(AppHarness harness, String text) {
        javafx.scene.control.TextField field = harness.lookup("#services-filter");
        harness.robot.interact(() -> field.setText(text));
    }

    /** Filters the Services table down to one service and selects its row. */
    static void filterAndSelect(AppHarness harness, String service) {
        filter(harness, service);
        javafx.scene.control.TableView<io.harbormaster.views.shared.services.ServiceRow> table =
                harness.lookup("#services-table");
        harness.waitUntil("the filter leaves " + service, () -> table.getItems().size() >= 1
                && table.getItems().get(0).name().equals(service));
        harness.robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
    }
}
