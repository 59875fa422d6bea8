package io.harbormaster.sandbox.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed access to a JSON-protocol request body. A member of the wrong JSON type is AWS's SerializationException;
 * a missing required member is whatever the service answers for it (ECS: InvalidParameterException).
 */
public final class JsonParams {

    private final ObjectNode node;
    private final Function<String, AwsException> missing;

    public JsonParams(ObjectNode node, Function<String, AwsException> missing) {
        this.node = node;
        this.missing = missing;
    }

    public ObjectNode node() {
        return node;
    }

    public boolean has(String name) {
        JsonNode n = node.get(name);
        return n != null && !n.isNull();
    }

    public String string(String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode()) {
            throw serialization(name, n, "a string");
        }
        return n.asText();
    }

    public String requiredString(String name) {
        String v = string(name);
        if (v == null || v.isEmpty()) {
            throw missing.apply(name);
        }
        return v;
    }

    public Integer integer(String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return n.intValue();
        }
        throw serialization(name, n, "an integer");
    }

    public Boolean bool(String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        throw serialization(name, n, "a boolean");
    }

    /** A list of strings; null when absent. */
    public List<String> strings(String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw serialization(name, n, "a list");
        }
        List<String> out = new ArrayList<>(n.size());
        for (JsonNode e : n) {
            if (!e.isValueNode() || e.isNull()) {
                throw serialization(name, e, "a string");
            }
            out.add(e.asText());
        }
        return out;
    }

    /** A list of structures; null when absent. */
    public List<JsonParams> objects(String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw serialization(name, n, "a list");
        }
        List<JsonParams> out = new ArrayList<>(n.size());
        for (JsonNode e : n) {
            if (!e.isObject()) {
                throw serialization(name, e, "a structure");
            }
            out.add(new JsonParams((ObjectNode) e, missing));
        }
        return out;
    }

    /** A nested structure; null when absent. */
    public JsonParams object(String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw serialization(name, n, "a structure");
        }
        return new JsonParams((ObjectNode) n, missing);
    }

    public Iterable<Map.Entry<String, JsonNode>> fields() {
        return node.properties();
    }

    public static AwsException serialization(String name, JsonNode found, String expected) {
        String what = found.getNodeType() == JsonNodeType.OBJECT ? "Start of structure or map"
                : found.getNodeType() == JsonNodeType.ARRAY ? "Start of list"
                : found.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " value";
        return new AwsException("SerializationException",
                what + " found where not expected: member '" + name + "' must be " + expected + ".");
    }
}
