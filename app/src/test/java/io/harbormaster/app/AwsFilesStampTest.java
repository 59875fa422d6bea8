package io.harbormaster.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.aws.config.AwsConfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What tells the console, when its window gets focus again, that the AWS files were edited meanwhile. */
class AwsFilesStampTest {

    @TempDir
    Path dir;

    @Test
    void anEditACreationOrADeletionChangesTheStampAndReadingAgainDoesNot() throws Exception {
        AwsConfigFiles files = new AwsConfigFiles(dir.resolve("config"), dir.resolve("credentials"));
        AwsFilesStamp none = AwsFilesStamp.of(files);
        assertThat(AwsFilesStamp.of(files)).isEqualTo(none);

        Files.writeString(files.config(), "[profile ops]\n");
        Files.setLastModifiedTime(files.config(), FileTime.from(Instant.parse("2026-12-06T06:00:00Z")));
        AwsFilesStamp created = AwsFilesStamp.of(files);
        assertThat(created).isNotEqualTo(none);
        assertThat(AwsFilesStamp.of(files)).isEqualTo(created);

        Files.writeString(files.config(), "[profile ops]\nregion = eu-west-1\n");
        Files.setLastModifiedTime(files.config(), FileTime.from(Instant.parse("2026-12-06T06:00:00Z")));
        assertThat(AwsFilesStamp.of(files)).as("same time, other size").isNotEqualTo(created);

        Files.delete(files.config());
        assertThat(AwsFilesStamp.of(files)).isEqualTo(none);
        assertThat(none).isNotEqualTo(AwsFilesStamp.NONE);
    }
}
