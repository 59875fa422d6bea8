package io.harbormaster.app.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLEsessionTokenThatIsLongEnough0123456789+/=";

    @Test
    void credentialsFileLinesAreMasked() {
        assertThat(Redaction.redact("aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = " + SECRET))
                .isEqualTo("aws_access_key_id = ****\naws_secret_access_key = ****");
    }

    @Test
    void stsAnswersInXmlAndJsonAreMasked() {
        String xml = "<Credentials><AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId><SecretAccessKey>" + SECRET
                + "</SecretAccessKey><SessionToken>" + TOKEN + "</SessionToken></Credentials>";
        assertThat(Redaction.redact(xml)).doesNotContain(SECRET).doesNotContain(TOKEN)
                .doesNotContain("ASIAIOSFODNN7EXAMPLE").contains("<SecretAccessKey>****</SecretAccessKey>");
        String json = "{\"SecretAccessKey\":\"" + SECRET + "\",\"SessionToken\": \"" + TOKEN + "\"}";
        assertThat(Redaction.redact(json)).isEqualTo("{\"SecretAccessKey\":\"****\",\"SessionToken\": \"****\"}");
    }

    @Test
    void signedHeadersAndQueryStringsAreMasked() {
        String headers = "Authorization: AWS4-HMAC-SHA256 Credential=ASIAIOSFODNN7EXAMPLE/20261206/us-east-1/sts/"
                + "aws4_request, SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855"
                + "ddc963176630326f1024\nX-Amz-Security-Token: " + TOKEN;
        String masked = Redaction.redact(headers);
        assertThat(masked).doesNotContain("ASIAIOSFODNN7EXAMPLE").doesNotContain("fe5f80f77d5f")
                .doesNotContain(TOKEN).contains("SignedHeaders=host;x-amz-date");
        assertThat(Redaction.redact("Action=GetSessionToken&SerialNumber=arn:aws:iam::111111111111:mfa/alice"
                + "&TokenCode=123456&Version=2011-06-15"))
                .isEqualTo("Action=GetSessionToken&SerialNumber=arn:aws:iam::111111111111:mfa/alice"
                        + "&TokenCode=****&Version=2011-06-15");
    }

    @Test
    void aTokenOrKeyIdWithoutItsNameIsMaskedToo() {
        assertThat(Redaction.redact("using " + TOKEN + " for AKIAIOSFODNN7EXAMPLE"))
                .isEqualTo("using **** for ****");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String line = "Entering prod (account 444444444444) as arn:aws:iam::444444444444:role/admin; 12 services";
        assertThat(Redaction.redact(line)).isEqualTo(line);
    }
}
