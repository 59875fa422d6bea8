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

    @Test
    void theReadsBehindTaskClusterAndDeploymentRows() {
        assertThat(AwsCliCommand.describeTask("payments-api",
                "arn:aws:ecs:eu-west-1:222222222222:task/payments-api/0f3c9a7e2b1d4c5e8f60718293a4b5c6",
                "eu-west-1", "acme-dev"))
                .isEqualTo("aws ecs describe-tasks --cluster payments-api --tasks "
                        + "arn:aws:ecs:eu-west-1:222222222222:task/payments-api/0f3c9a7e2b1d4c5e8f60718293a4b5c6"
                        + " --region eu-west-1 --profile acme-dev");
        assertThat(AwsCliCommand.describeCluster("payments-api", "eu-west-1", "acme-dev"))
                .isEqualTo("aws ecs describe-clusters --clusters payments-api --include STATISTICS SETTINGS"
                        + " --region eu-west-1 --profile acme-dev");
        assertThat(AwsCliCommand.describeServiceDeployment(
                "arn:aws:ecs:eu-west-1:222222222222:service-deployment/payments-api/checkout/AbC-12", "eu-west-1", ""))
                .isEqualTo("aws ecs describe-service-deployments --service-deployment-arns "
                        + "arn:aws:ecs:eu-west-1:222222222222:service-deployment/payments-api/checkout/AbC-12"
                        + " --region eu-west-1");
    }

    @Test
    void aClusterNameAShellWouldSplitIsQuotedButTheOptionsAreNot() {
        assertThat(AwsCliCommand.describeTask("my cluster", "t1", "us-east-1", null))
                .isEqualTo("aws ecs describe-tasks --cluster 'my cluster' --tasks t1 --region us-east-1");
    }
}
