package io.harbormaster.app.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.harbormaster.model.fleet.FleetSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A saved fleet as bytes: {@link ArchivedFleet} as JSON, gzipped. Gzip pays: the JSON repeats cluster and task
 * definition ARNs and the same few event sentences thousands of times (2,000 services with 2,000 task definitions:
 * 8.3 MB of JSON, 0.43 MB stored). The fastest level is used because a save follows every load: the default level
 * stored a fifth less but took over twice as long (FleetArchiveSizeTest prints the numbers).
 */
final class FleetArchiveCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            // Empty texts and lists are left out of each record (map entries are all kept: a target group with no targets
            // is still a target group).
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                    JsonInclude.Include.ALWAYS))
            // A newer build may add fields within the same format; they are simply not read here.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("instants").addSerializer(Instant.class, new InstantWriter())
                    .addDeserializer(Instant.class, new InstantReader()))
            .build();

    private FleetArchiveCodec() {
    }

    static byte[] encode(FleetSnapshot snapshot) throws IOException {
        ArchivedFleet archived = ArchivedFleet.of(snapshot);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (OutputStream out = new FastGzip(bytes)) {
            JSON.writeValue(out, archived);
        }
        return bytes.toByteArray();
    }

    /** @throws IOException when the bytes are not a saved fleet of {@link ArchivedFleet#FORMAT} */
    static FleetSnapshot decode(byte[] bytes, String environmentId, String region, Instant asOf) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
            ArchivedFleet archived = JSON.readValue(in, ArchivedFleet.class);
            if (archived == null) {
                throw new IOException("the saved fleet is empty");
            }
            return archived.toSnapshot(environmentId, region, asOf);
        } catch (RuntimeException invalid) {
            // Parsed, but not a fleet the model accepts (a negative count, a service twice): unreadable all the same.
            throw new IOException("the saved fleet is not valid: " + invalid.getMessage(), invalid);
        }
    }

    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    /**
     * Epoch milliseconds when the instant has no finer part (ECS's times never do), else ISO-8601 so that nothing
     * is lost: a saved fleet reads back equal to what was saved.
     */
    private static final class InstantWriter extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (value.getNano() % 1_000_000 == 0) {
                gen.writeNumber(value.toEpochMilli());
            } else {
                gen.writeString(value.toString());
            }
        }
    }

    private static final class InstantReader extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return Instant.ofEpochMilli(p.getLongValue());
            }
            try {
                return Instant.parse(p.getValueAsString());
            } catch (RuntimeException e) {
                throw new IOException("not a time: " + p.getText(), e);
            }
        }
    }
}
