package io.harbormaster.aws.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

/** The shared HTTP pool is made with the first client (not with the factory) and closed with the factory. */
class AwsClientFactoryTest {

    @Test
    void closesWithoutHavingMadeAnyClient() {
        new AwsClientFactory().close();
    }

    @Test
    void makesClientsUntilClosedThenRefuses() {
        AwsClientFactory factory = new AwsClientFactory();
        assertThat(factory.sts(AnonymousCredentialsProvider.create(), "us-east-1", Optional.empty())).isNotNull();
        factory.close();
        assertThatThrownBy(() -> factory.sts(AnonymousCredentialsProvider.create(), "us-east-1", Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
