package io.harbormaster.model.fleet;

/** Reading names out of ECS ARNs without knowing AWS: the part after the last '/' is the resource's name. */
public final class Arns {

    private Arns() {
    }

    /** "web" from "arn:aws:ecs:us-east-1:1:service/main/web"; the text itself when it has no '/'. */
    public static String name(String arn) {
        if (arn == null) {
            return "";
        }
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? arn : arn.substring(slash + 1);
    }

    /** "main" from "arn:aws:ecs:us-east-1:1:cluster/main". */
    public static String clusterName(String clusterArn) {
        return name(clusterArn);
    }

    /** 7 from "…:task-definition/web:7"; 0 when the ARN carries no revision. */
    public static int revision(String taskDefinitionArn) {
        if (taskDefinitionArn == null) {
            return 0;
        }
        int colon = taskDefinitionArn.lastIndexOf(':');
        int slash = taskDefinitionArn.lastIndexOf('/');
        if (colon < 0 || colon < slash) {
            return 0;
        }
        try {
            return Integer.parseInt(taskDefinitionArn.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** "web" from "…:task-definition/web:7". */
    public static String family(String taskDefinitionArn) {
        String tail = name(taskDefinitionArn);
        int colon = tail.lastIndexOf(':');
        return colon < 0 ? tail : tail.substring(0, colon);
    }
}
