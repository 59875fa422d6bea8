package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.InvalidInputException;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.NoSuchChangeException;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.PriorRequestNotCompleteException;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.Route53Exception;

/** Route 53 through the SDK: zones and records with pagination, atomic change batches, PENDING → INSYNC. */
class Route53Test {

    private static Sandbox sandbox;
    private static SdkClients clients;
    private static SdkClients net;
    private static AwsCredentials stageAdmin;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        clients = new SdkClients(sandbox);
        net = new SdkClients(sandbox);
        stageAdmin = clients.role("alice", "stage", "admin");
    }

    @AfterAll
    static void stop() {
        net.close();
        clients.close();
        sandbox.close();
    }

    private static HostedZone zone(Route53Client r53, String name) {
        return r53.listHostedZonesByName(b -> b.dnsName(name)).hostedZones().stream()
                .filter(z -> z.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<ResourceRecordSet> all(Route53Client r53, String zoneId, String maxItems) {
        List<ResourceRecordSet> out = new ArrayList<>();
        ListResourceRecordSetsResponse page = r53.listResourceRecordSets(b -> b.hostedZoneId(zoneId).maxItems(maxItems));
        out.addAll(page.resourceRecordSets());
        while (page.isTruncated()) {
            ListResourceRecordSetsResponse prev = page;
            page = r53.listResourceRecordSets(b -> b.hostedZoneId(zoneId).maxItems(maxItems)
                    .startRecordName(prev.nextRecordName()).startRecordType(prev.nextRecordType())
                    .startRecordIdentifier(prev.nextRecordIdentifier()));
            out.addAll(page.resourceRecordSets());
        }
        return out;
    }

    private static ResourceRecordSet weighted(String name, String id, long weight, String dns) {
        return ResourceRecordSet.builder().name(name).type(RRType.A).setIdentifier(id).weight(weight)
                .aliasTarget(a -> a.hostedZoneId("Z35SXDOTRQ7X7K").dnsName(dns).evaluateTargetHealth(false)).build();
    }

    private static Change change(ChangeAction action, ResourceRecordSet r) {
        return Change.builder().action(action).resourceRecordSet(r).build();
    }

    @Test
    void zonesAndRecordsPageLikeRoute53() {
        try (Route53Client r53 = net.route53(clients.role("carol", "prod", "readonly"))) {
            var first = r53.listHostedZones(b -> b.maxItems("1"));
            assertThat(first.hostedZones()).hasSize(1);
            assertThat(first.isTruncated()).isTrue();
            var second = r53.listHostedZones(b -> b.maxItems("1").marker(first.nextMarker()));
            assertThat(second.isTruncated()).isFalse();
            assertThat(List.of(first.hostedZones().get(0).name(), second.hostedZones().get(0).name()))
                    .containsExactlyInAnyOrder("example.com.", "prod.internal.");

            HostedZone example = zone(r53, "example.com.");
            assertThat(example.config().privateZone()).isFalse();
            assertThat(r53.getHostedZone(b -> b.id(example.id())).delegationSet().nameServers()).hasSize(4);

            List<ResourceRecordSet> everything = r53.listResourceRecordSets(b -> b.hostedZoneId(example.id()))
                    .resourceRecordSets();
            assertThat(everything.size()).isEqualTo(example.resourceRecordSetCount().intValue()).isGreaterThan(10);
            assertThat(all(r53, example.id(), "5")).isEqualTo(everything);
            assertThat(everything.get(0).name()).isEqualTo("example.com.");

            List<ResourceRecordSet> api = everything.stream().filter(r -> r.name().equals("api.example.com.")).toList();
            assertThat(api).extracting(ResourceRecordSet::setIdentifier, ResourceRecordSet::weight)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("blue", 100L), org.assertj.core.groups.Tuple.tuple("green", 0L));
            assertThat(api.get(0).aliasTarget().dnsName()).matches("api-blue-\\d+\\.us-east-1\\.elb\\.amazonaws\\.com\\.");
            assertThat(api.get(1).aliasTarget().dnsName()).startsWith("api-green-");

            var fromApi = r53.listResourceRecordSets(b -> b.hostedZoneId(example.id()).startRecordName("api.example.com.")
                    .startRecordType(RRType.A).startRecordIdentifier("green").maxItems("1"));
            assertThat(fromApi.resourceRecordSets().get(0).setIdentifier()).isEqualTo("green");

            assertThatThrownBy(() -> r53.listResourceRecordSets(b -> b.hostedZoneId("Z0NOSUCHZONE000000000")))
                    .isInstanceOf(NoSuchHostedZoneException.class);
            assertThatThrownBy(() -> r53.getChange(b -> b.id("C0NOSUCHCHANGE0000000")))
                    .isInstanceOf(NoSuchChangeException.class);
            assertThatThrownBy(() -> r53.changeResourceRecordSets(b -> b.hostedZoneId(example.id()).changeBatch(c -> c
                    .changes(change(ChangeAction.UPSERT, weighted("api.example.com.", "blue", 0, api.get(0).aliasTarget().dnsName()))))))
                    .isInstanceOfSatisfying(Route53Exception.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.statusCode()).isEqualTo(403);
                    });
        }
    }

    @Test
    void aChangeBatchIsValidatedWholeAndAppliedAtomicallyThenSyncs() {
        try (Route53Client r53 = net.route53(stageAdmin)) {
            HostedZone stage = zone(r53, "stage.example.com.");
            List<ResourceRecordSet> before = all(r53, stage.id(), "300");
            ResourceRecordSet blue = before.stream().filter(r -> "blue".equals(r.setIdentifier())).findFirst().orElseThrow();
            String blueDns = blue.aliasTarget().dnsName();

            assertThatThrownBy(() -> r53.changeResourceRecordSets(b -> b.hostedZoneId(stage.id()).changeBatch(c -> c
                    .changes(change(ChangeAction.CREATE, blue)))))
                    .isInstanceOfSatisfying(InvalidChangeBatchException.class, e -> assertThat(e.getMessage())
                            .contains("Tried to create resource record set [name='api.stage.example.com.', type='A', "
                                    + "set-identifier='blue'] but it already exists"));

            ResourceRecordSet canary = ResourceRecordSet.builder().name("canary.stage.example.com.").type(RRType.CNAME)
                    .ttl(60L).resourceRecords(r -> r.value(blueDns)).build();
            ResourceRecordSet missing = ResourceRecordSet.builder().name("gone.stage.example.com.").type(RRType.A)
                    .ttl(60L).resourceRecords(r -> r.value("10.0.0.1")).build();
            assertThatThrownBy(() -> r53.changeResourceRecordSets(b -> b.hostedZoneId(stage.id()).changeBatch(c -> c
                    .changes(change(ChangeAction.UPSERT, weighted("api.stage.example.com.", "blue", 10, blueDns)),
                            change(ChangeAction.CREATE, canary), change(ChangeAction.DELETE, missing)))))
                    .isInstanceOfSatisfying(InvalidChangeBatchException.class,
                            e -> assertThat(e.getMessage()).contains("but it was not found"));
            assertThat(all(r53, stage.id(), "300")).isEqualTo(before);

            assertThatThrownBy(() -> r53.changeResourceRecordSets(b -> b.hostedZoneId(stage.id()).changeBatch(c -> c
                    .changes(change(ChangeAction.UPSERT, weighted("api.stage.example.com.", "blue", 256, blueDns))))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("255"));
            assertThatThrownBy(() -> r53.changeResourceRecordSets(b -> b.hostedZoneId(stage.id()).changeBatch(c -> c
                    .changes(change(ChangeAction.UPSERT, weighted("api.stage.example.com.", "blue", 5,
                            "nowhere-1.us-east-1.elb.amazonaws.com."))))))
                    .isInstanceOf(InvalidChangeBatchException.class);

            var info = r53.changeResourceRecordSets(b -> b.hostedZoneId(stage.id()).changeBatch(c -> c.comment("ramp")
                    .changes(change(ChangeAction.UPSERT, weighted("api.stage.example.com.", "blue", 90, blueDns)),
                            change(ChangeAction.CREATE, canary)))).changeInfo();
            assertThat(info.status()).isEqualTo(ChangeStatus.PENDING);
            assertThat(info.comment()).isEqualTo("ramp");
            assertThat(all(r53, stage.id(), "300")).contains(canary)
                    .anySatisfy(r -> assertThat(r.weight()).isEqualTo(90L));
            assertThat(r53.getChange(b -> b.id(info.id())).changeInfo().status()).isEqualTo(ChangeStatus.PENDING);
            sandbox.clock().advance(Duration.ofSeconds(61));
            assertThat(r53.getChange(b -> b.id(info.id())).changeInfo().status()).isEqualTo(ChangeStatus.INSYNC);

            for (int i = 0; i < 3; i++) {
                long w = 80 - i;
                r53.changeResourceRecordSets(b -> b.hostedZoneId(stage.id()).changeBatch(c -> c
                        .changes(change(ChangeAction.UPSERT, weighted("api.stage.example.com.", "blue", w, blueDns)))));
            }
            assertThatThrownBy(() -> r53.changeResourceRecordSets(b -> b.hostedZoneId(stage.id()).changeBatch(c -> c
                    .changes(change(ChangeAction.UPSERT, weighted("api.stage.example.com.", "blue", 1, blueDns))))))
                    .isInstanceOf(PriorRequestNotCompleteException.class);
            sandbox.clock().advance(Duration.ofSeconds(120));
            r53.changeResourceRecordSets(b -> b.hostedZoneId(stage.id()).changeBatch(c -> c
                    .changes(change(ChangeAction.DELETE, canary))));
            assertThat(all(r53, stage.id(), "300")).doesNotContain(canary);
        }
    }
}
