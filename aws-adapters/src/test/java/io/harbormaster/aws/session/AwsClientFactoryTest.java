package io.harbormaster.aws.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
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

    @Test
    void oneSharedObjectPerAccountRegionAndEndpoint() {
        try (AwsClientFactory factory = new AwsClientFactory()) {
            ClientContext east = new ClientContext(AnonymousCredentialsProvider.create(), "us-east-1",
                    Optional.of(URI.create("http://localhost:4566")));
            Object one = factory.perAccountAndRegion(east, "111111111111", Object.class, Object::new);
            // other credentials, as another environment of the same account has: the same account's quota
            ClientContext otherRole = new ClientContext(AnonymousCredentialsProvider.create(), "us-east-1",
                    east.endpoint());
            assertThat(factory.perAccountAndRegion(otherRole, "111111111111", Object.class, Object::new)).isSameAs(one);
            assertThat(factory.perAccountAndRegion(east, "222222222222", Object.class, Object::new)).isNotSameAs(one);
            assertThat(factory.perAccountAndRegion(new ClientContext(east.credentials(), "eu-west-1", east.endpoint()),
                    "111111111111", Object.class, Object::new)).isNotSameAs(one);
            assertThat(factory.perAccountAndRegion(new ClientContext(east.credentials(), "us-east-1", Optional.empty()),
                    "111111111111", Object.class, Object::new)).isNotSameAs(one);
            assertThat(factory.perAccountAndRegion(east, "111111111111", StringBuilder.class, StringBuilder::new))
                    .isNotSameAs(one);
        }
    }
}
