package io.harbormaster.sandbox.traffic;

import io.harbormaster.sandbox.ecs.Service;
import io.harbormaster.sandbox.elb.TargetGroup;

/** The per-resource state the traffic model keeps: histories of what changed, and caches of computed minutes. */
final class Series {

    private Series() {
    }

    /** How a service behaves under load: CPU at idle and at design peak, memory, and its response times. */
    record Profile(double baseCpu, double peakCpu, double memBase, double median, double sigma, double designLoad) {
    }

    /** What one minute of a target group looked like. */
    record TgMinute(double requests, double target5xx, double target4xx, double elb5xx, LatencyMix latency,
                    int healthy, int unhealthy) {
    }

    record LbMinute(double requests, double target5xx, double target4xx, double elb5xx, LatencyMix latency) {
    }

    static final class Lb {
        final String arn;
        final String dimension;
        final long firstMinute;
        final MinuteCache<LbMinute> cache = new MinuteCache<>();

        Lb(String arn, String dimension, long firstMinute) {
            this.arn = arn;
            this.dimension = dimension;
            this.firstMinute = firstMinute;
        }
    }

    static final class Tg {
        final TargetGroup group;
        final String dimension;
        final long key;
        final StepHistory<TargetGroup.Counts> counts;
        /** The share of requests its targets answer with 5xx by the control knob (SandboxControl.failTargetGroup). */
        final StepHistory<Double> injectedErrors = new StepHistory<>(0.0);
        final MinuteCache<TgMinute> cache = new MinuteCache<>();

        Tg(TargetGroup group, TargetGroup.Counts initial) {
            this.group = group;
            this.dimension = group.dimension();
            this.key = Noise.hash(group.arn());
            this.counts = new StepHistory<>(initial);
        }
    }

    static final class Svc {
        final String cluster;
        final String name;
        final Service service;
        final long key;
        final Profile profile;
        final StepHistory<Integer> running = new StepHistory<>(0);
        final MinuteCache<double[]> cache = new MinuteCache<>();

        Svc(String cluster, String name, Service service, Profile profile) {
            this.cluster = cluster;
            this.name = name;
            this.service = service;
            this.key = Noise.hash(cluster + "/" + name);
            this.profile = profile;
        }
    }

    /** The tasks on one container instance, grouped by service and reservation; immutable. */
    record Composition(Svc[] services, int[] cpu, int[] memory, int[] count) {

        static final Composition EMPTY = new Composition(new Svc[0], new int[0], new int[0], new int[0]);

        Composition plus(Svc s, int cpuUnits, int mem, int delta) {
            for (int i = 0; i < services.length; i++) {
                if (services[i] == s && cpu[i] == cpuUnits && memory[i] == mem) {
                    int[] c = count.clone();
                    c[i] += delta;
                    if (c[i] > 0) {
                        return new Composition(services, cpu, memory, c);
                    }
                    return without(i);
                }
            }
            if (delta <= 0) {
                return this;
            }
            int n = services.length;
            Svc[] s2 = java.util.Arrays.copyOf(services, n + 1);
            int[] cpu2 = java.util.Arrays.copyOf(cpu, n + 1);
            int[] mem2 = java.util.Arrays.copyOf(memory, n + 1);
            int[] c2 = java.util.Arrays.copyOf(count, n + 1);
            s2[n] = s;
            cpu2[n] = cpuUnits;
            mem2[n] = mem;
            c2[n] = delta;
            return new Composition(s2, cpu2, mem2, c2);
        }

        private Composition without(int i) {
            int n = services.length - 1;
            Svc[] s2 = new Svc[n];
            int[] cpu2 = new int[n];
            int[] mem2 = new int[n];
            int[] c2 = new int[n];
            for (int j = 0, k = 0; j < services.length; j++) {
                if (j != i) {
                    s2[k] = services[j];
                    cpu2[k] = cpu[j];
                    mem2[k] = memory[j];
                    c2[k] = count[j];
                    k++;
                }
            }
            return new Composition(s2, cpu2, mem2, c2);
        }
    }

    static final class Instance {
        final String cluster;
        final String id;
        final int cpuCapacity;
        final int memoryCapacity;
        final long key;
        final StepHistory<Composition> tasks = new StepHistory<>(Composition.EMPTY);
        final MinuteCache<double[]> cache = new MinuteCache<>();

        final String ec2InstanceId;
        private final io.harbormaster.sandbox.ecs.ContainerInstance source;

        Instance(io.harbormaster.sandbox.ecs.ContainerInstance ci) {
            this.source = ci;
            this.cluster = ci.cluster().name();
            this.id = ci.id();
            this.ec2InstanceId = ci.ec2InstanceId();
            this.cpuCapacity = ci.type().cpu();
            this.memoryCapacity = ci.type().memory();
            this.key = Noise.hash(cluster + "/" + id);
        }

        /** Whether its cluster has Container Insights with enhanced observability on now (instance-level metrics). */
        boolean enhancedInsights() {
            return "enhanced".equals(source.cluster().setting("containerInsights"));
        }
    }

    /** Reserved and registered CPU units and MiB of a cluster. */
    record Reservation(long cpu, long memory, long cpuCapacity, long memoryCapacity) {
    }

    static final class ClusterSeries {
        final String name;
        final StepHistory<Reservation> reservation;
        final java.util.List<Instance> instances = new java.util.ArrayList<>();
        final MinuteCache<double[]> cache = new MinuteCache<>();

        ClusterSeries(String name, Reservation initial) {
            this.name = name;
            this.reservation = new StepHistory<>(initial);
        }
    }
}
