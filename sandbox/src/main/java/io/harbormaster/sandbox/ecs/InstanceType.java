package io.harbormaster.sandbox.ecs;

import java.util.Map;

/**
 * EC2 instance types with the CPU units and memory the ECS agent registers for them (memory is a little under
 * the physical size: the OS and the agent keep some).
 */
public record InstanceType(String name, int cpu, int memory) {

    private static final Map<String, InstanceType> KNOWN = Map.ofEntries(
            Map.entry("t3.small", new InstanceType("t3.small", 2048, 1_904)),
            Map.entry("t3.medium", new InstanceType("t3.medium", 2048, 3_904)),
            Map.entry("t3.large", new InstanceType("t3.large", 2048, 7_854)),
            Map.entry("m5.large", new InstanceType("m5.large", 2048, 7_680)),
            Map.entry("m5.xlarge", new InstanceType("m5.xlarge", 4096, 15_576)),
            Map.entry("m5.2xlarge", new InstanceType("m5.2xlarge", 8192, 31_474)),
            Map.entry("m5.4xlarge", new InstanceType("m5.4xlarge", 16384, 62_950)),
            Map.entry("m5.16xlarge", new InstanceType("m5.16xlarge", 65536, 253_000)),
            Map.entry("c5.large", new InstanceType("c5.large", 2048, 3_704)),
            Map.entry("c5.xlarge", new InstanceType("c5.xlarge", 4096, 7_484)),
            Map.entry("c5.2xlarge", new InstanceType("c5.2xlarge", 8192, 15_352)),
            Map.entry("c5.4xlarge", new InstanceType("c5.4xlarge", 16384, 30_976)),
            Map.entry("c5.9xlarge", new InstanceType("c5.9xlarge", 36864, 70_100)),
            Map.entry("r5.xlarge", new InstanceType("r5.xlarge", 4096, 31_490)),
            Map.entry("r5.2xlarge", new InstanceType("r5.2xlarge", 8192, 63_010)));

    public static InstanceType of(String name) {
        InstanceType t = KNOWN.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown instance type " + name);
        }
        return t;
    }
}
