package io.harbormaster.sandbox.elb;

import java.util.List;

/**
 * A listener or rule action. Only the kinds the sandbox routes are modelled: {@code forward} (to up to five weighted
 * target groups), {@code redirect} and {@code fixed-response}.
 *
 * @param singleTargetGroupArn the TargetGroupArn member as AWS echoes it: set when the forward has one target group
 */
public record Action(String type, int order, String singleTargetGroupArn, List<WeightedTargetGroup> targetGroups,
                     boolean stickiness, int stickinessSeconds, Redirect redirect, FixedResponse fixedResponse) {

    public static final String FORWARD = "forward";
    public static final String REDIRECT = "redirect";
    public static final String FIXED_RESPONSE = "fixed-response";

    /** One target group of a forward action and its weight (0–999). */
    public record WeightedTargetGroup(String arn, int weight) {
    }

    public record Redirect(String protocol, String port, String host, String path, String query, String statusCode) {
    }

    public record FixedResponse(String messageBody, String statusCode, String contentType) {
    }

    public static Action forward(String targetGroupArn) {
        return new Action(FORWARD, 1, targetGroupArn, List.of(new WeightedTargetGroup(targetGroupArn, 1)), false, 0,
                null, null);
    }

    public static Action redirectToHttps() {
        return new Action(REDIRECT, 1, null, List.of(), false, 0,
                new Redirect("HTTPS", "443", "#{host}", "/#{path}", "#{query}", "HTTP_301"), null);
    }

    public static Action notFound() {
        return new Action(FIXED_RESPONSE, 1, null, List.of(), false, 0, null,
                new FixedResponse("Not Found", "404", "text/plain"));
    }

    public boolean isForward() {
        return FORWARD.equals(type);
    }
}
