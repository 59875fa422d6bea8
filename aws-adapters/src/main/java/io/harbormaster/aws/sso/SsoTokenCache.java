package io.harbormaster.aws.sso;

import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * The AWS CLI's SSO token cache, {@code ~/.aws/sso/cache/<sha1>.json}, read and written in its format (botocore's
 * {@code SSOTokenLoader} / {@code SSOTokenProvider}): fields {@code startUrl}, {@code region}, {@code accessToken},
 * {@code expiresAt}, {@code clientId}, {@code clientSecret}, {@code registrationExpiresAt}, {@code refreshToken},
 * times as {@code 2026-01-01T00:00:00Z}. So {@code aws sso login} lets the console in and the console's sign-in
 * serves the CLI. Files are written owner-only, replaced atomically.
 */
public final class SsoTokenCache {

    /** One cached token; the registration fields and the refresh token may be absent (legacy profiles). */
    public record Token(String startUrl, String region, String accessToken, Instant expiresAt, String clientId,
                        String clientSecret, Instant registrationExpiresAt, String refreshToken) {

        public boolean canRefresh(Instant now) {
            return refreshToken != null && clientId != null && clientSecret != null
                    && registrationExpiresAt != null && now.isBefore(registrationExpiresAt);
        }
    }

    private final Path dir;

    public SsoTokenCache(Path dir) {
        this.dir = dir;
    }

    /** The CLI's cache directory under the user's home. */
    public static SsoTokenCache forHome(Path home) {
        return new SsoTokenCache(home.resolve(".aws").resolve("sso").resolve("cache"));
    }

    public Path file(SsoProfile profile) {
        return dir.resolve(profile.cacheFileName());
    }

    public Optional<Token> read(SsoProfile profile) {
        Path file = file(profile);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Map<String, JsonNode> o = JsonNodeParser.create().parse(Files.readString(file)).asObject();
            String access = text(o, "accessToken");
            String expires = text(o, "expiresAt");
            if (access == null || expires == null) {
                return Optional.empty();
            }
            return Optional.of(new Token(text(o, "startUrl"), text(o, "region"), access, instant(expires),
                    text(o, "clientId"), text(o, "clientSecret"), instant(text(o, "registrationExpiresAt")),
                    text(o, "refreshToken")));
        } catch (IOException e) {
            throw unreadable(file, e);
        } catch (RuntimeException e) {
            // A file the CLI would not read either: treat as no sign-in, it is replaced on the next one.
            return Optional.empty();
        }
    }

    public void write(SsoProfile profile, Token token) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("startUrl", token.startUrl());
        fields.put("region", token.region());
        fields.put("accessToken", token.accessToken());
        fields.put("expiresAt", format(token.expiresAt()));
        fields.put("clientId", token.clientId());
        fields.put("clientSecret", token.clientSecret());
        fields.put("registrationExpiresAt", format(token.registrationExpiresAt()));
        fields.put("refreshToken", token.refreshToken());
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (v != null) {
                json.append(json.length() > 1 ? ", " : "").append('"').append(k).append("\": \"").append(escape(v)).append('"');
            }
        });
        json.append('}');
        Path file = file(profile);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".harbormaster-", ".tmp");
            try {
                ownerOnly(tmp);
                Files.writeString(tmp, json, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new OperatorException(new Problem(Problem.Kind.STORAGE, "SSO sign-in not saved",
                    "The sign-in worked but could not be saved to " + file + ": " + e.getMessage(),
                    "Check that " + dir + " is writable; you will be asked to sign in again next time.", e.toString()), e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user's profile directory already keeps it private.
        }
    }

    private static String text(Map<String, JsonNode> o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? null : n.text();
    }

    private static Instant instant(String s) {
        return s == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(s.replace("UTC", "Z"), Instant::from);
    }

    private static String format(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static OperatorException unreadable(Path file, IOException e) {
        return new OperatorException(new Problem(Problem.Kind.STORAGE, "SSO sign-in unreadable",
                "Could not read " + file + ": " + e.getMessage(), "Check the file's permissions.", e.toString()), e);
    }
}
