package io.harbormaster.aws.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.SsoSignInPrompt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The operator's side of a sign-in in tests: the sandbox's approval page answered, and a prompt that waits on. */
final class Browser {

    private final HttpClient http = HttpClient.newHttpClient();

    /** Opens the verification address (it must show the code) and clicks Allow or Deny there as {@code user}. */
    void answer(String uri, String code, String user, String decision) {
        try {
            String page = http.send(HttpRequest.newBuilder(URI.create(uri)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains(code);
            String form = "user_code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&user=" + user
                    + "&decision=" + decision;
            http.send(HttpRequest.newBuilder(URI.create(uri.replaceFirst("\\?.*", "")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A prompt the operator leaves open: never cancelled. */
    static SsoSignInPrompt.Waiting waiting() {
        return new SsoSignInPrompt.Waiting() {
            @Override
            public boolean cancelled() {
                return false;
            }

            @Override
            public void close() {
            }
        };
    }
}
