package io.harbormaster.aws.ecs;

import io.harbormaster.model.deploy.ContainerSpec;
import io.harbormaster.model.deploy.SecretRef;
import io.harbormaster.model.deploy.TaskDefinitionSpec;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.EnvironmentVariable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * A described task definition as a {@link TaskDefinitionSpec} and back as a RegisterTaskDefinition request. The
 * fields carried are exactly those RegisterTaskDefinition accepts that DescribeTaskDefinition returned (matched by
 * the SDK's field descriptions), so taskDefinitionArn, revision, status, requiresAttributes, compatibilities and
 * registeredAt/By, which ECS rejects on register, never travel; tags (returned beside the definition) do.
 */
final class TaskDefinitionSpecs {

    /** Fields the spec types itself. */
    private static final Set<String> TYPED_TASK = Set.of("family", "cpu", "memory", "containerDefinitions", "tags");
    private static final Set<String> TYPED_CONTAINER = Set.of("name", "image", "environment", "secrets");

    private TaskDefinitionSpecs() {
    }

    static TaskDefinitionSpec fromSdk(TaskDefinition td, List<Tag> tags) {
        Map<String, SdkField<?>> described = byName(td.sdkFields());
        Map<String, String> other = new TreeMap<>();
        for (SdkField<?> accepted : RegisterTaskDefinitionRequest.builder().sdkFields()) {
            SdkField<?> field = described.get(accepted.memberName());
            if (field != null && !TYPED_TASK.contains(field.locationName()) && SdkJson.present(field, td)) {
                other.put(accepted.locationName(), SdkJson.write(field, td));
            }
        }
        if (!tags.isEmpty()) {
            RegisterTaskDefinitionRequest withTags = RegisterTaskDefinitionRequest.builder().tags(tags).build();
            SdkField<?> tagField = byName(withTags.sdkFields()).get("Tags");
            other.put(tagField.locationName(), SdkJson.write(tagField, withTags));
        }
        List<ContainerSpec> containers = td.containerDefinitions().stream().map(TaskDefinitionSpecs::container)
                .toList();
        return new TaskDefinitionSpec(td.taskDefinitionArn(), td.family(), td.revision() == null ? 0 : td.revision(),
                td.registeredAt(), td.cpu(), td.memory(), containers, other);
    }

    /**
     * The request, or — before anything is sent — the operator told which field of the definition ECS could not be
     * given and why.
     */
    static RegisterTaskDefinitionRequest refusedOrRequest(TaskDefinitionSpec spec) {
        try {
            return toRequest(spec);
        } catch (IllegalArgumentException e) {
            throw new OperatorException(new Problem(Problem.Kind.INVALID_INPUT, "Task definition not valid",
                    "The new revision of " + spec.family() + " cannot be registered: " + e.getMessage()
                            + ". Nothing was sent to AWS.",
                    "Correct the field in the task definition, then preview again.", ""), e);
        }
    }

    static RegisterTaskDefinitionRequest toRequest(TaskDefinitionSpec spec) {
        RegisterTaskDefinitionRequest.Builder builder = RegisterTaskDefinitionRequest.builder().family(spec.family())
                .containerDefinitions(spec.containers().stream().map(TaskDefinitionSpecs::container).toList());
        if (!spec.cpu().isEmpty()) {
            builder.cpu(spec.cpu());
        }
        if (!spec.memory().isEmpty()) {
            builder.memory(spec.memory());
        }
        Map<String, SdkField<?>> accepted = byLocation(builder.sdkFields());
        spec.otherFields().forEach((name, json) -> {
            SdkField<?> field = accepted.get(name);
            if (field == null) {
                throw new IllegalArgumentException("RegisterTaskDefinition has no field '" + name + "'");
            }
            SdkJson.read(field, builder, json);
        });
        return builder.build();
    }

    private static ContainerSpec container(ContainerDefinition c) {
        Map<String, String> other = new TreeMap<>();
        for (SdkField<?> f : c.sdkFields()) {
            if (!TYPED_CONTAINER.contains(f.locationName()) && SdkJson.present(f, c)) {
                other.put(f.locationName(), SdkJson.write(f, c));
            }
        }
        List<EnvironmentVariable> env = c.environment().stream()
                .map(kv -> new EnvironmentVariable(kv.name(), kv.value())).toList();
        List<SecretRef> secrets = c.secrets().stream().map(s -> new SecretRef(s.name(), s.valueFrom())).toList();
        return new ContainerSpec(c.name(), c.image(), env, secrets, other);
    }

    private static ContainerDefinition container(ContainerSpec spec) {
        ContainerDefinition.Builder builder = ContainerDefinition.builder().name(spec.name());
        Map<String, SdkField<?>> fields = byLocation(builder.sdkFields());
        spec.otherFields().forEach((name, json) -> {
            SdkField<?> field = fields.get(name);
            if (field == null) {
                throw new IllegalArgumentException("a container definition has no field '" + name + "'");
            }
            try {
                SdkJson.read(field, builder, json);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("container '" + spec.name() + "': " + e.getMessage(), e);
            }
        });
        if (!spec.image().isEmpty()) {
            builder.image(spec.image());
        }
        builder.environment(spec.environment().stream().map(v -> KeyValuePair.builder().name(v.name())
                .value(v.value()).build()).toList());
        // ECS echoes an empty environment on every container but no secrets where none were given: send the same.
        if (!spec.secrets().isEmpty()) {
            builder.secrets(spec.secrets().stream().map(s -> Secret.builder().name(s.name())
                    .valueFrom(s.valueFrom()).build()).toList());
        }
        return builder.build();
    }

    private static Map<String, SdkField<?>> byName(List<SdkField<?>> fields) {
        Map<String, SdkField<?>> map = new HashMap<>();
        fields.forEach(f -> map.put(f.memberName(), f));
        return map;
    }

    private static Map<String, SdkField<?>> byLocation(List<SdkField<?>> fields) {
        Map<String, SdkField<?>> map = new HashMap<>();
        fields.forEach(f -> map.put(f.locationName(), f));
        return map;
    }
}
