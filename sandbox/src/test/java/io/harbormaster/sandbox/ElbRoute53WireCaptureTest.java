package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * What SDK 2.40.2 puts on the wire for ELBv2 and Route 53, recorded so the handlers answer observed requests:
 * ELBv2 is the query protocol signed for "elasticloadbalancing"; Route 53 is REST-XML signed for route53 in
 * aws-global, and passes ids with their "/hostedzone/" or "/change/" prefix into the path as given.
 */
class ElbRoute53WireCaptureTest {

    @Test
    void sdkSendsQueryForElbv2AndRestXmlForRoute53() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests()); SdkClients clients = new SdkClients(sandbox);
             SdkClients net = new SdkClients(sandbox)) {
            var creds = clients.role("alice", "dev", "admin");
            sandbox.control().recordRequests(true);
            try (var elb = net.elb(creds); var r53 = net.route53(creds)) {
                elb.describeLoadBalancers(b -> b.names("dev-alb").pageSize(5));
                String zone = r53.listHostedZones(b -> b.maxItems("2")).hostedZones().get(0).id();
                r53.getHostedZone(b -> b.id("/hostedzone/" + zone));
                r53.listResourceRecordSets(b -> b.hostedZoneId(zone).startRecordName("api.dev.example.com.")
                        .startRecordType(RRType.A).maxItems("5"));
            }
            List<SandboxControl.RecordedRequest> wire = sandbox.control().recordedRequests();
            wire.forEach(r -> System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "WIRE " + r.method() + " " + r.path()
                    + "\n     " + r.body()));
            var describe = wire.get(0);
            assertThat(describe.headers().get("content-type")).startsWith("application/x-www-form-urlencoded");
            assertThat(describe.body()).isEqualTo("Action=DescribeLoadBalancers&Version=2015-12-01&Names.member.1=dev-alb&PageSize=5");
            assertThat(describe.headers().get("authorization")).contains("/us-east-1/elasticloadbalancing/aws4_request");
            assertThat(wire.get(1).path()).isEqualTo("/2013-04-01/hostedzone?maxitems=2");
            assertThat(wire.get(1).headers().get("authorization")).contains("/aws-global/route53/aws4_request");
            assertThat(wire.get(2).path()).matches("/2013-04-01/hostedzone//hostedzone/Z0[0-9A-Z]{19}");
            assertThat(wire.get(3).path()).matches("/2013-04-01/hostedzone/Z0[0-9A-Z]{19}/rrset"
                    + "\\?name=api\\.dev\\.example\\.com\\.&type=A&maxitems=5");
            assertThat(wire).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        }
    }
}
