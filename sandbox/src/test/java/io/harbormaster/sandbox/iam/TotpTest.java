package io.harbormaster.sandbox.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc6238Sha1VectorsInSixDigits() {
        // RFC 6238 appendix B lists 8-digit codes; the 6-digit code is their last six digits.
        assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(1_111_111_109))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(1_234_567_890))).isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(20_000_000_000L))).isEqualTo("353130");
    }

    @Test
    void acceptsOneStepEitherSide() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        assertThat(Totp.verify(RFC_SECRET, now, Totp.code(RFC_SECRET, now.minusSeconds(30)))).isTrue();
        assertThat(Totp.verify(RFC_SECRET, now, Totp.code(RFC_SECRET, now.plusSeconds(30)))).isTrue();
        assertThat(Totp.verify(RFC_SECRET, now, Totp.code(RFC_SECRET, now.minusSeconds(90)))).isFalse();
    }

    @Test
    void base32RoundTrips() {
        assertThat(Base32.encode(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(RFC_SECRET);
    }
}
