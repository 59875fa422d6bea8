import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a jar without the native libraries of other platforms: every entry under {@code prefix} is dropped unless
 * it is under {@code prefix + keep}; every other entry is copied as it was (name, time, bytes, order). Run by
 * build-package.sh with the JDK's source launcher, so it works wherever the JDK does:
 * <pre>java KeepNatives.java JAR org/sqlite/native/ Linux/x86_64/</pre>
 * sqlite-jdbc carries its library for 24 OS/architecture pairs (13 of its 14 MB); a package is built for one.
 */
public final class KeepNatives {

    private KeepNatives() {
    }

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        String prefix = args[1];
        String kept = prefix + args[2];
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".new");
        int keptFiles = 0;
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(rewritten);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                String name = entry.getName();
                boolean isNative = name.startsWith(prefix) && !name.endsWith("/");
                if (isNative && !name.startsWith(kept)) {
                    continue;
                }
                keptFiles += isNative ? 1 : 0;
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        if (keptFiles == 0) {
            Files.delete(rewritten);
            throw new IllegalStateException("no native library under " + kept + " in " + jar + ": nothing removed");
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}
