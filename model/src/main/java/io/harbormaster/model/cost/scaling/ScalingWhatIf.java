package io.harbormaster.model.cost.scaling;

import io.harbormaster.model.cost.CostRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A what-if, nothing changes in AWS: had each service tracked a CPU target, how many tasks would each hour of the
 * window have needed, how many hosts would those have taken, and what would that save (the seeds' nights and
 * weekends). Pure.
 *
 * <p>For each service and hour: tasks needed = ⌈tasks running × the hour's average CPU ÷ the target⌉, within the
 * service's [min, max] — target tracking's own rule, with the hour's average for the metric (it reacts to minutes,
 * so a peak inside an hour needs more than this says). The tasks running is today's count: a service that already
 * scales ran other counts in the past, which CloudWatch's service metrics do not say, so such a service is counted
 * at today's count every hour and named. Hosts needed per cluster and hour = the larger of ⌈Σ CPU reserved ÷ a
 * host's CPU⌉ and ⌈Σ memory reserved ÷ a host's memory⌉ — a lower bound (perfect packing), never fewer than one
 * host while anything runs; today's hosts are the cluster's hosts now, every hour.
 */
public final class ScalingWhatIf {

    private ScalingWhatIf() {
    }

    /**
     * One service as it runs today.
     *
     * @param cpuByHour   the service's average CPUUtilization (%) per hour start; an hour without data keeps today's
     *                    count
     * @param alreadyScales whether Service Auto Scaling scales it today (counted at today's count, see above)
     */
    public record ServiceLoad(String cluster, String service, int tasks, int taskCpu, int taskMemory, int min,
            int max, Map<Instant, Double> cpuByHour, boolean alreadyScales) {

        public ServiceLoad {
            Objects.requireNonNull(cluster, "cluster");
            Objects.requireNonNull(service, "service");
            if (tasks < 0 || taskCpu < 0 || taskMemory < 0 || min < 0 || max < min) {
                throw new IllegalArgumentException("a service needs non-negative counts and 0 ≤ min ≤ max: " + service);
            }
            cpuByHour = Map.copyOf(cpuByHour);
        }

        /** Tasks needed in an hour at a CPU target. */
        public int neededAt(Instant hour, double targetCpu) {
            Double cpu = cpuByHour.get(hour);
            if (alreadyScales || cpu == null || tasks == 0) {
                return tasks;
            }
            int wanted = (int) Math.ceil(tasks * cpu / targetCpu - 1e-9);
            return Math.max(min, Math.min(max, wanted));
        }
    }

    /** A cluster's hosts today: how many, what one of them registers, and what one costs an hour. */
    public record ClusterHosts(String cluster, int hosts, int hostCpu, int hostMemory, double usdPerHostHour) {

        public ClusterHosts {
            if (hosts < 0 || hostCpu <= 0 || hostMemory <= 0 || !(usdPerHostHour >= 0)) {
                throw new IllegalArgumentException("a cluster's hosts need a size and a price: " + cluster);
            }
        }

        int hostsFor(long cpu, long memory) {
            if (cpu == 0 && memory == 0) {
                return 0;
            }
            return (int) Math.max(1, Math.max(ceilDiv(cpu, hostCpu), ceilDiv(memory, hostMemory)));
        }
    }

    /** One hour of the window: tasks and hosts today and as target tracking would have had them. */
    public record Hour(Instant start, int tasksNow, int tasksNeeded, int hostsNow, int hostsNeeded) {
    }

    /** One service over the window. */
    public record ServiceResult(String cluster, String service, int tasksNow, int fewest, int most, double average,
            boolean alreadyScales) {
    }

    /**
     * @param usdPerMonthNow    today's hosts of the clusters involved, a month
     * @param usdPerMonthNeeded the hosts the window needed on average, a month (host-hours over the window, priced)
     */
    public record Result(double targetCpu, List<Hour> hours, List<ServiceResult> services, double usdPerMonthNow,
            double usdPerMonthNeeded) {

        public Result {
            hours = List.copyOf(hours);
            services = List.copyOf(services);
        }

        public double monthlySaving() {
            return usdPerMonthNow - usdPerMonthNeeded;
        }
    }

    /**
     * @param targetCpu what every service not already scaling would track, in % (0, 100]
     * @param clusters  the clusters' hosts; a service whose cluster is not here is left out
     */
    public static Result of(List<ServiceLoad> services, Map<String, ClusterHosts> clusters, double targetCpu) {
        if (!(targetCpu > 0 && targetCpu <= 100)) {
            throw new IllegalArgumentException("a CPU target is a percentage in (0, 100]: " + targetCpu);
        }
        List<ServiceLoad> counted = services.stream().filter(s -> clusters.containsKey(s.cluster())).toList();
        TreeSet<Instant> window = new TreeSet<>();
        counted.forEach(s -> window.addAll(s.cpuByHour().keySet()));
        List<Hour> hours = new ArrayList<>();
        double hostHoursNeeded = 0;
        Map<String, int[]> perService = new TreeMap<>();
        Map<String, Double> sums = new TreeMap<>();
        for (Instant hour : window) {
            Map<String, long[]> reserved = new TreeMap<>();
            int now = 0;
            int needed = 0;
            for (ServiceLoad s : counted) {
                int n = s.neededAt(hour, targetCpu);
                now += s.tasks();
                needed += n;
                long[] r = reserved.computeIfAbsent(s.cluster(), k -> new long[2]);
                r[0] += (long) n * s.taskCpu();
                r[1] += (long) n * s.taskMemory();
                String key = s.cluster() + '\n' + s.service();
                int[] range = perService.computeIfAbsent(key, k -> new int[] {Integer.MAX_VALUE, 0});
                range[0] = Math.min(range[0], n);
                range[1] = Math.max(range[1], n);
                sums.merge(key, (double) n, Double::sum);
            }
            int hostsNow = 0;
            int hostsNeeded = 0;
            for (ClusterHosts c : clusters.values()) {
                long[] r = reserved.getOrDefault(c.cluster(), new long[2]);
                int h = c.hostsFor(r[0], r[1]);
                hostsNow += c.hosts();
                hostsNeeded += h;
                hostHoursNeeded += h * c.usdPerHostHour();
            }
            hours.add(new Hour(hour, now, needed, hostsNow, hostsNeeded));
        }
        double usdNow = clusters.values().stream().mapToDouble(c -> c.hosts() * c.usdPerHostHour()).sum()
                * CostRules.HOURS_PER_MONTH;
        double usdNeeded = window.isEmpty() ? usdNow : hostHoursNeeded / window.size() * CostRules.HOURS_PER_MONTH;
        List<ServiceResult> results = new ArrayList<>();
        for (ServiceLoad s : counted) {
            String key = s.cluster() + '\n' + s.service();
            int[] range = perService.getOrDefault(key, new int[] {s.tasks(), s.tasks()});
            double average = window.isEmpty() ? s.tasks() : sums.getOrDefault(key, 0.0) / window.size();
            results.add(new ServiceResult(s.cluster(), s.service(), s.tasks(), range[0], range[1], average,
                    s.alreadyScales()));
        }
        return new Result(targetCpu, hours, results, usdNow, usdNeeded);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
