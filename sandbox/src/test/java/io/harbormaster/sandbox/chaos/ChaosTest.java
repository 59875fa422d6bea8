package io.harbormaster.sandbox.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.sandbox.core.SandboxRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The fault rules' language and the injector's choices: which requests, how many, for how long, the same each run. */
class ChaosTest {

    private static SandboxRequest ecs(String op, String region) {
        return new SandboxRequest("POST", "/", "", Map.of(
                "x-amz-target", List.of("AmazonEC2ContainerServiceV20141113." + op),
                "authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIA/20261206/" + region + "/ecs/aws4_request, x")),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static SandboxRequest sts(String action) {
        return new SandboxRequest("POST", "/", "", Map.of(
                "content-type", List.of("application/x-www-form-urlencoded"),
                "authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIA/20261206/us-east-1/sts/aws4_request, x")),
                ("Action=" + action + "&Version=2011-06-15").getBytes(StandardCharsets.UTF_8));
    }

    private static SandboxRequest route53(String method, String path) {
        return new SandboxRequest(method, path, "", Map.of(
                "authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIA/20261206/us-east-1/route53/aws4_request, x")),
                new byte[0]);
    }

    @Test
    void route53OperationsAreToldApartByMethodAndPath() {
        assertThat(RequestTarget.of(route53("POST", "/2013-04-01/hostedzone/Z1/rrset/")).operation())
                .isEqualTo("ChangeResourceRecordSets");
        assertThat(RequestTarget.of(route53("GET", "/2013-04-01/hostedzone/Z1/rrset")).operation())
                .isEqualTo("ListResourceRecordSets");
        assertThat(RequestTarget.of(route53("GET", "/2013-04-01/change/C1")).operation()).isEqualTo("GetChange");
        assertThat(RequestTarget.of(route53("GET", "/2013-04-01/hostedzone")).operation()).isEqualTo("ListHostedZones");
        try (Chaos chaos = new Chaos(1, System::nanoTime)) {
            chaos.add(FaultRule.parse("reset:route53.ChangeResourceRecordSets"));
            assertThat(chaos.plan(route53("POST", "/2013-04-01/hostedzone/Z1/rrset/")).kind()).isEqualTo(FaultKind.CONNECTION_RESET);
            assertThat(chaos.plan(route53("GET", "/2013-04-01/hostedzone/Z1/rrset")).kind()).isNull();
        }
    }

    @Test
    void rulesReadAsWrittenAndWriteBack() {
        FaultRule r = FaultRule.parse("internal-failure:ecs.DescribeServices@eu-west-1,rate=0.25,for=30s");
        assertThat(r.kind()).isEqualTo(FaultKind.INTERNAL_FAILURE);
        assertThat(r.service()).isEqualTo("ecs");
        assertThat(r.operation()).isEqualTo("DescribeServices");
        assertThat(r.region()).isEqualTo("eu-west-1");
        assertThat(r.rate()).isEqualTo(0.25);
        assertThat(r.period()).isEqualTo(Duration.ofSeconds(30));
        assertThat(FaultRule.parse(r.spec())).isEqualTo(r);
        assertThat(FaultRule.parse("slow").ms()).isEqualTo(35_000);
        assertThat(FaultRule.parse("skew").seconds()).isEqualTo(900);
        assertThat(FaultRule.parse("region-down@ap-south-1").service()).isEqualTo("*");
    }

    @Test
    void badRulesSayWhatIsWrong() {
        assertThatThrownBy(() -> FaultRule.parse("5xx:ecs")).hasMessageContaining("unknown fault '5xx'");
        assertThatThrownBy(() -> FaultRule.parse("throttle:ecs,rate=2")).hasMessageContaining("rate must be in (0, 1]");
        assertThatThrownBy(() -> FaultRule.parse("throttle:ecs,colour=red")).hasMessageContaining("unknown option 'colour'");
        assertThatThrownBy(() -> FaultRule.parse("throttle ecs")).hasMessageContaining("expected kind");
    }

    @Test
    void rulesPickByServiceOperationAndRegion() {
        try (Chaos chaos = new Chaos(1, System::nanoTime)) {
            chaos.add(FaultRule.parse("throttle:ecs.ListClusters@us-east-1"));
            chaos.add(FaultRule.parse("unavailable:sts.AssumeRole"));
            assertThat(chaos.plan(ecs("ListClusters", "us-east-1")).kind()).isEqualTo(FaultKind.THROTTLING);
            assertThat(chaos.plan(ecs("ListClusters", "eu-west-1")).kind()).isNull();
            assertThat(chaos.plan(ecs("ListServices", "us-east-1")).kind()).isNull();
            assertThat(chaos.plan(sts("AssumeRole")).error().queryCode()).isEqualTo("ServiceUnavailable");
            assertThat(chaos.plan(sts("GetCallerIdentity")).kind()).isNull();
            assertThat(chaos.injected()).containsEntry(FaultKind.THROTTLING, 1L).containsEntry(FaultKind.SERVICE_UNAVAILABLE, 1L);
        }
    }

    @Test
    void theSameSeedMakesTheSameChoices() {
        List<String> first = choices(7);
        assertThat(choices(7)).isEqualTo(first);
        assertThat(choices(8)).isNotEqualTo(first);
        long picked = first.stream().filter(c -> !c.equals("-")).count();
        assertThat(picked).as("rate 0.3 of 1,000 calls").isBetween(240L, 360L);
    }

    private static List<String> choices(long seed) {
        List<String> out = new ArrayList<>();
        try (Chaos chaos = new Chaos(seed, System::nanoTime)) {
            chaos.add(FaultRule.parse("latency:ecs,rate=0.3,ms=100"));
            for (int i = 0; i < 1000; i++) {
                Chaos.Plan p = chaos.plan(ecs("DescribeServices", "us-east-1"));
                out.add(p.kind() == null ? "-" : Long.toString(p.delayMs()));
            }
        }
        return out;
    }

    @Test
    void latencyHasALongTailCappedAtTwentyTimesTheBase() {
        List<Long> delays = new ArrayList<>();
        try (Chaos chaos = new Chaos(3, System::nanoTime)) {
            chaos.add(FaultRule.parse("latency,ms=100"));
            for (int i = 0; i < 2000; i++) {
                delays.add(chaos.plan(ecs("ListClusters", "us-east-1")).delayMs());
            }
        }
        delays.sort(null);
        assertThat(delays.get(0)).isGreaterThanOrEqualTo(100);
        assertThat(delays.get(1000)).as("median").isBetween(100L, 200L);
        assertThat(delays.get(1979)).as("99th percentile").isGreaterThan(1000L);
        assertThat(delays.get(1999)).isEqualTo(2000L);
    }

    @Test
    void aRuleForAPeriodEndsOnTime() {
        AtomicLong nanos = new AtomicLong();
        try (Chaos chaos = new Chaos(1, nanos::get)) {
            chaos.add(FaultRule.parse("internal-failure:ecs,for=10s"));
            nanos.set(Duration.ofSeconds(9).toNanos());
            assertThat(chaos.plan(ecs("ListClusters", "us-east-1")).kind()).isEqualTo(FaultKind.INTERNAL_FAILURE);
            nanos.set(Duration.ofSeconds(10).toNanos());
            assertThat(chaos.plan(ecs("ListClusters", "us-east-1")).kind()).isNull();
            assertThat(chaos.rules()).isEmpty();
        }
    }

    @Test
    void clockSkewOnlyTroublesRequestsSignedOutsideFiveMinutes() {
        try (Chaos chaos = new Chaos(1, System::nanoTime)) {
            chaos.add(FaultRule.parse("skew,seconds=200"));
            SandboxRequest r = signedAt(java.time.Instant.now());
            assertThat(chaos.plan(r).kind()).isNull();
            chaos.clear();
            chaos.add(FaultRule.parse("skew,seconds=-600"));
            Chaos.Plan p = chaos.plan(signedAt(java.time.Instant.now()));
            assertThat(p.error().jsonCode()).isEqualTo("InvalidSignatureException");
            assertThat(p.error().queryCode()).isEqualTo("SignatureDoesNotMatch");
            assertThat(p.error().getMessage()).startsWith("Signature not yet current:");
            assertThat(p.headers()).containsKey("Date");
        }
    }

    private static SandboxRequest signedAt(java.time.Instant t) {
        String date = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC).format(t);
        return new SandboxRequest("POST", "/", "", Map.of("x-amz-target", List.of("AmazonEC2ContainerServiceV20141113.ListClusters"),
                "x-amz-date", List.of(date)), new byte[0]);
    }
}
