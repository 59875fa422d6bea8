package io.harbormaster.model.deploy.fit;

import io.harbormaster.model.deploy.ContainerSpec;
import io.harbormaster.model.deploy.TaskDefinitionSpec;
import io.harbormaster.model.fleet.ContainerDefinition;
import io.harbormaster.model.fleet.PortMapping;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.model.packing.TaskShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one task of a revision not registered yet (or read in full) reserves on a host: the deploy's
 * {@link TaskDefinitionSpec} read as the fleet's {@link TaskDefinition}, so the fit check packs the new revision,
 * not the old one. Task-level "1 vCPU" and "2 GB" are turned into units and MiB as ECS does.
 */
public final class SpecShape {

    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*}");
    private static final Pattern NUMBER_FIELD = Pattern.compile("\"(containerPort|hostPort)\"\\s*:\\s*(\\d+)");
    private static final Pattern PROTOCOL = Pattern.compile("\"protocol\"\\s*:\\s*\"([a-z]+)\"");

    private SpecShape() {
    }

    public static TaskShape of(TaskDefinitionSpec spec) {
        return TaskShape.of(asFleetDefinition(spec));
    }

    static TaskDefinition asFleetDefinition(TaskDefinitionSpec spec) {
        List<ContainerDefinition> containers = new ArrayList<>();
        for (ContainerSpec c : spec.containers()) {
            containers.add(new ContainerDefinition(c.name(), c.image(), integer(c.field("cpu").orElse("")),
                    integer(c.field("memory").orElse("")), integer(c.field("memoryReservation").orElse("")),
                    portMappings(c.field("portMappings").orElse("")), List.of()));
        }
        String mode = spec.field("networkMode").orElse("").replace("\"", "").strip();
        return new TaskDefinition(spec.arn(), spec.family(), spec.revision(), units(spec.cpu(), "vcpu"),
                units(spec.memory(), "gb"), mode, containers);
    }

    /** "512" → 512; "1 vCPU" → 1024; "2 GB" → 2048; blank → 0. */
    static int units(String text, String bigUnit) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return 0;
        }
        if (t.endsWith(bigUnit)) {
            return (int) Math.round(Double.parseDouble(t.substring(0, t.length() - bigUnit.length()).strip()) * 1024);
        }
        return integer(t);
    }

    private static int integer(String json) {
        String t = json.strip();
        return t.matches("\\d+") ? Integer.parseInt(t) : 0;
    }

    private static List<PortMapping> portMappings(String json) {
        List<PortMapping> mappings = new ArrayList<>();
        Matcher object = OBJECT.matcher(json);
        while (object.find()) {
            int container = 0;
            int host = 0;
            Matcher field = NUMBER_FIELD.matcher(object.group());
            while (field.find()) {
                int value = Integer.parseInt(field.group(2));
                if (field.group(1).equals("containerPort")) {
                    container = value;
                } else {
                    host = value;
                }
            }
            Matcher protocol = PROTOCOL.matcher(object.group());
            mappings.add(new PortMapping(container, host, protocol.find() ? protocol.group(1) : "tcp"));
        }
        return mappings;
    }
}
