package io.harbormaster.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.aws.config.AwsConfigFiles;
import io.harbormaster.model.error.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsConfigurationCheckTest {

    @TempDir
    Path dir;

    private Optional<Problem> check(String config) throws Exception {
        AwsConfigFiles files = new AwsConfigFiles(dir.resolve("config"), dir.resolve("credentials"));
        Files.writeString(files.config(), config);
        Files.writeString(files.credentials(), "[ops]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n");
        return AwsConfigurationCheck.check(files);
    }

    @Test
    void aSoundConfigurationHasNoProblem() throws Exception {
        assertThat(check("[profile ops]\nregion = eu-west-1\n\n[profile prod]\nrole_arn = arn:aws:iam::4:role/a\n"
                + "source_profile = ops\n")).isEmpty();
    }

    @Test
    void everyBadProfileIsNamedNotOnlyTheFirst() throws Exception {
        Problem problem = check("[profile ops]\nregion = eu-west-1\n\n[profile stage]\nrole_arn = arn:aws:iam::3:role/a\n"
                + "\n[profile prod]\nrole_arn = arn:aws:iam::4:role/a\nsource_profile = nobody\n").orElseThrow();
        assertThat(problem.title()).isEqualTo("2 AWS profiles cannot be used");
        assertThat(problem.message().lines()).hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("'stage' has role_arn but neither"))
                .anySatisfy(line -> assertThat(line).contains("'prod' names source_profile 'nobody'"));
        assertThat(problem.nextStep()).contains(dir.resolve("config").toString()).contains("Reload AWS configuration");
    }

    @Test
    void oneBadProfileIsReportedAsItIs() throws Exception {
        Problem problem = check("[profile stage]\nrole_arn = arn:aws:iam::3:role/a\n").orElseThrow();
        assertThat(problem.message()).isEqualTo("Profile 'stage' has role_arn but neither source_profile nor"
                + " credential_source");
    }

    @Test
    void aFileThatDoesNotParseIsNamedWithItsLine() throws Exception {
        Problem problem = check("[profile ops]\nregion = eu-west-1\n[profile prod\n").orElseThrow();
        assertThat(problem.message()).contains(dir.resolve("config").toString()).containsIgnoringCase("line 3");
        assertThat(problem.nextStep()).contains("Reload AWS configuration");
    }
}
