package io.harbormaster.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded malformed and hostile environment imports (wrong types, nulls, huge values, deep nesting, damaged bytes):
 * each must import or fail as an OperatorException naming the file; nothing else may be thrown.
 */
class JsonEnvironmentFileFuzzTest {

    private static final System.Logger LOG = System.getLogger(JsonEnvironmentFileFuzzTest.class.getName());
    static final int CASES = 2_000;
    private static final long SEED = 17L;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TempDir
    Path dir;

    private final JsonEnvironmentFile file = new JsonEnvironmentFile();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyGeneratedImportIsReadOrRefusedWithTheFileNamed() throws Exception {
        Path valid = dir.resolve("valid.json");
        file.write(List.of(environment("dev", 1), environment("prod", 2)), valid);
        JsonNode template = mapper.readTree(valid.toFile());
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Random random = new Random(SEED * 1_000_003L + i);
            Path json = dir.resolve("case" + i + ".json");
            Files.write(json, generate(random, template.deepCopy()));
            String outcome;
            try {
                file.read(json);
                outcome = "imported";
            } catch (OperatorException refused) {
                outcome = "refused";
                if (!refused.problem().message().contains(json.toString())) {
                    failures.add("case " + i + " refused without naming the file: " + refused.problem().message());
                }
            } catch (Throwable t) {
                outcome = "threw " + t.getClass().getSimpleName();
                failures.add("case " + i + " threw " + t);
            }
            outcomes.merge(outcome, 1, Integer::sum);
            Files.delete(json);
        }
        LOG.log(Level.INFO, "environment import fuzz: {0} tried, outcomes {1}", CASES, outcomes);
        assertThat(failures).as("imports not handled (seed %d)", SEED).isEmpty();
        assertThat(outcomes.getOrDefault("refused", 0)).isGreaterThan(CASES / 2);
        assertThat(outcomes.getOrDefault("imported", 0)).as("some mutations stay valid").isPositive();
    }

    private static Environment environment(String id, int order) {
        return EnvironmentBuilder.anEnvironment(id).login("ops").account("222222222222")
                .role("arn:aws:iam::222222222222:role/admin").regions("eu-west-1").colour("#2E7D32").order(order)
                .build();
    }

    private byte[] generate(Random r, JsonNode root) throws Exception {
        int mutations = 1 + r.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            mutateTree(r, root);
        }
        byte[] bytes = mapper.writeValueAsBytes(root);
        return switch (r.nextInt(8)) {
            case 0 -> Arrays.copyOf(bytes, r.nextInt(bytes.length + 1));
            case 1 -> {
                byte[] damaged = bytes.clone();
                for (int k = 0; k < 1 + r.nextInt(5); k++) {
                    damaged[r.nextInt(damaged.length)] = (byte) r.nextInt(256);
                }
                yield damaged;
            }
            case 2 -> deepNesting(r).getBytes(StandardCharsets.UTF_8);
            default -> bytes;
        };
    }

    private static String deepNesting(Random r) {
        int depth = 500 + r.nextInt(5_000);
        String open = r.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return "{\"format\":\"harbormaster-environments\",\"version\":1,\"environments\":[" + open.repeat(depth)
                + "1" + close.repeat(depth) + "]}";
    }

    private static void mutateTree(Random r, JsonNode root) {
        ObjectNode target = (ObjectNode) root;
        ArrayNode environments = root.get("environments") instanceof ArrayNode a ? a : null;
        if (environments != null && !environments.isEmpty() && r.nextInt(4) != 0) {
            JsonNode entry = environments.get(r.nextInt(environments.size()));
            if (entry instanceof ObjectNode object) {
                target = object;
            } else {
                environments.set(r.nextInt(environments.size()), hostile(r));
                return;
            }
        }
        List<String> fields = new ArrayList<>();
        target.fieldNames().forEachRemaining(fields::add);
        switch (r.nextInt(5)) {
            case 0 -> {
                if (!fields.isEmpty()) {
                    target.remove(fields.get(r.nextInt(fields.size())));
                }
            }
            case 1 -> target.set("unknown" + r.nextInt(3), hostile(r));
            case 2 -> {
                if (environments != null && !environments.isEmpty()) {
                    environments.add(environments.get(0).deepCopy());
                }
            }
            default -> {
                if (!fields.isEmpty()) {
                    target.set(fields.get(r.nextInt(fields.size())), hostile(r));
                }
            }
        }
    }

    private static JsonNode hostile(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(r.nextLong());
            case 2 -> NODES.numberNode(r.nextDouble() * 1e300);
            case 3 -> NODES.booleanNode(r.nextBoolean());
            case 4 -> NODES.textNode("x".repeat(r.nextInt(2_000_000)));
            case 5 -> NODES.textNode(new String(new char[] {'\u0000', '\uD800', '\u202E', (char) r.nextInt()}));
            case 6 -> NODES.arrayNode().add(NODES.nullNode()).add(1).add("eu-west-1");
            case 7 -> NODES.objectNode().put("id", r.nextInt());
            case 8 -> NODES.textNode("");
            default -> NODES.arrayNode();
        };
    }
}
