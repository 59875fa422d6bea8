package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator's own AWS files, broken three ways: each is reported when the console opens, with the file (and the
 * line where the parser knows it), and the console opens anyway.
 */
class MalformedConfigJourneyTest {

    @RegisterExtension
    final Journey journey = Journey.startedByTest();

    private String openWith(String name, String config) throws Exception {
        Path configFile = journey.workDir().resolve(name + "-config");
        Path credentials = journey.workDir().resolve(name + "-credentials");
        Files.writeString(configFile, config);
        Files.writeString(credentials, "[ops]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n");
        journey.start(JourneyOptions.ownAws(configFile, credentials));
        journey.waitUntil("the problem is shown", () -> journey.exists("#problem-message"));
        assertThat(journey.exists("#environment-bar")).as("the console opened").isTrue();
        assertThat(journey.app().sandbox()).as("the operator's files are used, not the sandbox").isEmpty();
        String message = journey.<Label>lookup("#problem-message").getText();
        if (name.equals("header")) {
            journey.screenshot("env-07-malformed-config");
        }
        journey.robot().clickOn("Close");
        return message;
    }

    @Test
    void aBadSectionHeaderNamesFileAndLine() throws Exception {
        String message = openWith("header", "[profile ops]\nregion = eu-west-1\n[profile prod\nrole_arn = x\n");
        assertThat(message).contains(journey.workDir().resolve("header-config").toString()).containsIgnoringCase("line 3");
    }

    @Test
    void aRoleWithoutASourceProfileIsNamed() throws Exception {
        String message = openWith("nosource", "[profile ops]\nregion = eu-west-1\n\n[profile prod]\n"
                + "role_arn = arn:aws:iam::444444444444:role/admin\nregion = eu-west-1\n");
        assertThat(message).isEqualTo("Profile 'prod' has role_arn but neither source_profile nor credential_source");
    }

    @Test
    void aSourceProfileLoopIsNamed() throws Exception {
        String message = openWith("loop", "[profile a]\nrole_arn = arn:aws:iam::444444444444:role/admin\n"
                + "source_profile = b\n\n[profile b]\nrole_arn = arn:aws:iam::333333333333:role/admin\n"
                + "source_profile = a\n");
        assertThat(message).startsWith("Profiles form a loop: a → b → a");
    }
}
