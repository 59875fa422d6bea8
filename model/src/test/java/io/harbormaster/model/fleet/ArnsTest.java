package io.harbormaster.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnsTest {

    @Test
    void theNameIsTheLastPathSegment() {
        assertThat(Arns.name("arn:aws:ecs:us-east-1:1:service/main/web")).isEqualTo("web");
        assertThat(Arns.clusterName("arn:aws:ecs:us-east-1:1:cluster/main")).isEqualTo("main");
        assertThat(Arns.name("plain")).isEqualTo("plain");
        assertThat(Arns.name(null)).isEmpty();
    }

    @Test
    void revisionsAndFamiliesComeFromTheTaskDefinitionArn() {
        String arn = "arn:aws:ecs:us-east-1:1:task-definition/web-api:17";
        assertThat(Arns.revision(arn)).isEqualTo(17);
        assertThat(Arns.family(arn)).isEqualTo("web-api");
        assertThat(Arns.revision("arn:aws:ecs:us-east-1:1:task-definition/web")).isZero();
        assertThat(Arns.revision("web:x")).isZero();
        assertThat(Arns.revision(null)).isZero();
        assertThat(Arns.family("web:3")).isEqualTo("web");
    }
}
