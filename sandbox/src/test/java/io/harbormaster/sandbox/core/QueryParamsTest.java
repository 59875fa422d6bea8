package io.harbormaster.sandbox.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void unfoldsListsAndStructuresInIndexOrder() {
        QueryParams p = QueryParams.parse("Action=ModifyListener&Version=2015-12-01"
                + "&Names.member.2=b&Names.member.1=a&Names.member.10=j"
                + "&DefaultActions.member.1.Type=forward"
                + "&DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn=arn%3Ablue"
                + "&DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.Weight=100"
                + "&DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn=arn%3Agreen"
                + "&DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.Weight=0");
        assertThat(p.strings("Names")).containsExactly("a", "b", "j");
        QueryParams action = p.members("DefaultActions").get(0);
        assertThat(action.string("Type")).isEqualTo("forward");
        List<QueryParams> groups = action.sub("ForwardConfig").members("TargetGroups");
        assertThat(groups).extracting(g -> g.string("TargetGroupArn")).containsExactly("arn:blue", "arn:green");
        assertThat(groups.get(1).integer("Weight")).isZero();
    }

    @Test
    void validationErrorsUseAwsWording() {
        QueryParams p = QueryParams.parse("DurationSeconds=abc");
        AwsException missing = catchThrowableOfType(AwsException.class, () -> p.required("RoleArn"));
        assertThat(missing.queryCode()).isEqualTo("ValidationError");
        assertThat(missing.getMessage()).isEqualTo("1 validation error detected: Value null at 'roleArn' failed to "
                + "satisfy constraint: Member must not be null");
        assertThat(catchThrowableOfType(AwsException.class, () -> p.integer("DurationSeconds")).queryCode())
                .isEqualTo("ValidationError");
    }
}
