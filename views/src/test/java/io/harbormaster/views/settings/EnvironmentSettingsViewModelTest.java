package io.harbormaster.views.settings;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.PROD;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentCandidate;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FakeRegistry;
import io.harbormaster.views.fakes.InMemoryEnvironmentFile;
import io.harbormaster.views.fakes.RecordingDialogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentSettingsViewModelTest {

    private final FakeRegistry registry = new FakeRegistry(DEV, STAGE, PROD);
    private final InMemoryEnvironmentFile files = new InMemoryEnvironmentFile();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<EnvironmentCandidate> detected = new ArrayList<>();
    private int changed;
    private final EnvironmentSettingsViewModel vm = new EnvironmentSettingsViewModel(registry, () -> detected,
            files, new CurrentThreadTaskExecutor(), dialogs, () -> changed++);

    @Test
    void editsAreValidatedWithTheEnvironmentRulesAndSaved() {
        vm.load();
        assertThat(vm.environments()).containsExactly(DEV, STAGE, PROD);
        vm.select(STAGE);
        EnvironmentEditor form = vm.editor();
        assertThat(form.regionsProperty().get()).isEqualTo("eu-west-1");

        form.accountIdProperty().set("3333");
        assertThat(form.accountErrorProperty().get()).startsWith("12 digits");
        form.colourProperty().set("orange");
        assertThat(form.colourErrorProperty().get()).startsWith("A colour as #RRGGBB");
        form.regionsProperty().set(" , ");
        assertThat(form.regionsErrorProperty().get()).startsWith("At least one region");
        form.displayNameProperty().set(" ");
        assertThat(form.displayNameErrorProperty().get()).isNotEmpty();
        assertThat(vm.canSaveProperty().get()).isFalse();

        form.accountIdProperty().set("333333333333");
        form.colourProperty().set("#b26a00");
        form.regionsProperty().set("eu-west-1, us-east-1");
        form.displayNameProperty().set("staging");
        form.readOnlyProperty().set(true);
        assertThat(vm.canSaveProperty().get()).isTrue();
        vm.save();

        Environment saved = registry.environments().stream().filter(e -> e.id().equals("stage")).findFirst()
                .orElseThrow();
        assertThat(saved.displayName()).isEqualTo("staging");
        assertThat(saved.colour()).isEqualTo("#B26A00");
        assertThat(saved.regions()).containsExactly("eu-west-1", "us-east-1");
        assertThat(saved.readOnly()).isTrue();
        assertThat(saved.order()).isEqualTo(STAGE.order());
        assertThat(changed).isEqualTo(1);
    }

    @Test
    void movingRenumbersTheOrder() {
        vm.load();
        vm.select(PROD);
        assertThat(vm.canMoveDownProperty().get()).isFalse();
        vm.moveUp();
        assertThat(vm.environments()).extracting(Environment::id).containsExactly("dev", "prod", "stage");
        assertThat(vm.selectedProperty().get().id()).isEqualTo("prod");
        assertThat(changed).isEqualTo(1);
    }

    @Test
    void removingAsksFirst() {
        vm.load();
        vm.select(DEV);
        dialogs.answer = false;
        vm.remove();
        assertThat(registry.environments()).hasSize(3);
        dialogs.answer = true;
        vm.remove();
        assertThat(registry.environments()).extracting(Environment::id).containsExactly("stage", "prod");
    }

    @Test
    void detectedProfilesAreOfferedNeverAddedSilently() {
        detected.add(candidate("dev", EnvironmentCandidate.Kind.ASSUMED_ROLE, Optional.empty()));
        detected.add(candidate("payments-prod", EnvironmentCandidate.Kind.ASSUMED_ROLE, Optional.empty()));
        detected.add(candidate("sso-sandbox", EnvironmentCandidate.Kind.SSO, Optional.empty()));
        detected.add(candidate("broken", EnvironmentCandidate.Kind.ASSUMED_ROLE,
                Optional.of("source_profile 'nope' does not exist")));
        vm.load();
        vm.detect();

        assertThat(vm.candidates()).extracting(r -> r.candidate().profileName())
                .containsExactly("payments-prod", "sso-sandbox", "broken"); // dev is already an environment
        assertThat(registry.environments()).hasSize(3);
        CandidateRow sso = vm.candidates().get(1);
        assertThat(sso.note()).isEqualTo("Signs in with IAM Identity Center in your browser when first entered");
        CandidateRow broken = vm.candidates().get(2);
        assertThat(broken.addable()).isFalse();
        assertThat(broken.note()).isEqualTo("Cannot be added: source_profile 'nope' does not exist");

        assertThat(vm.anyChosenProperty().get()).isFalse();
        broken.chosenProperty().set(true);
        assertThat(vm.anyChosenProperty().get()).isFalse();
        vm.candidates().get(0).chosenProperty().set(true);
        assertThat(vm.anyChosenProperty().get()).isTrue();
        vm.addSelected();

        Environment added = registry.environments().stream().filter(e -> e.id().equals("payments-prod"))
                .findFirst().orElseThrow();
        assertThat(added.loginProfile()).isEqualTo("ops");
        assertThat(added.accountId()).isEqualTo("999999999999");
        assertThat(added.production()).isTrue();
        assertThat(added.order()).isEqualTo(4);
        assertThat(registry.environments()).hasSize(4);
        assertThat(vm.candidates()).extracting(r -> r.candidate().profileName())
                .containsExactly("sso-sandbox", "broken");
    }

    @Test
    void identityCenterAccountsAreOfferedByNameAndOneWithoutAProfileCannotBeAdded() {
        detected.add(candidate("sso-payments-ro", EnvironmentCandidate.Kind.SSO, Optional.empty())
                .withAccountName("Payments Prod"));
        detected.add(new EnvironmentCandidate("ledger-ReadOnlyAccess", "", "ReadOnlyAccess", "777777777777",
                Optional.empty(), EnvironmentCandidate.Kind.SSO, Optional.empty(),
                Optional.of("No profile enters it yet."), "Ledger"));
        vm.load();
        vm.detect();

        CandidateRow named = vm.candidates().get(0);
        assertThat(named.title()).isEqualTo("sso-payments-ro — IAM Identity Center role AdministratorAccess"
                + " · account Payments Prod (999999999999) · eu-west-1");
        assertThat(named.addable()).isTrue();
        CandidateRow unprofiled = vm.candidates().get(1);
        assertThat(unprofiled.addable()).as("environments are entered by profile").isFalse();
        assertThat(unprofiled.note()).isEqualTo("Cannot be added: No profile enters it yet.");
        unprofiled.chosenProperty().set(true);
        named.chosenProperty().set(true);
        vm.addSelected();

        Environment added = registry.environments().stream().filter(e -> e.id().equals("sso-payments-ro"))
                .findFirst().orElseThrow();
        assertThat(added.displayName()).isEqualTo("Payments Prod · AdministratorAccess");
        assertThat(added.production()).as("its account's name says prod").isTrue();
        assertThat(registry.environments()).hasSize(4);
    }

    @Test
    void withNothingSelectedTheFormSaysNothingIsWrong() {
        EnvironmentSettingsViewModel empty = new EnvironmentSettingsViewModel(new FakeRegistry(), () -> detected,
                files, new CurrentThreadTaskExecutor(), dialogs, () -> changed++);
        empty.load();
        assertThat(empty.selectedProperty().get()).isNull();
        assertThat(empty.editor().displayNameErrorProperty().get()).isNotEmpty();
        assertThat(empty.formError(empty.editor().displayNameErrorProperty().get())).isEmpty();
        empty.startNew();
        assertThat(empty.formError(empty.editor().displayNameErrorProperty().get()))
                .isEqualTo("A display name is needed, e.g. prod");
    }

    @Test
    void anImportShowsWhatItAddsAndReplacesBeforeSaving() {
        Path shared = Path.of("team.json");
        Environment prodRenamed = EnvironmentBuilder.from(PROD).displayName("prod (payments)").build();
        Environment qa = io.harbormaster.views.fakes.Fixtures.env("qa", "qa", "666666666666", "#00838F", false, 4);
        files.files.put(shared, List.of(DEV, prodRenamed, qa));
        vm.load();
        dialogs.answer = false;
        vm.importFrom(shared);
        assertThat(registry.environments()).containsExactly(DEV, STAGE, PROD);

        dialogs.answer = true;
        vm.importFrom(shared);
        assertThat(registry.environments()).extracting(Environment::displayName)
                .containsExactly("dev", "stage", "prod (payments)", "qa");
        ImportPlan plan = ImportPlan.of(List.of(DEV, STAGE, PROD), List.of(DEV, prodRenamed, qa));
        assertThat(plan.describe()).isEqualTo("Adds:\n  + qa — profile qa, account 666666666666\n"
                + "Replaces (your version is overwritten):\n  ~ prod (payments) (PRODUCTION) — profile prod,"
                + " account 444444444444\n1 environment is already the same.");
    }

    @Test
    void aBadImportFileIsShownAndNothingChanges() {
        Path bad = Path.of("bad.json");
        files.broken(bad, new OperatorException(new Problem(Problem.Kind.INVALID_INPUT,
                "Environment file not imported", "bad.json (line 3, column 4): oops", "", "")));
        vm.load();
        vm.importFrom(bad);
        assertThat(dialogs.problems).extracting(Problem::message).containsExactly("bad.json (line 3, column 4): oops");
        assertThat(registry.environments()).hasSize(3);
    }

    @Test
    void exportWritesTheList() {
        vm.load();
        vm.exportTo(Path.of("out.json"));
        assertThat(files.files.get(Path.of("out.json"))).containsExactly(DEV, STAGE, PROD);
    }

    private static EnvironmentCandidate candidate(String profile, EnvironmentCandidate.Kind kind,
            Optional<String> problem) {
        return new EnvironmentCandidate(profile, kind == EnvironmentCandidate.Kind.SSO ? "" : "ops",
                kind == EnvironmentCandidate.Kind.SSO ? "AdministratorAccess" : "arn:aws:iam::999999999999:role/admin",
                "999999999999", Optional.of("eu-west-1"), kind, Optional.empty(), problem);
    }
}
