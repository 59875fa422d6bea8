package io.harbormaster.app.journey;

import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.sandbox.iam.Iam;
import io.harbormaster.sandbox.iam.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Looks for the secrets the sandbox handed out (the ops user's secret key, the MFA device's TOTP secret, every
 * session's secret key and token) byte for byte in files and in texts (what a screenshot shows), and any session
 * token by how it begins (a long run outlives the sessions STS still knows). The AWS config and
 * credentials files the sandbox writes into the data directory are the operator's own (AWS's format holds keys by
 * design) and are left out by name.
 */
final class SecretsScan {

    private final Map<String, String> secrets;
    private final List<Path> scanned = new ArrayList<>();
    private final List<String> found = new ArrayList<>();

    private SecretsScan(Map<String, String> secrets) {
        this.secrets = Map.copyOf(secrets);
    }

    /** Every secret the sandbox handed out to {@code login} and its sessions so far. */
    static SecretsScan of(Sandbox sandbox, String login) {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("TOTP secret of " + login, sandbox.totpSecret(login));
        sandbox.awsCredentials(login).lines().map(String::strip)
                .filter(line -> line.startsWith("aws_secret_access_key"))
                .forEach(line -> secrets.put("ops secret key", line.substring(line.indexOf('=') + 1).strip()));
        for (Session s : sandbox.issuedSessions()) {
            secrets.put("session secret key " + s.accessKeyId(), s.secretAccessKey());
            secrets.put("session token " + s.accessKeyId(), s.sessionToken());
        }
        return new SecretsScan(secrets);
    }

    Map<String, String> secrets() {
        return secrets;
    }

    /** Scans every regular file under {@code root} (the AWS files left out). */
    SecretsScan files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return this;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path file : all.filter(Files::isRegularFile).filter(SecretsScan::notAwsFile).toList()) {
                scanned.add(file);
                text(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return this;
    }

    /** Scans a text that is not a file: a window's title, the labels a screenshot shows. */
    SecretsScan text(String where, String content) {
        secrets.forEach((what, secret) -> {
            if (content.contains(secret)) {
                found.add(what + " in " + where);
            }
        });
        if (content.contains(Iam.SESSION_TOKEN_PREFIX) && found.stream().noneMatch(f -> f.startsWith("session token ")
                && f.endsWith(" in " + where))) {
            found.add("a session token (by its start; its session forgotten by STS) in " + where);
        }
        return this;
    }

    List<Path> scanned() {
        return List.copyOf(scanned);
    }

    /** What was found where ("session token ASIA… in …/sandbox.db"); empty when nothing was. */
    List<String> found() {
        return List.copyOf(found);
    }

    private static boolean notAwsFile(Path file) {
        String name = file.getFileName().toString();
        return !(name.equals("config") || name.equals("credentials"));
    }
}
