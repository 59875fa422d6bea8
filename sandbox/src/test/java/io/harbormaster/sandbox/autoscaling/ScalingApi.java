package io.harbormaster.sandbox.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbormaster.sandbox.iam.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Application Auto Scaling over its wire protocol (JSON 1.1, {@code X-Amz-Target: AnyScaleFrontendService.<Op>}),
 * as the SDK sends it: the SDK's applicationautoscaling module does not resolve at the SDK version the sandbox's
 * tests use, and the aws CLI test covers the CLI's side.
 */
final class ScalingApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private final URI endpoint;
    private final Session session;
    private final HttpClient http = HttpClient.newHttpClient();

    ScalingApi(URI endpoint, Session session) {
        this.endpoint = endpoint;
        this.session = session;
    }

    /** The answer of a call that must succeed. */
    JsonNode ok(String operation, String body) {
        HttpResponse<String> r = send(operation, body);
        if (r.statusCode() != 200) {
            throw new AssertionError(operation + " answered " + r.statusCode() + ": " + r.body());
        }
        return parse(r.body());
    }

    /** The error body ({@code __type}, {@code message}) of a call that must fail. */
    JsonNode fails(String operation, String body) {
        HttpResponse<String> r = send(operation, body);
        if (r.statusCode() == 200) {
            throw new AssertionError(operation + " succeeded: " + r.body());
        }
        return parse(r.body());
    }

    private HttpResponse<String> send(String operation, String body) {
        String date = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/")).timeout(Duration.ofSeconds(20))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + session.accessKeyId() + "/" + date
                        + "/us-east-1/application-autoscaling/aws4_request, SignedHeaders=host;x-amz-date, Signature=00")
                .header("X-Amz-Date", date + "T000000Z")
                .header("X-Amz-Security-Token", session.sessionToken())
                .header("X-Amz-Target", "AnyScaleFrontendService." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
