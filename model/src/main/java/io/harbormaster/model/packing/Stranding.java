package io.harbormaster.model.packing;

/** Why a host's free capacity cannot be used by any task of its cluster. */
public enum Stranding {
    /** Free capacity is usable (or there is too little of either to matter). */
    NONE,
    /** CPU is free but memory is too short for even the smallest task: the CPU is stranded. */
    CPU_WITHOUT_MEMORY,
    /** Memory is free but CPU is too short for even the smallest task: the memory is stranded. */
    MEMORY_WITHOUT_CPU,
    /** Both exceed the smallest task's needs in isolation, but no single task's CPU and memory fit together. */
    MISMATCHED
}
