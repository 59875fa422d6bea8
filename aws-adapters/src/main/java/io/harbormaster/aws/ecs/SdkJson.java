package io.harbormaster.aws.ecs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * An SDK model object's fields as JSON text under their API names, and back, driven by the SDK's own field
 * descriptions ({@link SdkPojo#sdkFields()}): a task definition's every field is carried from DescribeTaskDefinition
 * to RegisterTaskDefinition without this code naming them, including fields newer than it. Keys sorted, so the same
 * value always gives the same text. Members the service did not send (auto-constructed empties) are left out.
 */
final class SdkJson {

    private static final JsonNodeParser PARSER = JsonNode.parser();

    private SdkJson() {
    }

    /** Whether the object carries {@code field} (null and never-sent collections do not count). */
    static boolean present(SdkField<?> field, Object pojo) {
        Object value = field.getValueOrDefault(pojo);
        return value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap);
    }

    /** One field's value as JSON text. */
    static String write(SdkField<?> field, Object pojo) {
        StringBuilder out = new StringBuilder();
        writeValue(field.getValueOrDefault(pojo), field, out);
        return out.toString();
    }

    /**
     * Sets {@code field} on {@code builder} from JSON text written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the field when the text is not JSON of the field's shape (malformed,
     *                                  another type, a number out of range, nested past any real definition)
     */
    static void read(SdkField<?> field, Object builder, String json) {
        Object value;
        try {
            value = value(field, PARSER.parse(json));
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException("field '" + field.locationName() + "' is not valid: " + reason(e), e);
        }
        field.set(builder, value);
    }

    private static String reason(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "nested too deep";
        }
        if (e instanceof UnsupportedOperationException) {
            return "a value of another type than ECS takes here";
        }
        String message = String.valueOf(e.getMessage());
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    private static void writeValue(Object value, SdkField<?> field, StringBuilder out) {
        MarshallingType<?> type = field.marshallingType();
        if (value == null) {
            out.append("null");
        } else if (type == MarshallingType.SDK_POJO) {
            writePojo((SdkPojo) value, out);
        } else if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            out.append('[');
            boolean first = true;
            for (Object item : (List<?>) value) {
                out.append(first ? "" : ",");
                first = false;
                writeScalarOrNested(item, member, out);
            }
            out.append(']');
        } else if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, ?> e : new TreeMap<>((Map<String, ?>) value).entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(e.getKey(), out);
                out.append(':');
                writeScalarOrNested(e.getValue(), member, out);
            }
            out.append('}');
        } else {
            scalar(value, out);
        }
    }

    private static void writeScalarOrNested(Object item, SdkField<?> member, StringBuilder out) {
        if (item instanceof SdkPojo pojo) {
            writePojo(pojo, out);
        } else if (item instanceof List<?> || item instanceof Map<?, ?>) {
            writeValue(item, member, out);
        } else if (item == null) {
            out.append("null");
        } else {
            scalar(item, out);
        }
    }

    private static void writePojo(SdkPojo pojo, StringBuilder out) {
        Map<String, SdkField<?>> fields = new TreeMap<>();
        for (SdkField<?> f : pojo.sdkFields()) {
            if (present(f, pojo)) {
                fields.put(f.locationName(), f);
            }
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, SdkField<?>> e : fields.entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            string(e.getKey(), out);
            out.append(':');
            writeValue(e.getValue().getValueOrDefault(pojo), e.getValue(), out);
        }
        out.append('}');
    }

    private static void scalar(Object value, StringBuilder out) {
        if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Instant i) {
            string(i.toString(), out);
        } else if (value instanceof SdkBytes b) {
            string(Base64.getEncoder().encodeToString(b.asByteArray()), out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName() + " as JSON");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static Object value(SdkField<?> field, JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            return pojo(field.constructor(), node);
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            node.asArray().forEach(n -> list.add(value(member, n)));
            return list;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new TreeMap<>();
            node.asObject().forEach((k, v) -> map.put(k, value(member, v)));
            return map;
        }
        if (type == MarshallingType.STRING) {
            return node.asString();
        }
        if (type == MarshallingType.INTEGER) {
            return Integer.valueOf(node.asNumber());
        }
        if (type == MarshallingType.LONG) {
            return Long.valueOf(node.asNumber());
        }
        if (type == MarshallingType.DOUBLE) {
            return Double.valueOf(node.asNumber());
        }
        if (type == MarshallingType.FLOAT) {
            return Float.valueOf(node.asNumber());
        }
        if (type == MarshallingType.BOOLEAN) {
            return node.asBoolean();
        }
        if (type == MarshallingType.INSTANT) {
            return Instant.parse(node.asString());
        }
        if (type == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(node.asString()));
        }
        throw new IllegalArgumentException("field " + field.memberName() + " of type " + type + " is not supported");
    }

    private static Object pojo(Supplier<SdkPojo> constructor, JsonNode node) {
        SdkPojo builder = constructor.get();
        Map<String, JsonNode> members = node.asObject();
        for (SdkField<?> f : builder.sdkFields()) {
            JsonNode member = members.get(f.locationName());
            if (member != null) {
                f.set(builder, value(f, member));
            }
        }
        return ((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) builder).build();
    }
}
