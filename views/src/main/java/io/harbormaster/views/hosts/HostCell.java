package io.harbormaster.views.hosts;

import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.packing.Stranding;
import java.util.Objects;

/**
 * One host as the bin-packing view draws it, worked out once per snapshot off the UI thread: its capacity, its
 * tasks ordered by service with their reservations added up (so a pixel maps to a task by binary search), and
 * runs of consecutive same-service tasks (so drawing needs one rectangle per service, not per task).
 */
public final class HostCell {

    final String arn;
    final String name;
    final String cluster;
    final String zone;
    final String instanceType;
    final String status;
    final int registeredCpu;
    final int registeredMemory;
    final Stranding stranding;
    final int strandedCpu;
    final int strandedMemory;
    /** Services that would fit by CPU and memory but whose static port is taken here; blank when none. */
    final String portBlockedBy;
    final double utilisation;
    /** What ECS says the host has reserved: the tasks drawn, plus those not read yet while a load runs. */
    final int reservedCpu;
    final int reservedMemory;
    final Task[] tasks;
    /** Service index of each task (-1 for a standalone task). */
    final int[] service;
    /** Cumulative CPU and memory of tasks 0..i. */
    final int[] cpuEnd;
    final int[] memEnd;
    final int[] runService;
    final int[] runCpuEnd;
    final int[] runMemEnd;

    HostCell(String arn, String name, String cluster, String zone, String instanceType, String status,
            int registeredCpu, int registeredMemory, Stranding stranding, int strandedCpu, int strandedMemory,
            String portBlockedBy, Task[] tasks, int[] service) {
        this(arn, name, cluster, zone, instanceType, status, registeredCpu, registeredMemory, 0, 0, stranding,
                strandedCpu, strandedMemory, portBlockedBy, tasks, service);
    }

    /** @param reservedCpu what the host reports reserved (registered less remaining); the tasks' sum when more */
    HostCell(String arn, String name, String cluster, String zone, String instanceType, String status,
            int registeredCpu, int registeredMemory, int reservedCpu, int reservedMemory, Stranding stranding,
            int strandedCpu, int strandedMemory, String portBlockedBy, Task[] tasks, int[] service) {
        this.arn = Objects.requireNonNull(arn, "arn");
        this.name = name;
        this.cluster = cluster;
        this.zone = zone.isEmpty() ? "unknown zone" : zone;
        this.instanceType = instanceType.isEmpty() ? "unknown type" : instanceType;
        this.status = status;
        this.registeredCpu = registeredCpu;
        this.registeredMemory = registeredMemory;
        this.stranding = stranding;
        this.strandedCpu = strandedCpu;
        this.strandedMemory = strandedMemory;
        this.portBlockedBy = portBlockedBy;
        this.tasks = tasks;
        this.service = service;
        int n = tasks.length;
        cpuEnd = new int[n];
        memEnd = new int[n];
        int cpu = 0;
        int mem = 0;
        int runs = 0;
        for (int i = 0; i < n; i++) {
            cpu += tasks[i].cpu();
            mem += tasks[i].memory();
            cpuEnd[i] = cpu;
            memEnd[i] = mem;
            if (i == 0 || service[i] != service[i - 1]) {
                runs++;
            }
        }
        runService = new int[runs];
        runCpuEnd = new int[runs];
        runMemEnd = new int[runs];
        int r = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || service[i] != service[i - 1]) {
                r++;
                runService[r] = service[i];
            }
            runCpuEnd[r] = cpuEnd[i];
            runMemEnd[r] = memEnd[i];
        }
        this.reservedCpu = Math.max(reservedCpu, usedCpu());
        this.reservedMemory = Math.max(reservedMemory, usedMemory());
        // by what the host reports, so a card keeps its place while its tasks arrive
        utilisation = Math.max(percent(this.reservedCpu, registeredCpu), percent(this.reservedMemory, registeredMemory));
    }

    public String arn() {
        return arn;
    }

    public String name() {
        return name;
    }

    public int taskCount() {
        return tasks.length;
    }

    public Task task(int index) {
        return tasks[index];
    }

    public int usedCpu() {
        return cpuEnd.length == 0 ? 0 : cpuEnd[cpuEnd.length - 1];
    }

    public int usedMemory() {
        return memEnd.length == 0 ? 0 : memEnd[memEnd.length - 1];
    }

    /** The memory bar's figures when {@code memory}, else the CPU bar's: the painter draws both bars alike. */
    int registered(boolean memory) {
        return memory ? registeredMemory : registeredCpu;
    }

    int reserved(boolean memory) {
        return memory ? reservedMemory : reservedCpu;
    }

    int used(boolean memory) {
        return memory ? usedMemory() : usedCpu();
    }

    /** Where each task ends along the bar; per run of same-service tasks when {@code runs}. */
    int[] ends(boolean memory, boolean runs) {
        return runs ? (memory ? runMemEnd : runCpuEnd) : (memory ? memEnd : cpuEnd);
    }

    /** Whether the bar's free part is stranded: free, yet too little of the other resource for any task. */
    boolean stranded(boolean memory) {
        return stranding == Stranding.MISMATCHED
                || stranding == (memory ? Stranding.MEMORY_WITHOUT_CPU : Stranding.CPU_WITHOUT_MEMORY);
    }

    /** Whether the card stands for one of today's hosts a repacking what-if would leave empty. */
    boolean freedByRepack() {
        return io.harbormaster.model.cost.repack.RepackPicture.FREED.equals(status);
    }

    /** Whether the host reports more reserved than its tasks drawn: some are not read yet. */
    boolean unread() {
        return reservedCpu > usedCpu() || reservedMemory > usedMemory();
    }

    /** 0–100: the fuller of CPU and memory, by what the host reports reserved. */
    public double utilisation() {
        return utilisation;
    }

    String key(HostLayout.Grouping grouping) {
        return switch (grouping) {
            case CLUSTER -> cluster;
            case ZONE -> zone;
            case INSTANCE_TYPE -> instanceType;
        };
    }

    private static double percent(long part, long whole) {
        return whole <= 0 ? 0 : 100.0 * part / whole;
    }
}
