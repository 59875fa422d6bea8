package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.InvalidInputException;
import software.amazon.awssdk.services.route53.model.PriorRequestNotCompleteException;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Route 53 as a weighted cutover and its lock use it, through the SDK: weights and set identifiers, the limit of 100
 * weighted sets, no mixing with a simple record, CREATE of an existing set and DELETE that must match, UPSERT, atomic
 * batches, PENDING → INSYNC on the sandbox clock, PriorRequestNotComplete, a lock TXT record round-tripping exactly,
 * and the fleet's records whose targets are in other accounts.
 */
class Route53CutoverTest {

    private static final String ALB_ZONE = "Z35SXDOTRQ7X7K";

    @RegisterExtension
    static final SandboxAdmins aws = new SandboxAdmins();

    private static String zone(Route53Client r53, String name) {
        return r53.listHostedZonesByName(b -> b.dnsName(name)).hostedZones().stream()
                .filter(z -> z.name().equals(name)).findFirst().orElseThrow().id();
    }

    private static List<ResourceRecordSet> records(Route53Client r53, String zoneId, String name) {
        List<ResourceRecordSet> out = new ArrayList<>();
        for (ResourceRecordSet r : r53.listResourceRecordSetsPaginator(b -> b.hostedZoneId(zoneId)).resourceRecordSets()) {
            if (r.name().equals(name)) {
                out.add(r);
            }
        }
        return out;
    }

    private static ResourceRecordSet weightedA(String name, String id, Long weight, String ip) {
        return ResourceRecordSet.builder().name(name).type(RRType.A).setIdentifier(id).weight(weight).ttl(60L)
                .resourceRecords(r -> r.value(ip)).build();
    }

    private static Change change(ChangeAction action, ResourceRecordSet r) {
        return Change.builder().action(action).resourceRecordSet(r).build();
    }

    private static ChangeInfo submit(Route53Client r53, String zoneId, Change... changes) {
        return r53.changeResourceRecordSets(b -> b.hostedZoneId(zoneId).changeBatch(c -> c.changes(changes))).changeInfo();
    }

    /** Moves the sandbox clock until every change submitted so far is INSYNC (at most 60 s each, in order). */
    private static void settle() {
        aws.sandbox().clock().advance(Duration.ofMinutes(4));
    }

    private static void invalidBatch(Route53Client r53, String zoneId, String message, Change... changes) {
        assertThatThrownBy(() -> submit(r53, zoneId, changes))
                .isInstanceOfSatisfying(InvalidChangeBatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidChangeBatch");
                    assertThat(e.getMessage()).contains(message);
                });
    }

    private static void invalidInput(Route53Client r53, String zoneId, String message, Change... changes) {
        assertThatThrownBy(() -> submit(r53, zoneId, changes))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains(message));
    }

    @Test
    void weightedSetsAreValidatedAndBatchesApplyWholeOrNotAtAll() {
        try (Route53Client r53 = aws.clients().route53(aws.stageAdmin())) {
            String z = zone(r53, "stage.example.com.");
            String name = "shop.stage.example.com.";
            invalidInput(r53, z, "255", change(ChangeAction.CREATE, weightedA(name, "a", 256L, "10.0.0.1")));
            invalidInput(r53, z, "greater than or equal to 0", change(ChangeAction.CREATE, weightedA(name, "a", -1L, "10.0.0.1")));
            invalidInput(r53, z, "SetIdentifier", change(ChangeAction.CREATE, weightedA(name, null, 5L, "10.0.0.1")));
            invalidInput(r53, z, "Weight", change(ChangeAction.CREATE, weightedA(name, "a", null, "10.0.0.1")));

            ChangeInfo created = submit(r53, z, change(ChangeAction.CREATE, weightedA(name, "a", 0L, "10.0.0.1")),
                    change(ChangeAction.CREATE, weightedA(name, "b", 255L, "10.0.0.2")));
            assertThat(created.status()).isEqualTo(ChangeStatus.PENDING);
            assertThat(records(r53, z, name)).extracting(ResourceRecordSet::setIdentifier, ResourceRecordSet::weight)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 0L), org.assertj.core.groups.Tuple.tuple("b", 255L));

            invalidBatch(r53, z, "Tried to create resource record set [name='" + name + "', type='A', "
                    + "set-identifier='a'] but it already exists", change(ChangeAction.CREATE, weightedA(name, "a", 9L, "10.0.0.9")));
            ResourceRecordSet simple = ResourceRecordSet.builder().name(name).type(RRType.A).ttl(60L)
                    .resourceRecords(r -> r.value("10.0.0.3")).build();
            invalidBatch(r53, z, "cannot be created as other RRSets exist", change(ChangeAction.CREATE, simple));
            // one bad change spoils the batch: the good UPSERT before it is not applied
            invalidBatch(r53, z, "but the values provided do not match the current values",
                    change(ChangeAction.UPSERT, weightedA(name, "a", 100L, "10.0.0.1")),
                    change(ChangeAction.DELETE, weightedA(name, "b", 254L, "10.0.0.2")));
            assertThat(records(r53, z, name)).extracting(ResourceRecordSet::weight).containsExactly(0L, 255L);

            settle();
            ChangeInfo upsert = submit(r53, z, change(ChangeAction.UPSERT, weightedA(name, "a", 100L, "10.0.0.1")),
                    change(ChangeAction.UPSERT, weightedA(name, "c", 1L, "10.0.0.4")));
            assertThat(records(r53, z, name)).extracting(ResourceRecordSet::setIdentifier, ResourceRecordSet::weight)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 100L),
                            org.assertj.core.groups.Tuple.tuple("b", 255L), org.assertj.core.groups.Tuple.tuple("c", 1L));
            // PENDING for 30–60 sandbox seconds, then INSYNC
            aws.sandbox().clock().advance(Duration.ofSeconds(29));
            assertThat(r53.getChange(b -> b.id(upsert.id())).changeInfo().status()).isEqualTo(ChangeStatus.PENDING);
            aws.sandbox().clock().advance(Duration.ofSeconds(32));
            var synced = r53.getChange(b -> b.id(upsert.id())).changeInfo();
            assertThat(synced.status()).isEqualTo(ChangeStatus.INSYNC);
            assertThat(synced.submittedAt()).isEqualTo(upsert.submittedAt());

            submit(r53, z, change(ChangeAction.DELETE, weightedA(name, "a", 100L, "10.0.0.1")),
                    change(ChangeAction.DELETE, weightedA(name, "b", 255L, "10.0.0.2")),
                    change(ChangeAction.DELETE, weightedA(name, "c", 1L, "10.0.0.4")));
            assertThat(records(r53, z, name)).isEmpty();
            settle();
        }
    }

    @Test
    void aNameAndTypeHoldsAtMostOneHundredWeightedSets() {
        try (Route53Client r53 = aws.clients().route53(aws.stageAdmin())) {
            String z = zone(r53, "stage.example.com.");
            String name = "many.stage.example.com.";
            List<Change> hundred = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                hundred.add(change(ChangeAction.CREATE, weightedA(name, "set-" + i, (long) i, "10.1.0." + (i + 1))));
            }
            submit(r53, z, hundred.toArray(Change[]::new));
            invalidBatch(r53, z, "the limit of 100 weighted resource record sets",
                    change(ChangeAction.CREATE, weightedA(name, "set-100", 1L, "10.1.1.1")));
            assertThat(records(r53, z, name)).hasSize(100);

            List<Change> upserts = new ArrayList<>(); // an UPSERT's records count twice towards the 1,000 of a batch
            for (int i = 0; i < 501; i++) {
                upserts.add(change(ChangeAction.UPSERT, ResourceRecordSet.builder().name("bulk-" + i + ".stage.example.com.")
                        .type(RRType.A).ttl(60L).resourceRecords(r -> r.value("10.3.0.1")).build()));
            }
            invalidBatch(r53, z, "Number of records limit of 1000 exceeded", upserts.toArray(Change[]::new));
            settle();
        }
    }

    @Test
    void aZoneWithChangesStillPendingRefusesTheNextWithPriorRequestNotComplete() {
        try (Route53Client r53 = aws.clients().route53(aws.stageAdmin())) {
            String z = zone(r53, "stage.internal.");
            settle();
            List<ChangeInfo> pending = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                pending.add(submit(r53, z, change(ChangeAction.UPSERT, weightedA("queue.stage.internal.", "q", (long) i,
                        "10.2.0.1"))));
            }
            assertThatThrownBy(() -> submit(r53, z, change(ChangeAction.UPSERT, weightedA("queue.stage.internal.", "q",
                    9L, "10.2.0.1"))))
                    .isInstanceOfSatisfying(PriorRequestNotCompleteException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PriorRequestNotComplete");
                        assertThat(e.getMessage()).contains("still processing a prior request");
                    });
            // the SDK counts it among the retryable error codes: a client with its standard strategy tries again
            aws.sandbox().control().recordRequests(true);
            try (Route53Client retrying = Route53Client.builder().endpointOverride(aws.sandbox().endpoint())
                    .region(software.amazon.awssdk.regions.Region.AWS_GLOBAL)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(aws.stageAdmin()))
                    .overrideConfiguration(o -> o.retryStrategy(
                            software.amazon.awssdk.awscore.retry.AwsRetryStrategy.standardRetryStrategy()))
                    .build()) {
                assertThatThrownBy(() -> submit(retrying, z, change(ChangeAction.UPSERT,
                        weightedA("queue.stage.internal.", "q", 9L, "10.2.0.1"))))
                        .isInstanceOf(PriorRequestNotCompleteException.class);
            } finally {
                aws.sandbox().control().recordRequests(false);
            }
            assertThat(aws.sandbox().control().recordedRequests().stream()
                    .filter(r -> r.method().equals("POST") && r.path().contains("/rrset"))
                    .map(SandboxControl.RecordedRequest::status)).containsExactly(400, 400, 400);
            assertThat(records(r53, z, "queue.stage.internal.")).extracting(ResourceRecordSet::weight).containsExactly(2L);
            // another zone is not held up
            submit(r53, zone(r53, "stage.example.com."), change(ChangeAction.UPSERT,
                    weightedA("queue.stage.example.com.", "q", 1L, "10.2.0.1")));
            // once the oldest is INSYNC the zone takes the next
            aws.sandbox().clock().advance(Duration.ofSeconds(61));
            assertThat(r53.getChange(b -> b.id(pending.get(0).id())).changeInfo().status()).isEqualTo(ChangeStatus.INSYNC);
            submit(r53, z, change(ChangeAction.UPSERT, weightedA("queue.stage.internal.", "q", 9L, "10.2.0.1")));
            settle();
        }
    }

    @Test
    void aLockRecordIsCreatedOnceAndDeletedOnlyWithItsExactValue() {
        try (Route53Client r53 = aws.clients().route53(aws.prodAdmin())) {
            String z = zone(r53, "example.com.");
            settle();
            String name = "_harbormaster-lock.api.example.com.";
            ResourceRecordSet lock = ResourceRecordSet.builder().name(name).type(RRType.TXT).ttl(10L)
                    .resourceRecords(r -> r.value("\"holder=alice@laptop\" \"since=2026-12-06T03:00:00Z\" "
                            + "\"cutover=c-42; weights \\\"blue=100\\\"\"")).build();
            ResourceRecordSet other = lock.toBuilder().resourceRecords(r -> r.value("\"holder=bob@desk\"")).build();

            submit(r53, z, change(ChangeAction.CREATE, lock));
            assertThat(records(r53, z, name)).containsExactly(lock);
            invalidBatch(r53, z, "Tried to create resource record set [name='" + name + "', type='TXT'] but it "
                    + "already exists", change(ChangeAction.CREATE, other));
            invalidBatch(r53, z, "but the values provided do not match", change(ChangeAction.DELETE, other));
            invalidBatch(r53, z, "Value should be enclosed in quotation marks", change(ChangeAction.CREATE,
                    other.toBuilder().name("_x." + name).resourceRecords(r -> r.value("holder=bob")).build()));
            invalidBatch(r53, z, "CharacterStringTooLong", change(ChangeAction.CREATE,
                    other.toBuilder().name("_y." + name).resourceRecords(r -> r.value("\"" + "x".repeat(256) + "\"")).build()));
            assertThat(records(r53, z, name)).containsExactly(lock);

            submit(r53, z, change(ChangeAction.DELETE, lock));
            assertThat(records(r53, z, name)).isEmpty();
            submit(r53, z, change(ChangeAction.CREATE, other)); // free again: the next holder takes it
            assertThat(records(r53, z, name)).containsExactly(other);
            settle();
        }
    }

    @Test
    void theFleetHoldsWeightedRecordsAcrossAccountsWithDifferentTtls() {
        String stageApp;
        String stageBlue;
        String stageGreen;
        try (ElasticLoadBalancingV2Client elb = aws.clients().elb(aws.stageAdmin())) {
            stageApp = elb.describeLoadBalancers(b -> b.names("app-alb")).loadBalancers().get(0).dnsName();
            stageBlue = elb.describeLoadBalancers(b -> b.names("api-blue")).loadBalancers().get(0).dnsName();
            stageGreen = elb.describeLoadBalancers(b -> b.names("api-green")).loadBalancers().get(0).dnsName();
        }
        try (Route53Client r53 = aws.clients().route53(aws.prodAdmin()); ElasticLoadBalancingV2Client elb = aws.clients().elb(aws.prodAdmin())) {
            String prodApp = elb.describeLoadBalancers(b -> b.names("app-alb")).loadBalancers().get(0).dnsName();
            String z = zone(r53, "example.com.");
            List<ResourceRecordSet> www = records(r53, z, "www.example.com.");
            assertThat(www).extracting(ResourceRecordSet::setIdentifier, ResourceRecordSet::weight)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("prod", 0L), org.assertj.core.groups.Tuple.tuple("stage", 100L));
            assertThat(www.get(0).aliasTarget().dnsName()).isEqualTo(prodApp + ".");
            assertThat(www.get(1).aliasTarget().dnsName()).as("an alias to another account's load balancer")
                    .isEqualTo(stageApp + ".");
            assertThat(www.get(1).aliasTarget().hostedZoneId()).isEqualTo(ALB_ZONE);
            assertThat(www.get(1).ttl()).isNull();

            List<ResourceRecordSet> beta = records(r53, z, "beta.example.com.");
            assertThat(beta).extracting(ResourceRecordSet::type, ResourceRecordSet::setIdentifier, ResourceRecordSet::weight,
                    ResourceRecordSet::ttl).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(RRType.CNAME, "blue", 100L, 300L),
                    org.assertj.core.groups.Tuple.tuple(RRType.CNAME, "green", 0L, 300L));
            assertThat(beta.get(0).resourceRecords().get(0).value()).isEqualTo(stageBlue);
            assertThat(beta.get(1).resourceRecords().get(0).value()).isEqualTo(stageGreen);

            // the cutover's own change: prod's zone re-weighs an alias to stage's load balancer
            settle();
            submit(r53, z, change(ChangeAction.UPSERT, www.get(1).toBuilder().weight(50L).build()),
                    change(ChangeAction.UPSERT, www.get(0).toBuilder().weight(50L).build()));
            assertThat(records(r53, z, "www.example.com.")).extracting(ResourceRecordSet::weight).containsExactly(50L, 50L);
            invalidBatch(r53, z, "alias target name does not lie within the target zone", change(ChangeAction.UPSERT,
                    www.get(1).toBuilder().aliasTarget(a -> a.hostedZoneId(ALB_ZONE).evaluateTargetHealth(false)
                            .dnsName("gone-123456789.us-east-1.elb.amazonaws.com.")).build()));
            settle();
        }
    }
}
