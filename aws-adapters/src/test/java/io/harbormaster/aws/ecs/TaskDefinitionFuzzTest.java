package io.harbormaster.aws.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.harbormaster.aws.SandboxAccess;
import io.harbormaster.model.deploy.ContainerSpec;
import io.harbormaster.model.deploy.TaskDefinitionSpec;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.EnvironmentVariable;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task definitions as a deploy registers them, made hostile: each field's JSON malformed, of another type, a number
 * out of range, strings to 2 MB, nesting to 6,000 deep, unknown field names, control bytes. Each one is either
 * turned into a RegisterTaskDefinition request or refused naming the field — never another exception — and a
 * refused one is refused by {@link EcsDeploys#register} as invalid input before anything is sent (counted at the
 * sandbox).
 */
class TaskDefinitionFuzzTest {

    private static final System.Logger LOG = System.getLogger(TaskDefinitionFuzzTest.class.getName());
    private static final int CASES = 3_000;
    private static final long SEED = 17;

    private static final Map<String, String> TASK_FIELDS = Map.of(
            "networkMode", "\"awsvpc\"",
            "requiresCompatibilities", "[\"FARGATE\"]",
            "executionRoleArn", "\"arn:aws:iam::1:role/exec\"",
            "volumes", "[{\"host\":{\"sourcePath\":\"/tmp\"},\"name\":\"scratch\"}]",
            "tags", "[{\"key\":\"team\",\"value\":\"payments\"}]");
    private static final Map<String, String> CONTAINER_FIELDS = Map.of(
            "essential", "true",
            "memory", "512",
            "portMappings", "[{\"containerPort\":8080,\"protocol\":\"tcp\"}]",
            "command", "[\"serve\",\"--port\",\"8080\"]",
            "dockerLabels", "{\"tier\":\"web\"}",
            "healthCheck", "{\"command\":[\"CMD-SHELL\",\"curl -f localhost\"],\"interval\":15,\"retries\":3}");

    private enum Outcome { REQUEST_BUILT, REFUSED_BY_THE_RECORD, REFUSED_NAMING_THE_FIELD }

    @Test
    void everyHostileDefinitionIsBuiltOrRefusedNamingTheFieldNeverThrownAnotherWay() {
        Random random = new Random(SEED);
        Map<Outcome, Integer> outcomes = new TreeMap<>();
        List<TaskDefinitionSpec> refused = new ArrayList<>();
        List<String> thrown = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Mutation m = mutation(random);
            Outcome outcome;
            try {
                TaskDefinitionSpec spec = m.spec().get();
                try {
                    TaskDefinitionSpecs.toRequest(spec);
                    outcome = Outcome.REQUEST_BUILT;
                } catch (IllegalArgumentException e) {
                    assertThat(e.getMessage()).as(m.what()).contains("'" + m.field() + "'");
                    outcome = Outcome.REFUSED_NAMING_THE_FIELD;
                    refused.add(spec);
                }
            } catch (IllegalArgumentException recordRefused) {
                outcome = Outcome.REFUSED_BY_THE_RECORD;
            } catch (RuntimeException | StackOverflowError e) {
                thrown.add(m.what() + ": " + e);
                continue;
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        LOG.log(Level.INFO, "task definition fuzz: {0} tried, outcomes {1}, thrown {2}", CASES, outcomes,
                thrown.size());
        assertThat(thrown).as("thrown another way").isEmpty();
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(CASES);
        assertThat(outcomes).containsKeys(Outcome.REQUEST_BUILT, Outcome.REFUSED_NAMING_THE_FIELD);
        refusedDefinitionsAreNeverSent(refused.subList(0, Math.min(200, refused.size())));
    }

    @TempDir
    Path dir;

    private void refusedDefinitionsAreNeverSent(List<TaskDefinitionSpec> refused) {
        try (SandboxAccess access = SandboxAccess.start(dir)) {
            var sessions = access.sessionsFor("alice");
            EnvironmentSession stage = sessions.enter(SandboxAccess.environment("stage"), MfaPrompt.NONE);
            EcsDeploys deploys = new EcsDeploys(sessions, access.clients());
            access.sandbox().control().recordRequests(true);
            for (TaskDefinitionSpec spec : refused) {
                Throwable t = catchThrowable(() -> deploys.register(stage, spec));
                assertThat(t).isInstanceOfSatisfying(OperatorException.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.INVALID_INPUT);
                    assertThat(e.problem().message()).contains("Nothing was sent to AWS");
                });
            }
            assertThat(access.sandbox().control().recordedRequests()).noneMatch(r -> String.valueOf(
                    r.headers().get("x-amz-target")).endsWith(".RegisterTaskDefinition"));
            LOG.log(Level.INFO, "task definition fuzz: {0} refused definitions registered, 0 sent", refused.size());
        }
    }

    private record Mutation(String what, String field, Supplier<TaskDefinitionSpec> spec) {
    }

    private static Mutation mutation(Random random) {
        boolean inContainer = random.nextBoolean();
        Map<String, String> fields = new TreeMap<>(inContainer ? CONTAINER_FIELDS : TASK_FIELDS);
        List<String> names = new ArrayList<>(fields.keySet());
        String field = names.get(random.nextInt(names.size()));
        int kind = random.nextInt(10);
        String value = hostile(random, kind, fields.get(field));
        if (kind == 9) {
            fields.remove(field);
            field = randomName(random);
            value = fields.isEmpty() ? "1" : "\"x\"";
        }
        fields.put(field, value);
        String what = (inContainer ? "container field " : "task field ") + field + " = "
                + (value.length() > 80 ? value.substring(0, 80) + "… (" + value.length() + " chars)" : value);
        Map<String, String> containerFields = inContainer ? fields : CONTAINER_FIELDS;
        Map<String, String> taskFields = inContainer ? TASK_FIELDS : fields;
        return new Mutation(what, field, () -> new TaskDefinitionSpec("", "web", 0, null, "256", "512",
                List.of(new ContainerSpec("web", "registry.example/web:1.0", List.of(new EnvironmentVariable("MODE",
                        "live")), List.of(), containerFields)), taskFields));
    }

    private static String hostile(Random random, int kind, String good) {
        return switch (kind) {
            case 0 -> good.substring(0, Math.max(1, random.nextInt(good.length())));           // truncated
            case 1 -> List.of("1", "-7", "true", "\"text\"", "{}", "[]", "[1,2]", "{\"a\":1}", "null")
                    .get(random.nextInt(9));                                                   // another type
            case 2 -> List.of("1e400", "99999999999999999999", "-2147483649", "NaN", "0x10", "1.5e9")
                    .get(random.nextInt(6));                                                   // numbers out of range
            case 3 -> "\"" + "x".repeat(1 + random.nextInt(2_000_000)) + "\"";                // huge string
            case 4 -> "[".repeat(500 + random.nextInt(5_500)) + "]".repeat(random.nextInt(3)); // deep nesting
            case 5 -> "{\"a\":".repeat(500 + random.nextInt(2_000)) + "1";                     // deep objects
            case 6 -> bytes(random);                                                            // control bytes
            case 7 -> good.replace(":", random.nextBoolean() ? "=" : "::").replace("\"", "'");  // near-JSON
            case 8 -> "[" + (good + ",").repeat(1 + random.nextInt(2_000)) + good + "]";        // many of it
            default -> good;
        };
    }

    private static String bytes(Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(64); i < n; i++) {
            b.append((char) random.nextInt(0x80));
        }
        return b.toString().isBlank() ? "\u0001" : b.toString();
    }

    private static String randomName(Random random) {
        return List.of("containerDefinitions", "revision", "taskDefinitionArn", "nosuchField", "Memory", "cpu ",
                "\u0000", "__proto__").get(random.nextInt(8));
    }
}
