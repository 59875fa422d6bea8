package io.harbormaster.sandbox.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.harbormaster.sandbox.core.HttpEndpoint;
import io.harbormaster.sandbox.iam.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * The same operations over the protocols CloudWatch accepts. SDK 2.59.1 sends RPC v2 CBOR (checked here on the
 * wire, and call by call in {@link CloudWatchSdkCborTest}); CBOR and JSON 1.0 requests built by hand, as other
 * clients send them, must get the same answers. The query protocol is the aws CLI's ({@code CloudWatchCliTest}).
 */
class CloudWatchProtocolsTest {

    static TelemetrySandbox sandbox;
    static CloudWatchClient cw;
    static Session session;
    static Instant now;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper CBOR = new CBORMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        sandbox = new TelemetrySandbox();
        now = sandbox.now();
        sandbox.telemetry.add(TelemetrySandbox.DEV, CloudWatchMetricsTest.LATENCY, now.minus(Duration.ofHours(2)),
                FakeTelemetry.latencies(100, 0.08));
        sandbox.telemetry.level(TelemetrySandbox.DEV, CloudWatchMetricsTest.CPU, now.minus(Duration.ofHours(2)), m -> 55.5);
        cw = sandbox.cloudWatch(TelemetrySandbox.DEV, "admin");
        session = sandbox.session(TelemetrySandbox.DEV, "admin");
    }

    @AfterAll
    static void stop() {
        cw.close();
        sandbox.close();
    }

    // ---------------------------------------------------------------- request building

    private static Map<String, Object> getMetricDataInput() {
        Map<String, Object> in = new LinkedHashMap<>();
        List<Object> queries = new ArrayList<>();
        for (String stat : List.of("Average", "p99")) {
            queries.add(Map.of("Id", stat.toLowerCase(), "MetricStat", Map.of(
                    "Metric", Map.of("Namespace", "AWS/ApplicationELB", "MetricName", "TargetResponseTime",
                            "Dimensions", List.of(
                                    Map.of("Name", "LoadBalancer", "Value", "app/dev-api/50dc6c495c0c9188"),
                                    Map.of("Name", "TargetGroup", "Value", "targetgroup/dev-api/943f017f100becff"))),
                    "Period", 300, "Stat", stat)));
        }
        in.put("MetricDataQueries", queries);
        in.put("StartTime", now.minus(Duration.ofHours(1)));
        in.put("EndTime", now);
        return in;
    }

    private static String authorization(String service) {
        return "AWS4-HMAC-SHA256 Credential=" + session.accessKeyId() + "/20260101/us-east-1/" + service
                + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64);
    }

    /** CBOR as the Smithy RPC v2 CBOR protocol encodes it: timestamps are tag 1 + float64 epoch seconds. */
    static byte[] cbor(Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = new CBORFactory().createGenerator(out)) {
            write(g, value);
        }
        return out.toByteArray();
    }

    private static void write(CBORGenerator g, Object v) throws IOException {
        if (v instanceof Map<?, ?> m) {
            g.writeStartObject(m, m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray(l, l.size());
            for (Object o : l) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Instant t) {
            g.writeTag(1);
            g.writeNumber(t.getEpochSecond() + t.getNano() / 1e9);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    static HttpResponse<byte[]> cborCall(String op, byte[] body, boolean protocolHeader) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/service/GraniteServiceVersion20100801/operation/" + op))
                .header("Content-Type", "application/cbor").header("Accept", "application/cbor")
                .header("Authorization", authorization("monitoring")).header("X-Amz-Security-Token", session.sessionToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (protocolHeader) {
            b.header("Smithy-Protocol", "rpc-v2-cbor");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> jsonCall(String op, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(sandbox.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "GraniteServiceVersion20100801." + op)
                .header("Authorization", authorization("monitoring")).header("X-Amz-Security-Token", session.sessionToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** JSON 1.0 encodes timestamps as epoch seconds. */
    static String json(Map<String, Object> in) throws IOException {
        Map<String, Object> copy = new LinkedHashMap<>(in);
        copy.replaceAll((k, v) -> v instanceof Instant t ? t.getEpochSecond() : v);
        return JSON.writeValueAsString(copy);
    }

    // ---------------------------------------------------------------- tests

    @Test
    void sdk259SendsRpcV2Cbor() {
        HttpEndpoint http = sandbox.http();
        http.setRecording(true);
        try {
            cw.listMetrics(b -> b.namespace("AWS/ECS"));
        } finally {
            http.setRecording(false);
        }
        HttpEndpoint.Recorded r = http.recorded().get(http.recorded().size() - 1);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/service/GraniteServiceVersion20100801/operation/ListMetrics");
        assertThat(r.headers().get("content-type")).startsWith("application/cbor");
        assertThat(r.headers().get("smithy-protocol")).isEqualTo("rpc-v2-cbor");
        assertThat(r.headers().get("authorization")).contains("/us-east-1/monitoring/aws4_request");
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void getMetricDataIsTheSameInAllThreeProtocols() throws Exception {
        Map<String, Object> in = getMetricDataInput();
        GetMetricDataResponse query = cw.getMetricData(b -> b.startTime((Instant) in.get("StartTime")).endTime((Instant) in.get("EndTime"))
                .metricDataQueries(CloudWatchMetricsTest.query("average", CloudWatchMetricsTest.LATENCY, "Average", 300),
                        CloudWatchMetricsTest.query("p99", CloudWatchMetricsTest.LATENCY, "p99", 300)));

        HttpResponse<byte[]> c = cborCall("GetMetricData", cbor(in), true);
        assertThat(c.statusCode()).isEqualTo(200);
        assertThat(c.headers().firstValue("smithy-protocol")).contains("rpc-v2-cbor");
        assertThat(c.headers().firstValue("content-type")).contains("application/cbor");
        JsonNode cborOut = CBOR.readTree(c.body());
        assertThat(timestampTags(c.body())).as("every timestamp is CBOR tag 1").containsOnly(1).hasSize(24);

        HttpResponse<String> j = jsonCall("GetMetricData", json(in));
        assertThat(j.statusCode()).isEqualTo(200);
        assertThat(j.headers().firstValue("content-type")).contains("application/x-amz-json-1.0");
        JsonNode jsonOut = JSON.readTree(j.body());

        for (int q = 0; q < 2; q++) {
            MetricDataResult expected = query.metricDataResults().get(q);
            for (JsonNode out : List.of(cborOut, jsonOut)) {
                JsonNode r = out.get("MetricDataResults").get(q);
                assertThat(r.get("Id").asText()).isEqualTo(expected.id());
                assertThat(r.get("StatusCode").asText()).isEqualTo("Complete");
                assertThat(r.get("Values")).hasSize(12);
                for (int i = 0; i < 12; i++) {
                    assertThat(r.get("Values").get(i).asDouble()).isEqualTo(expected.values().get(i));
                    assertThat(r.get("Timestamps").get(i).asDouble()).isEqualTo(expected.timestamps().get(i).getEpochSecond());
                }
            }
        }
    }

    /** The CBOR tags in front of the numbers of the Timestamps arrays. */
    private static List<Integer> timestampTags(byte[] body) throws IOException {
        List<Integer> tags = new ArrayList<>();
        try (CBORParser p = new CBORFactory().createParser(body)) {
            boolean inTimestamps = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    inTimestamps = p.currentName().equals("Timestamps");
                } else if (inTimestamps && t.isNumeric()) {
                    tags.add(p.getCurrentTag());
                    assertThat(p.getNumberType()).isEqualTo(JsonParser.NumberType.DOUBLE);
                }
            }
        }
        return tags;
    }

    @Test
    void listMetricsAndDescribeAlarmsOverCborAndJson() throws Exception {
        cw.putMetricAlarm(b -> b.alarmName("cpu").namespace("AWS/ECS").metricName("CPUUtilization").statistic("Average")
                .period(60).evaluationPeriods(1).threshold(50.0).comparisonOperator("GreaterThanThreshold"));
        JsonNode metrics = CBOR.readTree(cborCall("ListMetrics", cbor(Map.of("Namespace", "AWS/ECS")), true).body());
        assertThat(metrics.get("Metrics")).hasSize(1);
        assertThat(metrics.at("/Metrics/0/Dimensions")).hasSize(2);
        JsonNode alarms = CBOR.readTree(cborCall("DescribeAlarms", new byte[0], true).body());
        assertThat(alarms.at("/MetricAlarms/0/AlarmName").asText()).isEqualTo("cpu");
        assertThat(alarms.at("/MetricAlarms/0/StateValue").asText()).isEqualTo("INSUFFICIENT_DATA");
        JsonNode viaJson = JSON.readTree(jsonCall("DescribeAlarms", "{\"AlarmNamePrefix\":\"c\"}").body());
        assertThat(viaJson.at("/MetricAlarms/0/AlarmArn").asText()).endsWith(":alarm:cpu");
        assertThat(viaJson.at("/MetricAlarms/0/StateUpdatedTimestamp").isNumber()).isTrue();
        JsonNode put = CBOR.readTree(cborCall("PutMetricData", cbor(Map.of("Namespace", "Mine", "MetricData",
                List.of(Map.of("MetricName", "Jobs", "Value", 3.0, "Timestamp", now.minusSeconds(30))))), true).body());
        assertThat(put.isObject()).isTrue();
        assertThat(cw.listMetrics(b -> b.namespace("Mine")).metrics()).hasSize(1);
    }

    @Test
    void errorsInEachProtocolsShape() throws Exception {
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            many.add(Map.of("Id", "q" + i, "MetricStat", Map.of("Metric", Map.of("Namespace", "AWS/ECS", "MetricName", "CPUUtilization"),
                    "Period", 60, "Stat", "Average")));
        }
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("MetricDataQueries", many);
        in.put("StartTime", now.minus(Duration.ofHours(1)));
        in.put("EndTime", now);

        HttpResponse<byte[]> c = cborCall("GetMetricData", cbor(in), true);
        assertThat(c.statusCode()).isEqualTo(400);
        assertThat(c.headers().firstValue("smithy-protocol")).contains("rpc-v2-cbor");
        assertThat(c.headers().firstValue("x-amzn-query-error")).contains("ValidationError;Sender");
        JsonNode err = CBOR.readTree(c.body());
        assertThat(err.get("__type").asText()).isEqualTo("com.amazonaws.cloudwatch#ValidationException");
        assertThat(err.get("message").asText()).contains("less than or equal to 500");

        HttpResponse<String> j = jsonCall("GetMetricData", json(in));
        assertThat(j.statusCode()).isEqualTo(400);
        assertThat(j.headers().firstValue("x-amzn-query-error")).contains("ValidationError;Sender");
        assertThat(JSON.readTree(j.body()).get("__type").asText()).isEqualTo("ValidationException");

        HttpResponse<String> aws = jsonCall("PutMetricData", "{\"Namespace\":\"AWS/ECS\",\"MetricData\":[{\"MetricName\":\"x\",\"Value\":1}]}");
        assertThat(JSON.readTree(aws.body()).get("__type").asText()).isEqualTo("InvalidParameterValueException");
        assertThat(aws.headers().firstValue("x-amzn-query-error")).contains("InvalidParameterValue;Sender");
        HttpResponse<String> missing = jsonCall("ListMetrics", "{\"Dimensions\":[{\"Value\":\"x\"}]}");
        assertThat(JSON.readTree(missing.body()).get("__type").asText()).isEqualTo("MissingRequiredParameterException");
        HttpResponse<String> wrongType = jsonCall("ListMetrics", "{\"Namespace\":[1]}");
        assertThat(JSON.readTree(wrongType.body()).get("__type").asText()).isEqualTo("SerializationException");

        HttpResponse<byte[]> noHeader = cborCall("ListMetrics", cbor(Map.of()), false);
        assertThat(noHeader.statusCode()).isEqualTo(400);
        HttpResponse<byte[]> unknown = cborCall("DescribeDashboards", cbor(Map.of()), true);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(CBOR.readTree(unknown.body()).get("__type").asText()).endsWith("#UnknownOperationException");
        HttpResponse<byte[]> garbage = cborCall("ListMetrics", new byte[] {(byte) 0xff, 0x01}, true);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(CBOR.readTree(garbage.body()).get("__type").asText()).endsWith("#SerializationException");
        HttpResponse<byte[]> token = cborCall("ListMetrics", cbor(Map.of("NextToken", "bogus")), true);
        assertThat(token.headers().firstValue("x-amzn-query-error")).contains("InvalidNextToken;Sender");
    }
}
