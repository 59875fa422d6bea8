package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Bad requests in every protocol — missing parameters, wrong types, malformed JSON / XML / CBOR bodies, unknown
 * actions, targets and paths, over-limit batches, empty bodies — get an AWS-shaped 4xx error with the right code,
 * never a 500 and never a hang. Requests are built by hand (an SDK would refuse to send most of them), carrying dev's
 * admin session in a SigV4-shaped Authorization header (signatures are not verified).
 */
class BadRequestsTest {

    static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    static final String LOGS = "Logs_20140328.";
    static final String CW_JSON = "GraniteServiceVersion20100801.";
    static final String CW_CBOR = "/service/GraniteServiceVersion20100801/operation/";
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    static final String JSON11 = "application/x-amz-json-1.1";
    static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    static Sandbox sandbox;
    static AwsSessionCredentials dev;
    /** dev.example.com.'s zone id, put where a row's path says ZONE. */
    static String zone;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        try (SdkClients clients = new SdkClients(sandbox)) {
            dev = (AwsSessionCredentials) clients.role("alice", "dev", "admin");
        }
        try (SdkClients net = new SdkClients(sandbox);
             var route53 = net.route53(dev)) {
            zone = route53.listHostedZonesByName(b -> b.dnsName("dev.example.com.")).hostedZones().get(0).id()
                    .replace("/hostedzone/", "");
        }
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** One bad request: how it is sent, and the status and code AWS would answer. */
    record Bad(String name, String method, String path, String scope, Map<String, String> headers, byte[] body,
               int status, String code) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static Bad json(String name, String target, String body, int status, String code) {
        String scope = target.startsWith(LOGS) ? "logs" : target.startsWith(CW_JSON) ? "monitoring" : "ecs";
        String type = target.startsWith(CW_JSON) ? "application/x-amz-json-1.0" : JSON11;
        return new Bad(name, "POST", "/", scope, Map.of("X-Amz-Target", target, "Content-Type", type),
                body.getBytes(StandardCharsets.UTF_8), status, code);
    }

    private static Bad query(String name, String scope, String body, int status, String code) {
        return new Bad(name, "POST", "/", scope, Map.of("Content-Type", FORM), body.getBytes(StandardCharsets.UTF_8),
                status, code);
    }

    private static Bad cbor(String name, String op, byte[] body, int status, String code) {
        return new Bad(name, "POST", CW_CBOR + op, "monitoring",
                Map.of("Content-Type", "application/cbor", "Smithy-Protocol", "rpc-v2-cbor", "Accept", "application/cbor"),
                body, status, code);
    }

    private static Bad route53(String name, String method, String path, String body, int status, String code) {
        return new Bad(name, method, path, "route53", body == null ? Map.of() : Map.of("Content-Type", "application/xml"),
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), status, code);
    }

    private static byte[] cborOf(Object value) {
        try {
            return CBOR.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String members(String prefix, int n, String value) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append('&').append(prefix).append(i).append('=').append(value).append(i);
        }
        return b.toString();
    }

    private static String jsonList(int n, String value) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add("\"" + value + i + "\"");
        }
        return "[" + String.join(",", items) + "]";
    }

    static Stream<Bad> badRequests() {
        String zonePath = "/2013-04-01/hostedzone/";
        String cwQueries501 = members("MetricDataQueries.member.", 501, "q").replaceAll("member\\.(\\d+)=q\\d+",
                "member.$1.Id=q$1&MetricDataQueries.member.$1.Expression=1");
        return Stream.of(
                // ECS, JSON 1.1
                json("ecs: unknown target", ECS + "NoSuchOperation", "{}", 400, "UnknownOperationException"),
                json("ecs: malformed JSON", ECS + "DescribeServices", "{\"cluster\":", 400, "SerializationException"),
                json("ecs: body is a list", ECS + "DescribeServices", "[]", 400, "SerializationException"),
                json("ecs: empty body, services missing", ECS + "DescribeServices", "", 400, "InvalidParameterException"),
                json("ecs: services of the wrong type", ECS + "DescribeServices", "{\"services\":\"api\"}", 400, "SerializationException"),
                json("ecs: 11 services", ECS + "DescribeServices", "{\"cluster\":\"dev\",\"services\":" + jsonList(11, "s") + "}", 400, "InvalidParameterException"),
                json("ecs: 101 tasks", ECS + "DescribeTasks", "{\"cluster\":\"dev\",\"tasks\":" + jsonList(101, "t") + "}", 400, "InvalidParameterException"),
                json("ecs: maxResults a string", ECS + "ListServices", "{\"cluster\":\"dev\",\"maxResults\":\"ten\"}", 400, "SerializationException"),
                json("ecs: maxResults 101", ECS + "ListServices", "{\"cluster\":\"dev\",\"maxResults\":101}", 400, "InvalidParameterException"),
                json("ecs: desiredCount a string", ECS + "UpdateService", "{\"cluster\":\"dev\",\"service\":\"api\",\"desiredCount\":\"many\"}", 400, "SerializationException"),
                json("ecs: update without service", ECS + "UpdateService", "{\"cluster\":\"dev\"}", 400, "InvalidParameterException"),
                json("ecs: task definition without containers", ECS + "RegisterTaskDefinition", "{\"family\":\"x\"}", 400, "ClientException"),
                json("ecs: containers of the wrong type", ECS + "RegisterTaskDefinition", "{\"family\":\"x\",\"containerDefinitions\":{\"a\":1}}", 400, "SerializationException"),
                json("ecs: unknown cluster", ECS + "ListServices", "{\"cluster\":\"nope\"}", 400, "ClusterNotFoundException"),
                json("unknown JSON service", "NoSuchService_20200101.Op", "{}", 400, "UnknownOperationException"),
                // STS, query
                query("sts: unknown action", "sts", "Action=NoSuchAction&Version=2011-06-15", 400, "InvalidAction"),
                query("sts: no action", "sts", "Version=2011-06-15", 400, "MissingAction"),
                query("sts: empty body", "sts", "", 400, "MissingAction"),
                query("sts: AssumeRole without RoleArn", "sts", "Action=AssumeRole&Version=2011-06-15&RoleSessionName=x", 400, "ValidationError"),
                query("sts: DurationSeconds not a number", "sts", "Action=AssumeRole&Version=2011-06-15&RoleArn=arn:aws:iam::222222222222:role/readonly&RoleSessionName=x&DurationSeconds=long", 400, "ValidationError"),
                // ELBv2, query
                query("elbv2: unknown action", "elasticloadbalancing", "Action=NoSuchAction&Version=2015-12-01", 400, "InvalidAction"),
                query("elbv2: PageSize not a number", "elasticloadbalancing", "Action=DescribeLoadBalancers&Version=2015-12-01&PageSize=many", 400, "ValidationError"),
                query("elbv2: 21 load balancer ARNs", "elasticloadbalancing", "Action=DescribeLoadBalancers&Version=2015-12-01" + members("LoadBalancerArns.member.", 21, "arn"), 400, "ValidationError"),
                query("elbv2: target health without group", "elasticloadbalancing", "Action=DescribeTargetHealth&Version=2015-12-01", 400, "ValidationError"),
                query("elbv2: modify listener without ARN", "elasticloadbalancing", "Action=ModifyListener&Version=2015-12-01", 400, "ValidationError"),
                query("elbv2: empty body", "elasticloadbalancing", "", 400, "MissingAction"),
                // CloudWatch, query
                query("cloudwatch: unknown action", "monitoring", "Action=NoSuchAction&Version=2010-08-01", 400, "InvalidAction"),
                query("cloudwatch: GetMetricData without queries", "monitoring", "Action=GetMetricData&Version=2010-08-01&StartTime=2026-01-01T00:00:00Z&EndTime=2026-01-01T01:00:00Z", 400, "MissingParameter"),
                query("cloudwatch: StartTime not a time", "monitoring", "Action=GetMetricStatistics&Version=2010-08-01&Namespace=AWS/ECS&MetricName=CPUUtilization&StartTime=yesterday&EndTime=2026-01-01T01:00:00Z&Period=60&Statistics.member.1=Average", 400, "ValidationError"),
                query("cloudwatch: 501 queries", "monitoring", "Action=GetMetricData&Version=2010-08-01&StartTime=2026-01-01T00:00:00Z&EndTime=2026-01-01T01:00:00Z" + cwQueries501, 400, "ValidationError"),
                // CloudWatch, JSON 1.0
                json("cloudwatch json: unknown target", CW_JSON + "NoSuchOperation", "{}", 400, "UnknownOperationException"),
                json("cloudwatch json: malformed JSON", CW_JSON + "ListMetrics", "{\"Namespace\":", 400, "SerializationException"),
                json("cloudwatch json: queries of the wrong type", CW_JSON + "GetMetricData", "{\"MetricDataQueries\":\"q\",\"StartTime\":0,\"EndTime\":60}", 400, "SerializationException"),
                // CloudWatch, RPC v2 CBOR
                cbor("cloudwatch cbor: unknown operation", "NoSuchOperation", cborOf(Map.of()), 404, "UnknownOperationException"),
                cbor("cloudwatch cbor: malformed CBOR", "ListMetrics", new byte[] {(byte) 0xbf, 0x61}, 400, "SerializationException"),
                cbor("cloudwatch cbor: not a map", "ListMetrics", cborOf(List.of(1, 2)), 400, "SerializationException"),
                cbor("cloudwatch cbor: empty body, queries missing", "GetMetricData", new byte[0], 400, "MissingParameter"),
                cbor("cloudwatch cbor: queries of the wrong type", "GetMetricData", cborOf(Map.of("MetricDataQueries", "q")), 400, "SerializationException"),
                // CloudWatch Logs, JSON 1.1
                json("logs: unknown target", LOGS + "NoSuchOperation", "{}", 400, "UnknownOperationException"),
                json("logs: malformed JSON", LOGS + "FilterLogEvents", "{\"logGroupName\"", 400, "SerializationException"),
                json("logs: empty body, group missing", LOGS + "FilterLogEvents", "", 400, "InvalidParameterException"),
                json("logs: limit a string", LOGS + "FilterLogEvents", "{\"logGroupName\":\"/ecs/api\",\"limit\":\"lots\"}", 400, "SerializationException"),
                json("logs: limit over 10,000", LOGS + "FilterLogEvents", "{\"logGroupName\":\"/ecs/api\",\"limit\":10001}", 400, "InvalidParameterException"),
                json("logs: bad filter pattern", LOGS + "FilterLogEvents", "{\"logGroupName\":\"/ecs/api\",\"filterPattern\":\"{ $.a = \"}", 400, "InvalidParameterException"),
                json("logs: no events", LOGS + "PutLogEvents", "{\"logGroupName\":\"/ecs/api\",\"logStreamName\":\"x\",\"logEvents\":[]}", 400, "InvalidParameterException"),
                // Route 53, REST-XML
                route53("route53: unknown zone", "GET", zonePath + "ZNOSUCHZONE", null, 404, "NoSuchHostedZone"),
                route53("route53: unknown change", "GET", "/2013-04-01/change/CNOSUCHCHANGE", null, 404, "NoSuchChange"),
                route53("route53: unknown path", "GET", "/2013-04-01/nosuchthing", null, 404, "InvalidAction"),
                route53("route53: maxitems not a number", "GET", "/2013-04-01/hostedzone?maxitems=many", null, 400, "InvalidInput"),
                route53("route53: maxitems negative", "GET", "/2013-04-01/hostedzone?maxitems=-1", null, 400, "InvalidInput"),
                route53("route53: a record set without type", "POST", zonePath + "ZONE/rrset/", "<?xml version=\"1.0\"?>"
                        + "<ChangeResourceRecordSetsRequest xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><ChangeBatch><Changes>"
                        + "<Change><Action>UPSERT</Action><ResourceRecordSet><Name>x.dev.example.com.</Name><TTL>60</TTL>"
                        + "</ResourceRecordSet></Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>", 400, "InvalidInput"),
                route53("route53: malformed XML", "POST", zonePath + "ZONE/rrset/", "<ChangeResourceRecordSetsRequest><ChangeBatch>", 400, "InvalidInput"),
                route53("route53: empty change body", "POST", zonePath + "ZONE/rrset/", "", 400, "InvalidInput"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersAnAwsShapedClientError(Bad bad) throws Exception {
        String date = "20260101";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.endpoint() + bad.path().replace("/ZONE/", "/" + zone + "/")))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + dev.accessKeyId() + "/" + date + "/us-east-1/"
                        + bad.scope() + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=00")
                .header("X-Amz-Date", date + "T000000Z")
                .header("X-Amz-Security-Token", dev.sessionToken())
                .method(bad.method(), bad.body().length == 0 && bad.method().equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bad.body()));
        bad.headers().forEach(b::header);
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        String body = bad.path().startsWith(CW_CBOR) && r.body().length > 0 && (r.body()[0] & 0xE0) == 0xA0
                ? CBOR.readTree(r.body()).toString() : new String(r.body(), StandardCharsets.UTF_8);
        String errorType = r.headers().firstValue("x-amzn-query-error").orElse("");
        assertThat(r.statusCode()).as("%s answered %s", bad, body).isEqualTo(bad.status());
        assertThat(body + " " + errorType).as("%s", bad).contains(bad.code());
        assertThat(body).doesNotContain("InternalFailure").doesNotContain("Exception: ").doesNotContain("\tat ");
    }
}
