package io.harbormaster.views.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsCliCommandTest {

    @Test
    void plainNamesAreWrittenAsTheyAre() {
        assertThat(AwsCliCommand.describeService("prod-main", "api_v2", "eu-west-1", "acme-prod"))
                .isEqualTo("aws ecs describe-services --cluster prod-main --services api_v2 --region eu-west-1"
                        + " --profile acme-prod");
    }

    @Test
    void wordsAShellWouldSplitOrExpandAreSingleQuoted() {
        assertThat(AwsCliCommand.describeService("c", "svc", "us-east-1", "bob's $HOME profile"))
                .endsWith(" --profile 'bob'\\''s $HOME profile'");
        assertThat(AwsCliCommand.word("a*b")).isEqualTo("'a*b'");
        assertThat(AwsCliCommand.word("")).isEqualTo("''");
        assertThat(AwsCliCommand.word("arn:aws:ecs:eu-west-1:1:cluster/x")).isEqualTo("arn:aws:ecs:eu-west-1:1:cluster/x");
    }

    @Test
    void aBlankProfileIsLeftOutSoTheDefaultCredentialsApply() {
        assertThat(AwsCliCommand.describeService("c", "s", "eu-west-1", " ")).doesNotContain("--profile");
    }
}
