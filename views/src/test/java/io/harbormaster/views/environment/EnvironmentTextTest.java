package io.harbormaster.views.environment;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.fakes.Fixtures;
import org.junit.jupiter.api.Test;

class EnvironmentTextTest {

    @Test
    void namesTheRoleAndAccount() {
        assertThat(EnvironmentText.accountAndRole(Fixtures.DEV)).isEqualTo("222222222222 · admin");
        assertThat(EnvironmentText.accountAndRole(Fixtures.env("x", "x", "", "#000000", false, 1)))
                .isEqualTo("account not yet known · profile x");
    }

    @Test
    void showsTheCallerAsTheArnResourceAtTheAccount() {
        assertThat(EnvironmentText.identity(Fixtures.session(Fixtures.DEV)))
                .isEqualTo("assumed-role/admin/alice @ 222222222222");
    }

    @Test
    void tintsAColourForBackgrounds() {
        assertThat(EnvironmentText.tint("#c62828", 0.16)).isEqualTo("rgba(198,40,40,0.16)");
    }
}
