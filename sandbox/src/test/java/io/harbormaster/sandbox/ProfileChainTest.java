package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The files awsConfig/awsCredentials write are read by the SDK's own profile chain — role_arn + source_profile,
 * endpoint_url on every profile — with no endpoint override in code: the app's one code path. The SDK's internal
 * STS client (the one that assumes the role) reads endpoint_url from the <em>default</em> profile file and the
 * active profile, so the files must be the process's default ones (aws.configFile, aws.sharedCredentialsFile,
 * aws.profile here; AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, AWS_PROFILE in a shell).
 */
class ProfileChainTest {

    @Test
    void sdkProfileChainAssumesTheRoleOnTheSandbox(@TempDir Path dir) throws IOException {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests())) {
            for (String user : new String[] {"bob", "carol"}) {
                Path config = dir.resolve(user + "-config");
                Path credentials = dir.resolve(user + "-credentials");
                Files.writeString(config, sandbox.awsConfig(user));
                Files.writeString(credentials, sandbox.awsCredentials(user));
                ProfileFile profiles = ProfileFile.aggregator()
                        .addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build())
                        .addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build())
                        .build();
                String profile = user.equals("bob") ? "sandbox-dev" : "sandbox-stage";
                System.setProperty("aws.configFile", config.toString());
                System.setProperty("aws.sharedCredentialsFile", credentials.toString());
                System.setProperty("aws.profile", profile);
                try (ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder()
                             .profileFile(profiles).profileName(profile).build();
                     EcsClient ecs = EcsClient.builder().credentialsProvider(provider)
                             .httpClient(ApacheHttpClient.create())
                             .overrideConfiguration(o -> o.defaultProfileFile(profiles).defaultProfileName(profile))
                             .build();
                     StsClient sts = StsClient.builder().credentialsProvider(provider)
                             .httpClient(ApacheHttpClient.create())
                             .overrideConfiguration(o -> o.defaultProfileFile(profiles).defaultProfileName(profile))
                             .build()) {
                    String expected = user.equals("bob") ? "arn:aws:sts::222222222222:assumed-role/admin/bob"
                            : "arn:aws:sts::333333333333:assumed-role/readonly/carol";
                    assertThat(sts.getCallerIdentity().arn()).isEqualTo(expected);
                    assertThat(ecs.listClusters().clusterArns()).isNotEmpty()
                            .allMatch(a -> a.contains(user.equals("bob") ? ":222222222222:" : ":333333333333:"));
                }
            }
        } finally {
            System.clearProperty("aws.configFile");
            System.clearProperty("aws.sharedCredentialsFile");
            System.clearProperty("aws.profile");
        }
    }
}
