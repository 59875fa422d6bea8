package io.harbormaster.model.deploy;

import io.harbormaster.model.fleet.EnvironmentVariable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One container definition in full, as ECS holds it: what a deploy changes (image, environment) as typed fields, and
 * every other field (cpu, memory, portMappings, logConfiguration, healthCheck, …) kept as ECS's JSON text under
 * its API name, so a new revision carries it over exactly without this model knowing each of ECS's ~50 fields.
 *
 * @param otherFields ECS container-definition field name → its canonical JSON (sorted keys), e.g.
 *                    {@code "cpu" → "256"}, {@code "essential" → "true"}; never {@code name}, {@code image},
 *                    {@code environment} or {@code secrets}
 */
public record ContainerSpec(String name, String image, List<EnvironmentVariable> environment, List<SecretRef> secrets,
                            Map<String, String> otherFields) {

    public ContainerSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a container needs a name");
        }
        image = image == null ? "" : image;
        environment = List.copyOf(environment);
        secrets = List.copyOf(secrets);
        otherFields = TaskDefinitionSpec.checkedFields(otherFields, "name", "image", "environment", "secrets");
    }

    public ContainerSpec withImage(String newImage) {
        return new ContainerSpec(name, newImage, environment, secrets, otherFields);
    }

    public ContainerSpec withEnvironment(List<EnvironmentVariable> newEnvironment) {
        return new ContainerSpec(name, image, newEnvironment, secrets, otherFields);
    }

    /** A field's JSON text, e.g. {@code field("cpu")} → "256". */
    public Optional<String> field(String apiName) {
        return Optional.ofNullable(otherFields.get(apiName));
    }

    /** The image's tag ("1.4.2" from "registry/web:1.4.2"; "latest" when untagged; the digest after '@'). */
    public String imageTag() {
        return new io.harbormaster.model.fleet.ContainerDefinition(name, image, 0, 0, 0, List.of(), List.of())
                .imageTag();
    }

    /** The image without its tag or digest ("registry/web" from "registry/web:1.4.2"). */
    public String imageRepository() {
        int at = image.indexOf('@');
        if (at >= 0) {
            return image.substring(0, at);
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(0, colon) : image;
    }
}
