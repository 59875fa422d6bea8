package io.harbormaster.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonEnvironmentFileTest {

    @TempDir
    Path dir;

    private final JsonEnvironmentFile file = new JsonEnvironmentFile();

    private static final Environment DEV = EnvironmentBuilder.anEnvironment("dev").login("ops").account("222222222222")
            .role("arn:aws:iam::222222222222:role/admin").regions("eu-west-1", "us-east-1").colour("#2E7D32")
            .order(1).build();
    private static final Environment PROD = EnvironmentBuilder.anEnvironment("prod").displayName("prod — payments")
            .login("ops").regions("eu-west-1").colour("#C62828").production(true).readOnly(true).order(2).build();

    @Test
    void aRoundTripKeepsEverything() throws Exception {
        Path json = dir.resolve("team/environments.json");
        file.write(List.of(DEV, PROD), json);

        assertThat(Files.readString(json)).contains("\"format\" : \"harbormaster-environments\"")
                .contains("\"version\" : 1");
        assertThat(file.read(json)).containsExactly(DEV, PROD);
    }

    @Test
    void malformedJsonNamesTheFileLineAndColumn() throws Exception {
        Path json = dir.resolve("broken.json");
        Files.writeString(json, "{\n  \"format\": \"harbormaster-environments\",\n  \"version\": 1,\n"
                + "  \"environments\": [ { \"id\": \"dev\" ,, } ]\n}\n");
        assertThatThrownBy(() -> file.read(json)).isInstanceOfSatisfying(OperatorException.class, e -> {
            assertThat(e.problem().kind()).isEqualTo(Problem.Kind.INVALID_INPUT);
            assertThat(e.problem().message()).startsWith(json + " (line 4, column ")
                    .contains("Unexpected character (','");
            assertThat(e.problem().nextStep()).startsWith("Nothing was imported");
        });
    }

    @Test
    void anotherKindOfJsonIsRefused() throws Exception {
        Path json = dir.resolve("package.json");
        Files.writeString(json, "{\"name\": \"left-pad\", \"version\": 1, \"environments\": []}");
        assertThatThrownBy(() -> file.read(json)).isInstanceOfSatisfying(OperatorException.class, e ->
                assertThat(e.problem().message()).isEqualTo(json + ": this is not a Harbormaster environments file"
                        + " (\"format\" should be \"harbormaster-environments\", and is missing)"));

        Files.writeString(json, "{\"format\": \"harbormaster-environments\", \"version\": 2, \"environments\": []}");
        assertThatThrownBy(() -> file.read(json)).isInstanceOfSatisfying(OperatorException.class, e ->
                assertThat(e.problem().message()).contains("version 2 is not supported"));

        Files.writeString(json, "[1, 2]");
        assertThatThrownBy(() -> file.read(json)).isInstanceOfSatisfying(OperatorException.class, e ->
                assertThat(e.problem().message()).contains("(line 1, column 1): the file is not a JSON object"));
    }

    @Test
    void anInvalidColourNamesTheEnvironmentAndWhereItIsAndImportsNothing() throws Exception {
        Path json = dir.resolve("colour.json");
        Files.writeString(json, """
                {
                  "format": "harbormaster-environments",
                  "version": 1,
                  "environments": [
                    {"id": "dev", "displayName": "dev", "profileName": "dev", "regions": ["eu-west-1"],
                     "colour": "#2E7D32"},
                    {"id": "prod", "displayName": "prod", "profileName": "prod", "regions": ["eu-west-1"],
                     "colour": "red", "production": true}
                  ]
                }
                """);
        assertThatThrownBy(() -> file.read(json)).isInstanceOfSatisfying(OperatorException.class, e -> {
            assertThat(e.problem().kind()).isEqualTo(Problem.Kind.INVALID_INPUT);
            assertThat(e.problem().message()).isEqualTo(json + " (line 7, column 5): environment 2 (\"prod\"):"
                    + " colour must be #RRGGBB, was 'red'");
        });
    }

    @Test
    void otherBrokenEntriesAreNamedToo() throws Exception {
        Path json = dir.resolve("entries.json");
        Files.writeString(json, "{\"format\":\"harbormaster-environments\",\"version\":1,\"environments\":["
                + "{\"id\":\"dev\",\"displayName\":\"dev\",\"profileName\":\"dev\",\"regions\":[],\"colour\":\"#000000\"}]}");
        assertThatThrownBy(() -> file.read(json)).hasMessageContaining("needs at least one region");

        Files.writeString(json, "{\"format\":\"harbormaster-environments\",\"version\":1,\"environments\":["
                + "{\"id\":\"dev\",\"displayName\":\"dev\",\"profileName\":\"dev\",\"regions\":[\"x\"],"
                + "\"colour\":\"#000000\",\"production\":\"yes\"}]}");
        assertThatThrownBy(() -> file.read(json)).hasMessageContaining("\"production\" must be true or false");

        file.write(List.of(DEV, DEV), json);
        assertThatThrownBy(() -> file.read(json)).hasMessageContaining("id \"dev\" appears twice");

        assertThatThrownBy(() -> file.read(dir.resolve("missing.json")))
                .isInstanceOfSatisfying(OperatorException.class,
                        e -> assertThat(e.problem().title()).isEqualTo("Environment file not found"));
    }
}
