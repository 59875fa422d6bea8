package io.harbormaster.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Debian's AWS CLI v2 ({@code /usr/bin/aws}) against a running sandbox: elbv2 describe-load-balancers /
 * describe-target-groups / describe-listeners / modify-listener / modify-rule / describe-rules /
 * describe-target-health and route53
 * list-hosted-zones / list-resource-record-sets / change-resource-record-sets / get-change, asserting on the parsed
 * output. Runs as alice's stage admin role ({@link StageAdminCli}), handed to the CLI by environment: Debian's
 * awscli 2.9 reads neither {@code endpoint_url} from a profile nor uses it for a role profile's STS call, so every
 * command names {@code --endpoint-url}. Skipped when the CLI is absent, except on CI ({@code CI=true}).
 */
@Execution(ExecutionMode.CONCURRENT) // runs beside the in-process tests; see junit-platform.properties
class ElbRoute53CliTest {

    @RegisterExtension
    static final StageAdminCli stageCli = new StageAdminCli();

    private static AwsCli.Result run(String... args) {
        return stageCli.run(args);
    }

    private static JsonNode aws(String... args) {
        return stageCli.aws(args);
    }

    private static java.util.concurrent.CompletableFuture<JsonNode> async(String... args) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> aws(args));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return AwsCli.find(array, field, value);
    }

    @Test
    void elbv2ReadsAndModifiesWithTheCli() throws Exception {
        // Independent commands run side by side (each its own aws process); three rounds in all.
        var firstPage = async("elbv2", "describe-load-balancers", "--page-size", "4");
        JsonNode lbs = aws("elbv2", "describe-load-balancers").get("LoadBalancers");
        // PageSize is a modelled parameter of ELBv2, so naming it turns the CLI's auto-pagination off, as on AWS.
        JsonNode first = firstPage.join();
        assertThat(first.get("LoadBalancers")).hasSize(4);
        List<String> names = new ArrayList<>();
        lbs.forEach(l -> names.add(l.get("LoadBalancerName").asText()));
        assertThat(names).containsExactlyInAnyOrder("api-blue", "api-green", "api-alb", "app-alb", "cdn-alb", "internal-alb");
        JsonNode blue = find(lbs, "LoadBalancerName", "api-blue");
        assertThat(blue.get("DNSName").asText()).matches("api-blue-\\d+\\.us-east-1\\.elb\\.amazonaws\\.com");
        assertThat(blue.get("CanonicalHostedZoneId").asText()).isEqualTo("Z35SXDOTRQ7X7K");
        assertThat(blue.at("/State/Code").asText()).isEqualTo("active");
        JsonNode app = find(lbs, "LoadBalancerName", "app-alb");

        List<JsonNode> round2 = stageCli.cli().okAll(stageCli.creds(), List.of(
                AwsCli.cmd("elbv2", "describe-load-balancers", "--page-size", "4", "--marker", first.get("NextMarker").asText()),
                AwsCli.cmd("elbv2", "describe-target-groups", "--load-balancer-arn", blue.get("LoadBalancerArn").asText()),
                AwsCli.cmd("elbv2", "describe-listeners", "--load-balancer-arn", app.get("LoadBalancerArn").asText()),
                AwsCli.cmd("elbv2", "describe-target-groups", "--load-balancer-arn", app.get("LoadBalancerArn").asText())));
        JsonNode rest = round2.get(0);
        assertThat(rest.get("LoadBalancers")).hasSize(2);
        assertThat(rest.has("NextMarker")).isFalse();

        JsonNode tgs = round2.get(1).get("TargetGroups");
        assertThat(tgs).hasSize(1);
        assertThat(tgs.at("/0/TargetGroupName").asText()).isEqualTo("api-blue");
        assertThat(tgs.at("/0/LoadBalancerArns/0").asText()).isEqualTo(blue.get("LoadBalancerArn").asText());

        JsonNode listeners = round2.get(2).get("Listeners");
        assertThat(listeners).hasSize(2);
        JsonNode https = find(listeners, "Protocol", "HTTPS");
        assertThat(https.get("Port").asInt()).isEqualTo(443);
        assertThat(https.at("/DefaultActions/0/Type").asText()).isEqualTo("fixed-response");

        JsonNode appTgs = round2.get(3).get("TargetGroups");
        String web = find(appTgs, "TargetGroupName", "app-web").get("TargetGroupArn").asText();
        String search = find(appTgs, "TargetGroupName", "app-search").get("TargetGroupArn").asText();
        String actions = "[{\"Type\":\"forward\",\"ForwardConfig\":{\"TargetGroups\":[{\"TargetGroupArn\":\"" + web
                + "\",\"Weight\":90},{\"TargetGroupArn\":\"" + search + "\",\"Weight\":10}]}}]";

        List<AwsCli.Result> round3 = stageCli.cli().parallel(stageCli.creds(), List.of(
                AwsCli.cmd("elbv2", "describe-target-health", "--target-group-arn", tgs.at("/0/TargetGroupArn").asText()),
                AwsCli.cmd("elbv2", "modify-listener", "--listener-arn", https.get("ListenerArn").asText(),
                        "--default-actions", actions),
                AwsCli.cmd("elbv2", "modify-listener", "--listener-arn", https.get("ListenerArn").asText(),
                        "--default-actions", actions.replace("\"Weight\":90", "\"Weight\":1000"))));
        assertThat(round3.get(0).exit()).as(round3.get(0).err()).isZero();
        JsonNode health = round3.get(0).json().get("TargetHealthDescriptions");
        assertThat(health).isNotEmpty();
        for (JsonNode d : health) {
            assertThat(d.at("/Target/Id").asText()).startsWith("i-0");
            assertThat(d.at("/Target/Port").asInt()).isBetween(32768, 60999);
            assertThat(d.at("/TargetHealth/State").asText()).isEqualTo("healthy");
        }

        assertThat(round3.get(1).exit()).as(round3.get(1).err()).isZero();
        JsonNode weights = round3.get(1).json().at("/Listeners/0/DefaultActions/0/ForwardConfig/TargetGroups");
        assertThat(weights).hasSize(2);
        assertThat(find(weights, "TargetGroupArn", web).get("Weight").asInt()).isEqualTo(90);
        assertThat(find(weights, "TargetGroupArn", search).get("Weight").asInt()).isEqualTo(10);

        AwsCli.Result tooHeavy = round3.get(2);
        assertThat(tooHeavy.exit()).isNotZero();
        assertThat(tooHeavy.err()).contains("ValidationError");
    }

    @Test
    void elbv2ModifyRuleWithWeightsReadsBackThroughDescribeRules() throws Exception {
        JsonNode lbs = aws("elbv2", "describe-load-balancers", "--names", "api-alb").get("LoadBalancers");
        String lb = lbs.at("/0/LoadBalancerArn").asText();
        List<JsonNode> found = stageCli.cli().okAll(stageCli.creds(), List.of(
                AwsCli.cmd("elbv2", "describe-listeners", "--load-balancer-arn", lb),
                AwsCli.cmd("elbv2", "describe-target-groups", "--names", "api-graphql", "api-admin")));
        String listener = find(found.get(0).get("Listeners"), "Protocol", "HTTPS").get("ListenerArn").asText();
        String graphql = found.get(1).at("/TargetGroups/0/TargetGroupArn").asText();
        String admin = found.get(1).at("/TargetGroups/1/TargetGroupArn").asText();
        JsonNode rules = aws("elbv2", "describe-rules", "--listener-arn", listener).get("Rules");
        String rule = null;
        for (JsonNode r : rules) {
            if (r.at("/Conditions/0/Values/0").asText().equals("api-graphql.stage.example.com")) {
                rule = r.get("RuleArn").asText();
            }
        }
        assertThat(rule).isNotNull();
        String actions = "[{\"Type\":\"forward\",\"ForwardConfig\":{\"TargetGroups\":[{\"TargetGroupArn\":\"" + graphql
                + "\",\"Weight\":95},{\"TargetGroupArn\":\"" + admin + "\",\"Weight\":5}],"
                + "\"TargetGroupStickinessConfig\":{\"Enabled\":true,\"DurationSeconds\":600}}}]";
        JsonNode modified = aws("elbv2", "modify-rule", "--rule-arn", rule, "--actions", actions).at("/Rules/0");
        List<AwsCli.Result> back = stageCli.cli().parallel(stageCli.creds(), List.of(
                AwsCli.cmd("elbv2", "describe-rules", "--rule-arns", rule),
                AwsCli.cmd("elbv2", "modify-rule", "--rule-arn", rule, "--actions",
                        actions.replace("\"Weight\":5}", "\"Weight\":5},{\"TargetGroupArn\":\"" + graphql + "\",\"Weight\":1}"))));
        assertThat(back.get(0).exit()).as(back.get(0).err()).isZero();
        JsonNode read = back.get(0).json().at("/Rules/0");
        assertThat(read).isEqualTo(modified);
        JsonNode weights = read.at("/Actions/0/ForwardConfig/TargetGroups");
        assertThat(weights).hasSize(2);
        assertThat(find(weights, "TargetGroupArn", graphql).get("Weight").asInt()).isEqualTo(95);
        assertThat(find(weights, "TargetGroupArn", admin).get("Weight").asInt()).isEqualTo(5);
        assertThat(read.at("/Actions/0/ForwardConfig/TargetGroupStickinessConfig/Enabled").asBoolean()).isTrue();
        assertThat(read.at("/Actions/0/ForwardConfig/TargetGroupStickinessConfig/DurationSeconds").asInt()).isEqualTo(600);
        assertThat(read.at("/Conditions/0/Values/0").asText()).isEqualTo("api-graphql.stage.example.com");
        assertThat(back.get(1).exit()).as("a target group twice in one forward").isNotZero();
        assertThat(back.get(1).err()).contains("ValidationError");
    }

    @Test
    void route53ListsChangesAndSyncsWithTheCli() throws Exception {
        JsonNode zones = aws("route53", "list-hosted-zones").get("HostedZones");
        JsonNode stage = find(zones, "Name", "stage.example.com.");
        String zoneId = stage.get("Id").asText();
        assertThat(zoneId).startsWith("/hostedzone/Z");
        assertThat(stage.at("/Config/PrivateZone").asBoolean()).isFalse();

        JsonNode records = aws("route53", "list-resource-record-sets", "--hosted-zone-id", zoneId, "--page-size", "5")
                .get("ResourceRecordSets");
        assertThat(records.size()).isEqualTo(stage.get("ResourceRecordSetCount").asInt());
        List<JsonNode> api = new ArrayList<>();
        records.forEach(r -> {
            if (r.get("Name").asText().equals("api.stage.example.com.")) {
                api.add(r);
            }
        });
        assertThat(api).hasSize(2);
        assertThat(api.get(0).get("SetIdentifier").asText()).isEqualTo("blue");
        assertThat(api.get(0).get("Weight").asLong()).isEqualTo(100);
        assertThat(api.get(1).get("SetIdentifier").asText()).isEqualTo("green");
        assertThat(api.get(1).get("Weight").asLong()).isEqualTo(0);
        String greenDns = api.get(1).at("/AliasTarget/DNSName").asText();
        assertThat(greenDns).startsWith("api-green-").endsWith(".elb.amazonaws.com.");

        String batch = "{\"Comment\":\"ten percent to green\",\"Changes\":[{\"Action\":\"UPSERT\",\"ResourceRecordSet\":"
                + "{\"Name\":\"api.stage.example.com.\",\"Type\":\"A\",\"SetIdentifier\":\"green\",\"Weight\":10,"
                + "\"AliasTarget\":{\"HostedZoneId\":\"Z35SXDOTRQ7X7K\",\"DNSName\":\"" + greenDns
                + "\",\"EvaluateTargetHealth\":false}}}]}";
        JsonNode change = aws("route53", "change-resource-record-sets", "--hosted-zone-id", zoneId, "--change-batch", batch)
                .get("ChangeInfo");
        assertThat(change.get("Status").asText()).isEqualTo("PENDING");
        assertThat(change.get("Id").asText()).startsWith("/change/C");
        assertThat(change.get("Comment").asText()).isEqualTo("ten percent to green");
        stageCli.sandbox().clock().advance(Duration.ofSeconds(61));
        List<AwsCli.Result> after = stageCli.cli().parallel(stageCli.creds(), List.of(
                AwsCli.cmd("route53", "get-change", "--id", change.get("Id").asText()),
                AwsCli.cmd("route53", "list-resource-record-sets", "--hosted-zone-id", zoneId,
                        "--start-record-name", "api.stage.example.com.", "--start-record-type", "A",
                        "--start-record-identifier", "green", "--max-items", "1"),
                AwsCli.cmd("route53", "change-resource-record-sets", "--hosted-zone-id", zoneId, "--change-batch",
                        batch.replace("UPSERT", "CREATE"))));
        assertThat(after.get(0).exit()).as(after.get(0).err()).isZero();
        assertThat(after.get(0).json().at("/ChangeInfo/Status").asText()).isEqualTo("INSYNC");
        assertThat(after.get(1).exit()).as(after.get(1).err()).isZero();
        assertThat(after.get(1).json().at("/ResourceRecordSets/0/Weight").asLong()).isEqualTo(10);
        AwsCli.Result existing = after.get(2);
        assertThat(existing.exit()).isNotZero();
        assertThat(existing.err()).contains("InvalidChangeBatch").contains("but it already exists");
    }
}
