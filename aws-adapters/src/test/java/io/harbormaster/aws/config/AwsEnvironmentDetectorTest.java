package io.harbormaster.aws.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.EnvironmentCandidate;
import io.harbormaster.model.environment.EnvironmentCandidate.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsEnvironmentDetectorTest {

    @TempDir
    Path dir;

    @Test
    void offersRoleCredentialSourceAndSsoProfilesWithTheirProblems() throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, """
                [profile ops]
                region = us-east-1
                [profile prod]
                role_arn = arn:aws:iam::444444444444:role/admin
                source_profile = ops
                mfa_serial = arn:aws:iam::111111111111:mfa/alice
                region = eu-west-1
                [profile ci]
                role_arn = arn:aws:iam::333333333333:role/deployer
                credential_source = Environment
                [profile sso-dev]
                sso_session = corp
                sso_account_id = 222222222222
                sso_role_name = Developer
                [profile sso-legacy]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                sso_account_id = 333333333333
                sso_role_name = ReadOnly
                [profile sso-half]
                sso_session = nowhere
                sso_account_id = 333333333333
                sso_role_name = ReadOnly
                [profile broken]
                role_arn = arn:aws:iam::555555555555:role/admin
                source_profile = nobody
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                """);
        AwsConfigFiles files = new AwsConfigFiles(config, dir.resolve("credentials"));
        List<EnvironmentCandidate> found = new AwsEnvironmentDetector(() -> AwsProfiles.load(files)).detect();
        Map<String, EnvironmentCandidate> byName = found.stream()
                .collect(Collectors.toMap(EnvironmentCandidate::profileName, Function.identity()));

        assertThat(byName).containsOnlyKeys("prod", "ci", "sso-dev", "sso-legacy", "sso-half", "broken");
        EnvironmentCandidate prod = byName.get("prod");
        assertThat(prod.kind()).isEqualTo(Kind.ASSUMED_ROLE);
        assertThat(prod.loginProfile()).isEqualTo("ops");
        assertThat(prod.accountId()).isEqualTo("444444444444");
        assertThat(prod.region()).contains("eu-west-1");
        assertThat(prod.mfaSerial()).contains("arn:aws:iam::111111111111:mfa/alice");
        assertThat(prod.problem()).isEmpty();
        assertThat(byName.get("ci").kind()).isEqualTo(Kind.CREDENTIAL_SOURCE);
        assertThat(byName.get("sso-dev").kind()).isEqualTo(Kind.SSO);
        assertThat(byName.get("sso-dev").accountId()).isEqualTo("222222222222");
        assertThat(byName.get("sso-dev").problem()).as("entering signs in").isEmpty();
        assertThat(byName.get("sso-legacy").kind()).isEqualTo(Kind.SSO);
        assertThat(byName.get("sso-legacy").problem()).isEmpty();
        assertThat(byName.get("sso-half").problem()).hasValueSatisfying(p -> assertThat(p).contains("[sso-session nowhere]"));
        assertThat(byName.get("broken").problem()).hasValueSatisfying(p -> assertThat(p).contains("'nobody'"));
    }

    @Test
    void aRoleChainedFromAnSsoProfileResolvesToThatProfileAsItsLogin() throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, """
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                [profile tools-admin]
                sso_session = corp
                sso_account_id = 111111111111
                sso_role_name = AdministratorAccess
                [profile deploy-prod]
                role_arn = arn:aws:iam::444444444444:role/deployer
                source_profile = tools-admin
                """);
        AwsProfiles profiles = AwsProfiles.load(new AwsConfigFiles(config, dir.resolve("credentials")));
        EnvironmentCandidate chained = new AwsEnvironmentDetector(() -> profiles).detect().stream()
                .filter(c -> c.profileName().equals("deploy-prod")).findFirst().orElseThrow();
        assertThat(chained.kind()).isEqualTo(Kind.ASSUMED_ROLE);
        assertThat(chained.loginProfile()).isEqualTo("tools-admin");
        assertThat(chained.accountId()).isEqualTo("444444444444");
        assertThat(chained.problem()).as("an SSO profile ends the chain as a login").isEmpty();
        assertThat(profiles.chain("deploy-prod")).containsExactly("deploy-prod", "tools-admin");
        assertThat(io.harbormaster.aws.sso.SsoProfile.of(profiles, "tools-admin")).hasValueSatisfying(login -> {
            assertThat(login.signInKey()).isEqualTo("corp");
            assertThat(login.accountId()).isEqualTo("111111111111");
        });
    }
}
