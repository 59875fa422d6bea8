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
    void namesAnIdentityCenterRoleByItsPermissionSet() {
        assertThat(EnvironmentText.ssoRoleShortened("assumed-role/AWSReservedSSO_ReadOnlyAccess_0a1b2c3d4e5f6a7b/alice"))
                .isEqualTo("assumed-role/ReadOnlyAccess (SSO)/alice");
        assertThat(EnvironmentText.ssoRoleShortened("assumed-role/AWSReservedSSO_Billing_Admin_0a1b2c3d4e5f6a7b/bob"))
                .as("a set's name with underscores").isEqualTo("assumed-role/Billing_Admin (SSO)/bob");
        assertThat(EnvironmentText.ssoRoleShortened("assumed-role/AWSReservedSSO_PowerUser_0A1B2C3D4E5F/carol"))
                .as("a suffix of another length: not documented, so not assumed").isEqualTo(
                        "assumed-role/PowerUser (SSO)/carol");
        assertThat(EnvironmentText.ssoRoleShortened("assumed-role/AWSReservedSSO_NoSuffix/alice"))
                .as("not IAM Identity Center's pattern: as it is").isEqualTo("assumed-role/AWSReservedSSO_NoSuffix/alice");
        assertThat(EnvironmentText.ssoRoleShortened("user/AWSReservedSSO_X_0a1b2c3d4e5f6a7b/alice"))
                .as("only assumed roles").startsWith("user/AWSReservedSSO_");
    }

    @Test
    void tintsAColourForBackgrounds() {
        assertThat(EnvironmentText.tint("#c62828", 0.16)).isEqualTo("rgba(198,40,40,0.16)");
    }
}
