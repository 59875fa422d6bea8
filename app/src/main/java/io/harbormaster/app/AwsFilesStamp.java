package io.harbormaster.app;

import io.harbormaster.aws.config.AwsConfigFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What the AWS files looked like when read (modification time and size of each; -1 for a file that is not there):
 * a different stamp means someone changed them since. Reads file attributes: off the UI thread.
 */
record AwsFilesStamp(long configModified, long configSize, long credentialsModified, long credentialsSize) {

    /** Not read yet: the next look only records what it sees. */
    static final AwsFilesStamp NONE = new AwsFilesStamp(Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE,
            Long.MIN_VALUE);

    static AwsFilesStamp of(AwsConfigFiles files) {
        long[] config = look(files.config());
        long[] credentials = look(files.credentials());
        return new AwsFilesStamp(config[0], config[1], credentials[0], credentials[1]);
    }

    private static long[] look(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new long[] {attributes.lastModifiedTime().toMillis(), attributes.size()};
        } catch (IOException absent) {
            return new long[] {-1, -1};
        }
    }
}
