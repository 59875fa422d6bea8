package io.harbormaster.sandbox.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.AwsException;
import io.harbormaster.sandbox.core.JsonParams;
import io.harbormaster.sandbox.core.JsonService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registers task definitions the way ECS validates them: the same path serves RegisterTaskDefinition and the
 * fleet generator, so generated revisions look exactly like registered ones.
 */
final class TaskDefinitions {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private static final Pattern UNITS = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(vcpu|gb|mb)?\\s*");
    private static final Set<String> NETWORK_MODES = Set.of("bridge", "host", "awsvpc", "none");

    private TaskDefinitions() {
    }

    static AwsException client(String message) {
        return new AwsException("ClientException", message);
    }

    static TaskDefinition register(EcsRegion region, ObjectNode request, Instant at, String registeredBy) {
        JsonParams p = new JsonParams(request, m -> client(cap(m) + " cannot be empty."));
        String family = p.string("family");
        if (family == null || family.isEmpty()) {
            throw client("Family cannot be empty.");
        }
        if (!NAME.matcher(family).matches()) {
            throw client("Family contains invalid characters: up to 255 letters (uppercase and lowercase), numbers, "
                    + "hyphens, and underscores are allowed.");
        }
        String networkMode = p.string("networkMode") == null ? "bridge" : p.string("networkMode");
        if (!NETWORK_MODES.contains(networkMode)) {
            throw client("Invalid networkMode '" + networkMode + "': must be one of bridge, host, awsvpc, none.");
        }
        String taskCpu = p.string("cpu");
        String taskMemory = p.string("memory");
        Integer taskCpuUnits = taskCpu == null ? null : units(taskCpu, true, "cpu");
        Integer taskMemoryMiB = taskMemory == null ? null : units(taskMemory, false, "memory");
        List<String> compat = p.strings("requiresCompatibilities");
        if (compat != null) {
            for (String c : compat) {
                if (!Set.of("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES").contains(c)) {
                    throw client("Invalid requiresCompatibilities value '" + c + "'.");
                }
            }
            if (compat.contains("FARGATE")) {
                fargate(networkMode, taskCpuUnits, taskMemoryMiB);
            }
        }

        List<JsonParams> defs = p.objects("containerDefinitions");
        if (defs == null || defs.isEmpty()) {
            throw client("Container list cannot be empty.");
        }
        ArrayNode normalised = JsonService.MAPPER.createArrayNode();
        List<TaskDefinition.Container> containers = new ArrayList<>();
        List<PortMapping> ports = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int cpuSum = 0;
        int memorySum = 0;
        boolean anyEssential = false;
        for (JsonParams d : defs) {
            String name = d.string("name");
            if (name == null || name.isEmpty()) {
                throw client("Container.name should not be null or empty.");
            }
            if (!NAME.matcher(name).matches()) {
                throw client("Container.name contains invalid characters.");
            }
            if (!names.add(name)) {
                throw client("Duplicate container name found: " + name + ". Container names must be unique.");
            }
            String image = d.string("image");
            if (image == null || image.isBlank()) {
                throw client("Container.image should not be null or empty.");
            }
            int cpu = d.integer("cpu") == null ? 0 : d.integer("cpu");
            if (cpu < 0) {
                throw client("Invalid 'cpu' setting for container '" + name + "'.");
            }
            Integer memory = d.integer("memory");
            Integer reservation = d.integer("memoryReservation");
            if (memory == null && reservation == null && taskMemoryMiB == null) {
                throw client("Invalid setting for container '" + name + "'. At least one of 'memory' or "
                        + "'memoryReservation' must be specified.");
            }
            if ((memory != null && memory < 6) || (reservation != null && reservation < 6)) {
                throw client("Invalid 'memory' setting for container '" + name + "'. The memory setting must be at least 6 MiB.");
            }
            if (memory != null && reservation != null && reservation > memory) {
                throw client("Invalid setting for container '" + name + "'. 'memoryReservation' must be less than "
                        + "or equal to 'memory'.");
            }
            boolean essential = d.bool("essential") == null || d.bool("essential");
            anyEssential |= essential;

            ObjectNode out = d.node().deepCopy();
            out.put("cpu", cpu);
            out.put("essential", essential);
            ArrayNode pm = JsonService.MAPPER.createArrayNode();
            List<JsonParams> mappings = d.objects("portMappings");
            if (mappings != null) {
                for (JsonParams m : mappings) {
                    Integer containerPort = m.integer("containerPort");
                    if (containerPort == null || containerPort < 1 || containerPort > 65535) {
                        throw client("Invalid 'containerPort' setting for container '" + name + "'.");
                    }
                    Integer hostPort = m.integer("hostPort");
                    if (("awsvpc".equals(networkMode) || "host".equals(networkMode)) && hostPort != null
                            && !hostPort.equals(containerPort)) {
                        throw client("When networkMode=" + networkMode + ", the host ports and container ports in port "
                                + "mappings must match.");
                    }
                    if ("awsvpc".equals(networkMode) || "host".equals(networkMode)) {
                        hostPort = hostPort == null ? containerPort : hostPort;
                    } else if (hostPort == null) {
                        hostPort = 0;
                    }
                    if (hostPort < 0 || hostPort > 65535) {
                        throw client("Invalid 'hostPort' setting for container '" + name + "'.");
                    }
                    String protocol = m.string("protocol") == null ? "tcp" : m.string("protocol").toLowerCase(Locale.ROOT);
                    if (!protocol.equals("tcp") && !protocol.equals("udp")) {
                        throw client("Invalid 'protocol' setting for container '" + name + "': must be tcp or udp.");
                    }
                    ObjectNode mo = m.node().deepCopy();
                    mo.put("containerPort", containerPort).put("hostPort", hostPort).put("protocol", protocol);
                    pm.add(mo);
                    ports.add(new PortMapping(name, containerPort, hostPort, protocol));
                }
            }
            out.set("portMappings", pm);
            for (String list : List.of("environment", "mountPoints", "volumesFrom")) {
                if (!out.has(list)) {
                    out.set(list, JsonService.MAPPER.createArrayNode());
                }
            }
            normalised.add(out);
            containers.add(new TaskDefinition.Container(name, image, cpu, memory, reservation, essential));
            cpuSum += cpu;
            memorySum += reservation != null ? reservation : (memory != null ? memory : 0);
        }
        if (!anyEssential) {
            throw client("Invalid setting: at least one container in the task definition must be essential.");
        }
        if (taskMemoryMiB != null) {
            for (TaskDefinition.Container c : containers) {
                if (c.memory() != null && c.memory() > taskMemoryMiB) {
                    throw client("Invalid setting for container '" + c.name() + "'. 'memory' must be less than or "
                            + "equal to the task's 'memory'.");
                }
            }
        }
        if (taskMemoryMiB != null && memorySum > taskMemoryMiB) {
            throw client("Invalid setting: the containers reserve " + memorySum + " MiB of memory in total, more than "
                    + "the task's 'memory' of " + taskMemoryMiB + " MiB.");
        }
        if (taskCpuUnits != null && cpuSum > taskCpuUnits) {
            throw client("Invalid setting: the containers' 'cpu' adds up to " + cpuSum + " units, more than the "
                    + "task's 'cpu' of " + taskCpuUnits + " units.");
        }

        ObjectNode registered = request.deepCopy();
        registered.remove(List.of("containerDefinitions", "tags", "family"));
        registered.put("networkMode", networkMode);
        if (taskCpu != null) {
            registered.put("cpu", String.valueOf(taskCpuUnits));
        }
        if (taskMemory != null) {
            registered.put("memory", String.valueOf(taskMemoryMiB));
        }
        for (String list : List.of("volumes", "placementConstraints")) {
            if (!registered.has(list)) {
                registered.set(list, JsonService.MAPPER.createArrayNode());
            }
        }
        if (!registered.has("requiresCompatibilities")) {
            registered.set("requiresCompatibilities", JsonService.MAPPER.createArrayNode());
        }

        List<TaskDefinition> revs = region.families.computeIfAbsent(family, f -> new ArrayList<>());
        int revision = revs.size() + 1;
        TaskDefinition td = new TaskDefinition(region.arn("task-definition/" + family + ":" + revision), family,
                revision, registered, normalised, List.copyOf(containers), List.copyOf(ports),
                taskCpu == null ? null : String.valueOf(taskCpuUnits), taskMemory == null ? null : String.valueOf(taskMemoryMiB),
                taskCpuUnits != null ? taskCpuUnits : cpuSum, taskMemoryMiB != null ? taskMemoryMiB : memorySum, at,
                registeredBy);
        revs.add(td);
        return td;
    }

    /**
     * What Fargate accepts (Developer Guide, "Troubleshoot Amazon ECS task definition invalid CPU or memory errors"):
     * awsvpc, task-level cpu and memory, and one of the published cpu/memory combinations.
     */
    private static void fargate(String networkMode, Integer cpu, Integer memory) {
        if (!"awsvpc".equals(networkMode)) {
            throw client("Fargate only supports network mode \u2018awsvpc\u2019.");
        }
        if (cpu == null) {
            throw client("Fargate requires that 'cpu' be defined at the task level.");
        }
        if (memory == null) {
            throw client("Fargate requires that 'memory' be defined at the task level.");
        }
        boolean valid = switch (cpu) {
            case 256 -> memory == 512 || memory == 1024 || memory == 2048;
            case 512 -> memory >= 1024 && memory <= 4096 && memory % 1024 == 0;
            case 1024 -> memory >= 2048 && memory <= 8192 && memory % 1024 == 0;
            case 2048 -> memory >= 4096 && memory <= 16384 && memory % 1024 == 0;
            case 4096 -> memory >= 8192 && memory <= 30720 && memory % 1024 == 0;
            case 8192 -> memory >= 16384 && memory <= 61440 && memory % 4096 == 0;
            case 16384 -> memory >= 32768 && memory <= 122880 && memory % 8192 == 0;
            default -> false;
        };
        if (!valid) {
            throw client("No Fargate configuration exists for given values: " + cpu + " CPU, " + memory + " memory. "
                    + "See the Amazon ECS documentation for the valid values.");
        }
    }

    /** "512", "1 vCPU", "0.5 vcpu" for CPU; "1024", "2 GB" for memory. */
    private static int units(String value, boolean cpu, String what) {
        Matcher m = UNITS.matcher(value);
        if (!m.matches()) {
            throw client("Invalid '" + what + "' setting for task: '" + value + "'.");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        double v = switch (unit) {
            case "vcpu" -> cpu ? n * 1024 : Double.NaN;
            case "gb" -> cpu ? Double.NaN : n * 1024;
            case "mb" -> cpu ? Double.NaN : n;
            default -> n;
        };
        if (Double.isNaN(v) || v < (cpu ? 128 : 6) || v > (cpu ? 196_608 : 1_048_576)) {
            throw client("Invalid '" + what + "' setting for task: '" + value + "'.");
        }
        return (int) v;
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static JsonNode nodeOrEmpty(JsonNode n) {
        return n == null ? JsonService.MAPPER.createArrayNode() : n;
    }
}
