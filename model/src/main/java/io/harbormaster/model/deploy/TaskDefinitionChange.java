package io.harbormaster.model.deploy;

import io.harbormaster.model.error.Quoted;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a new revision changes from the current one; everything not named is carried over exactly
 * ({@link NewRevision#of}).
 *
 * @param containers per-container changes, at most one per container
 * @param cpu        new task-level CPU units ("512" or "0.5 vCPU"); blank to keep
 * @param memory     new task-level memory ("1024" or "1 GB"); blank to keep
 */
public record TaskDefinitionChange(List<ContainerChange> containers, String cpu, String memory) {

    private static final Pattern CPU = Pattern.compile("\\d+|\\d+(\\.\\d+)? ?vCPU", Pattern.CASE_INSENSITIVE);
    private static final Pattern MEMORY = Pattern.compile("\\d+|\\d+(\\.\\d+)? ?GB", Pattern.CASE_INSENSITIVE);

    public TaskDefinitionChange {
        containers = List.copyOf(containers);
        if (containers.stream().map(ContainerChange::container).distinct().count() != containers.size()) {
            throw new IllegalArgumentException("a container is changed twice");
        }
        cpu = cpu == null ? "" : cpu.strip();
        memory = memory == null ? "" : memory.strip();
        if (!cpu.isEmpty() && !CPU.matcher(cpu).matches()) {
            throw new IllegalArgumentException("task CPU must be units (256) or vCPU (0.25 vCPU), was " + Quoted.of(cpu));
        }
        if (!memory.isEmpty() && !MEMORY.matcher(memory).matches()) {
            throw new IllegalArgumentException("task memory must be MiB (512) or GB (1 GB), was " + Quoted.of(memory));
        }
    }

    /** New images only: container name → image. */
    public static TaskDefinitionChange images(java.util.Map<String, String> imageByContainer) {
        return new TaskDefinitionChange(imageByContainer.entrySet().stream()
                .map(e -> ContainerChange.image(e.getKey(), e.getValue())).toList(), "", "");
    }

    public boolean isEmpty() {
        return cpu.isEmpty() && memory.isEmpty() && containers.stream().allMatch(ContainerChange::isEmpty);
    }
}
