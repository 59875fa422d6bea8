package io.harbormaster.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import io.harbormaster.sandbox.core.Xml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The output of a CloudWatch operation is built once as a document (timestamps as {@link Instant} POJO nodes) and
 * written in each protocol's shape: query XML ({@code <member>} lists, {@code <entry>} maps, ISO 8601 times),
 * JSON 1.0 (epoch-second numbers) or RPC v2 CBOR (tag 1 + float64 epoch seconds, definite-length containers).
 */
final class Wire {

    /** Members that are maps, not structures (the query protocol writes them as key/value entries). */
    private static final Set<String> MAPS = Set.of("ExtendedStatistics");
    static final CBORFactory CBOR = new CBORFactory();

    private Wire() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static POJONode time(Instant t) {
        return new POJONode(t);
    }

    // ---------------------------------------------------------------- query XML

    static void xml(ObjectNode out, Xml x) {
        for (Map.Entry<String, JsonNode> e : out.properties()) {
            xmlMember(e.getKey(), e.getValue(), x);
        }
    }

    private static void xmlMember(String name, JsonNode v, Xml x) {
        if (v == null || v.isNull()) {
            return;
        }
        if (v.isArray()) {
            x.open(name);
            for (JsonNode el : v) {
                xmlMember("member", el, x);
            }
            x.close(name);
        } else if (v.isObject() && MAPS.contains(name)) {
            x.open(name);
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                x.open("entry").leaf("key", e.getKey());
                xmlMember("value", e.getValue(), x);
                x.close("entry");
            }
            x.close(name);
        } else if (v.isObject()) {
            x.open(name);
            xml((ObjectNode) v, x);
            x.close(name);
        } else {
            x.leaf(name, scalar(v));
        }
    }

    private static String scalar(JsonNode v) {
        if (v instanceof POJONode p && p.getPojo() instanceof Instant t) {
            return t.toString();
        }
        if (v.isFloatingPointNumber()) {
            return number(v.doubleValue());
        }
        return v.asText();
    }

    /** A double as AWS's XML writes it: plain decimals, no exponent for ordinary magnitudes. */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d) + ".0";
        }
        return BigDecimal.valueOf(d).toPlainString();
    }

    // ---------------------------------------------------------------- JSON 1.0

    static JsonNode json(JsonNode v) {
        if (v instanceof POJONode p && p.getPojo() instanceof Instant t) {
            return t.getNano() == 0 ? JsonNodeFactory.instance.numberNode(t.getEpochSecond())
                    : JsonNodeFactory.instance.numberNode(BigDecimal.valueOf(t.toEpochMilli(), 3));
        }
        if (v.isObject()) {
            ObjectNode o = object();
            v.properties().forEach(e -> o.set(e.getKey(), json(e.getValue())));
            return o;
        }
        if (v.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            v.forEach(el -> a.add(json(el)));
            return a;
        }
        return v;
    }

    // ---------------------------------------------------------------- RPC v2 CBOR

    static byte[] cbor(JsonNode v) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (CBORGenerator g = CBOR.createGenerator(bytes)) {
            writeCbor(v, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeCbor(JsonNode v, CBORGenerator g) throws IOException {
        if (v instanceof POJONode p && p.getPojo() instanceof Instant t) {
            g.writeTag(1);
            g.writeNumber(t.getEpochSecond() + t.getNano() / 1e9);
        } else if (v.isObject()) {
            g.writeStartObject(v, v.size());
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                g.writeFieldName(e.getKey());
                writeCbor(e.getValue(), g);
            }
            g.writeEndObject();
        } else if (v.isArray()) {
            g.writeStartArray(v, v.size());
            for (JsonNode el : v) {
                writeCbor(el, g);
            }
            g.writeEndArray();
        } else if (v.isBoolean()) {
            g.writeBoolean(v.booleanValue());
        } else if (v.isIntegralNumber()) {
            g.writeNumber(v.longValue());
        } else if (v.isNumber()) {
            g.writeNumber(v.doubleValue());
        } else if (v.isNull()) {
            g.writeNull();
        } else {
            g.writeString(v.asText());
        }
    }
}
