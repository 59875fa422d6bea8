package io.harbormaster.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SecretNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"DB_PASSWORD", "db_passwd", "OAUTH_CLIENT_SECRET", "GITHUB_TOKEN", "apiKey",
        "JWT_SIGNING_KEY", "S3_SECRET_ACCESS_KEY", "GCP_CREDENTIALS", "SlackToken"})
    void secretLookingNamesAreMasked(String name) {
        assertThat(SecretNames.looksSecret(name)).isTrue();
        assertThat(SecretNames.displayValue(name, "hunter2")).isEqualTo(SecretNames.MASK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LOG_LEVEL", "PORT", "SLACK_WEBHOOK_URL", "REGION", "DB_HOST"})
    void ordinaryNamesAreShown(String name) {
        assertThat(SecretNames.looksSecret(name)).isFalse();
        assertThat(SecretNames.displayValue(name, "value")).isEqualTo("value");
    }

    @Test
    void theMaskDoesNotTellTheLength() {
        assertThat(SecretNames.displayValue("A_TOKEN", "x")).isEqualTo(SecretNames.displayValue("A_TOKEN",
                "a-much-longer-token-value"));
    }

    @Test
    void anEmptySecretIsVisiblyEmpty() {
        assertThat(SecretNames.displayValue("DB_PASSWORD", "")).isEmpty();
        assertThat(SecretNames.displayValue("DB_PASSWORD", null)).isEmpty();
        assertThat(SecretNames.looksSecret(null)).isFalse();
    }

    @Test
    void anEnvironmentVariableNeverPrintsItsSecret() {
        EnvironmentVariable v = new EnvironmentVariable("DB_PASSWORD", "hunter2");
        assertThat(v.secretLooking()).isTrue();
        assertThat(v.toString()).doesNotContain("hunter2").contains("DB_PASSWORD");
        assertThat(new EnvironmentVariable("PORT", "80").toString()).isEqualTo("PORT=80");
    }
}
