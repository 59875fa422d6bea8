package io.harbormaster.app.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentFile;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A team's environment definitions as one versioned JSON document:
 * <pre>{@code {"format":"harbormaster-environments","version":1,"environments":[{"id":"prod", ...}]}}</pre>
 * Reading checks everything before returning anything, so a bad file imports nothing; every problem names the
 * file and, where Jackson knows it, the line and column. Writing goes through a temporary file, so an existing
 * file is replaced whole or not at all.
 */
public final class JsonEnvironmentFile implements EnvironmentFile {

    public static final String FORMAT = "harbormaster-environments";
    public static final int VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(List<Environment> environments, Path file) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode list = root.putArray("environments");
        for (Environment e : environments) {
            ObjectNode node = list.addObject();
            node.put("id", e.id());
            node.put("displayName", e.displayName());
            node.put("profileName", e.profileName());
            node.put("loginProfile", e.loginProfile());
            node.put("accountId", e.accountId());
            node.put("roleArn", e.roleArn());
            ArrayNode regions = node.putArray("regions");
            e.regions().forEach(regions::add);
            node.put("colour", e.colour());
            node.put("production", e.production());
            node.put("readOnly", e.readOnly());
            node.put("order", e.order());
        }
        Path target = file.toAbsolutePath();
        try {
            Path parent = target.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path temp = Files.createTempFile(parent, target.getFileName().toString(), ".tmp");
            try {
                mapper.writeValue(temp.toFile(), root);
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new OperatorException(new Problem(Problem.Kind.STORAGE, "Environments not exported",
                    "Could not write " + file + ": " + e.getMessage(),
                    "Choose a folder you can write to, or check the disk has space.", e.toString()), e);
        }
    }

    @Override
    public List<Environment> read(Path file) {
        List<Located> located = new ArrayList<>();
        String format = null;
        Integer version = null;
        boolean sawEnvironments = false;
        try (java.io.InputStream in = Files.newInputStream(file); JsonParser parser = mapper.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(file, parser.currentTokenLocation(), "the file is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                JsonLocation where = parser.currentTokenLocation();
                switch (name) {
                    case "format" -> format = value == JsonToken.VALUE_STRING ? parser.getText() : "";
                    case "version" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT) {
                            throw invalid(file, where, "\"version\" must be a whole number");
                        }
                        version = parser.getIntValue();
                    }
                    case "environments" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw invalid(file, where, "\"environments\" must be a list");
                        }
                        sawEnvironments = true;
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            JsonLocation at = parser.currentTokenLocation();
                            located.add(new Located(mapper.readTree(parser), at));
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw invalid(file, parser.currentTokenLocation(), "unexpected content after the document");
            }
        } catch (JsonProcessingException e) {
            throw invalid(file, e.getLocation(), e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            throw new OperatorException(new Problem(Problem.Kind.INVALID_INPUT, "Environment file not found",
                    file + " does not exist.", "Choose the file again.", e.toString()), e);
        } catch (IOException e) {
            throw new OperatorException(new Problem(Problem.Kind.INVALID_INPUT, "Environment file cannot be read",
                    "Could not read " + file + ": " + e.getMessage(), "Check the file and its permissions.",
                    e.toString()), e);
        }
        if (!FORMAT.equals(format)) {
            throw invalid(file, null, "this is not a Harbormaster environments file (\"format\" should be \""
                    + FORMAT + "\"" + (format == null ? ", and is missing" : ", was \"" + format + "\"") + ")");
        }
        if (version == null || version != VERSION) {
            throw invalid(file, null, "version " + (version == null ? "is missing" : version + " is not supported")
                    + "; this Harbormaster reads version " + VERSION);
        }
        if (!sawEnvironments) {
            throw invalid(file, null, "there is no \"environments\" list");
        }
        List<Environment> environments = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < located.size(); i++) {
            Located entry = located.get(i);
            Environment environment = environment(file, i + 1, entry);
            if (!ids.add(environment.id())) {
                throw invalid(file, entry.location(), "environment " + (i + 1) + ": id \"" + environment.id()
                        + "\" appears twice");
            }
            environments.add(environment);
        }
        return List.copyOf(environments);
    }

    private record Located(JsonNode node, JsonLocation location) {
    }

    private static Environment environment(Path file, int number, Located entry) {
        JsonNode node = entry.node();
        String which = "environment " + number;
        if (!node.isObject()) {
            throw invalid(file, entry.location(), which + " is not a JSON object");
        }
        if (node.hasNonNull("id")) {
            which += " (\"" + node.get("id").asText() + "\")";
        }
        try {
            JsonNode regions = node.get("regions");
            List<String> regionList = new ArrayList<>();
            if (regions != null && regions.isArray()) {
                regions.forEach(r -> regionList.add(r.isTextual() ? r.asText() : null));
            } else if (regions != null && regions.isTextual()) {
                throw new IllegalArgumentException("\"regions\" must be a list, e.g. [\"eu-west-1\"]");
            }
            return new Environment(text(node, "id"), text(node, "displayName"), text(node, "profileName"),
                    text(node, "loginProfile"), text(node, "accountId"), text(node, "roleArn"), regionList,
                    text(node, "colour"), flag(node, "production"), flag(node, "readOnly"),
                    node.path("order").asInt(number));
        } catch (IllegalArgumentException e) {
            throw invalid(file, entry.location(), which + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be text");
        }
        return value.asText();
    }

    private static boolean flag(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("\"" + field + "\" must be true or false");
        }
        return value.asBoolean();
    }

    private static OperatorException invalid(Path file, JsonLocation location, String what) {
        String where = location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return new OperatorException(new Problem(Problem.Kind.INVALID_INPUT, "Environment file not imported",
                file + where + ": " + what,
                "Nothing was imported. Correct the file, or ask whoever shared it for a fresh export.", ""));
    }
}
