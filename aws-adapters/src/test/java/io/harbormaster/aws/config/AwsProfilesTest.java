package io.harbormaster.aws.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsProfilesTest {

    @TempDir
    Path dir;

    private AwsConfigFiles files(String config, String credentials) throws Exception {
        Path c = dir.resolve("config");
        Path k = dir.resolve("credentials");
        Files.writeString(c, config);
        Files.writeString(k, credentials);
        return new AwsConfigFiles(c, k);
    }

    @Test
    void honoursTheEnvironmentVariablesForFileLocations() {
        Path home = Path.of("/home/op");
        AwsConfigFiles defaults = AwsConfigFiles.fromEnvironment(Map.of(), home);
        assertThat(defaults.config()).isEqualTo(Path.of("/home/op/.aws/config"));
        assertThat(defaults.credentials()).isEqualTo(Path.of("/home/op/.aws/credentials"));
        AwsConfigFiles custom = AwsConfigFiles.fromEnvironment(
                Map.of("AWS_CONFIG_FILE", "/etc/aws/cfg", "AWS_SHARED_CREDENTIALS_FILE", "~/keys"), home);
        assertThat(custom.config()).isEqualTo(Path.of("/etc/aws/cfg"));
        assertThat(custom.credentials()).isEqualTo(Path.of("/home/op/keys"));
    }

    @Test
    void aBadSectionHeaderNamesTheFileAndTheLine() throws Exception {
        AwsConfigFiles f = files("[profile ops]\nregion = us-east-1\n\n[profile prod\nrole_arn = x\n", "");
        assertThatThrownBy(() -> AwsProfiles.load(f)).isInstanceOfSatisfying(OperatorException.class, e -> {
            assertThat(e.problem().kind()).isEqualTo(Problem.Kind.CONFIGURATION);
            assertThat(e.problem().message()).contains(f.config().toString()).contains("line 4");
        });
    }

    @Test
    void endpointAndRegionAreInheritedAlongTheSourceChain() throws Exception {
        AwsProfiles p = AwsProfiles.load(files("""
                [profile ops]
                region = eu-west-1
                endpoint_url = http://127.0.0.1:4566
                [profile dev]
                role_arn = arn:aws:iam::222222222222:role/admin
                source_profile = ops
                """, "[ops]\naws_access_key_id = AKIA0000\naws_secret_access_key = s\n"));
        assertThat(p.chain("dev")).containsExactly("dev", "ops");
        assertThat(p.endpointUrl("dev")).contains("http://127.0.0.1:4566");
        assertThat(p.region("dev")).contains("eu-west-1");
        p.checkChain("dev");
    }

    @Test
    void brokenChainsAreExplained() throws Exception {
        AwsProfiles p = AwsProfiles.load(files("""
                [profile lonely]
                role_arn = arn:aws:iam::222222222222:role/admin
                [profile orphan]
                role_arn = arn:aws:iam::222222222222:role/admin
                source_profile = nobody
                [profile a]
                role_arn = arn:aws:iam::222222222222:role/admin
                source_profile = b
                [profile b]
                role_arn = arn:aws:iam::333333333333:role/admin
                source_profile = a
                """, ""));
        assertThatThrownBy(() -> p.checkChain("lonely")).hasMessageContaining("neither source_profile");
        assertThatThrownBy(() -> p.checkChain("orphan")).hasMessageContaining("'nobody', which does not exist");
        assertThatThrownBy(() -> p.checkChain("a")).hasMessageContaining("loop").hasMessageContaining("a → b → a");
        assertThatThrownBy(() -> p.checkChain("missing")).hasMessageContaining("no profile 'missing'");
    }
}
