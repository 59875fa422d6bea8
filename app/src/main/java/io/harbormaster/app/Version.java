package io.harbormaster.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The console's version, as the build wrote it into version.properties. */
final class Version {

    private Version() {
    }

    static String current() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "development build";
            }
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version", "");
            return version.isBlank() || version.startsWith("${") ? "development build" : version;
        } catch (IOException unreadable) {
            return "development build";
        }
    }
}
