package io.harbormaster.model.fleet;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The hosts and tasks a running full load has described so far, for drawing the hosts long before every task is
 * in: on a large fleet the hosts take a dozen calls and the tasks thousands, all from ECS's Cluster resource read
 * quota. Fed from the loader's worker threads; {@link #view} gives an immutable picture at any moment, with how far
 * the tasks have got and how long the rest should take at the pace they have been arriving.
 */
public final class PlacementDraft {

    /** How far back the pace is measured: long enough to smooth the batches, short enough to follow a change. */
    static final Duration PACE_WINDOW = Duration.ofSeconds(15);
    /** Under this much history the pace is the first burst of the quota, not its refill: no estimate yet. */
    static final Duration PACE_SETTLES = Duration.ofSeconds(5);

    private record Sample(Instant at, int tasks) {
    }

    private final InstantSource clock;
    private final List<Host> hosts = new ArrayList<>();
    private final List<Task> tasks = new ArrayList<>();
    private final Deque<Sample> samples = new ArrayDeque<>();
    private Instant firstTasksAt;
    private int hostsExpected;
    private int tasksExpected;
    private long version;

    /** @param clock when each batch lands, for the pace */
    public PlacementDraft(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The clusters' own counts (DescribeClusters) say how many hosts and tasks to expect. */
    public synchronized void clustersFound(List<Cluster> clusters) {
        hostsExpected = clusters.stream().mapToInt(Cluster::registeredInstances).sum();
        tasksExpected = clusters.stream().mapToInt(c -> c.runningTasks() + c.pendingTasks()).sum();
        version++;
    }

    public synchronized void hostsDescribed(List<Host> batch) {
        hosts.addAll(batch);
        version++;
    }

    public synchronized void tasksDescribed(List<Task> batch) {
        Instant now = clock.instant();
        if (firstTasksAt == null) {
            firstTasksAt = now;
            samples.add(new Sample(now, 0));
        }
        tasks.addAll(batch);
        samples.add(new Sample(now, tasks.size()));
        while (samples.size() > 2 && samples.peekFirst().at().isBefore(now.minus(PACE_WINDOW))) {
            samples.removeFirst();
        }
        version++;
    }

    /** Whether every host the clusters count has been described. */
    public synchronized boolean hostsIn() {
        return hosts.size() >= hostsExpected;
    }

    /** Grows with every change. */
    public synchronized long version() {
        return version;
    }

    public synchronized View view() {
        return new View(List.copyOf(hosts), List.copyOf(tasks), hostsExpected, tasksExpected, left(), version);
    }

    /** The rest of the tasks at the pace of the last {@link #PACE_WINDOW}; null while that pace is not known. */
    private Duration left() {
        if (samples.size() < 2) {
            return null;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        Duration span = Duration.between(first.at(), last.at());
        Duration known = Duration.between(firstTasksAt, last.at());
        int done = last.tasks() - first.tasks();
        if (known.compareTo(PACE_SETTLES) < 0 || done <= 0) {
            return null;
        }
        double perSecond = done / (span.toMillis() / 1000.0);
        int rest = Math.max(0, tasksExpected - tasks.size());
        return Duration.ofMillis(Math.round(rest / perSecond * 1000));
    }

    /**
     * One moment of the draft.
     *
     * @param hostsExpected the clusters' registered instances; 0 before the clusters are found
     * @param tasksExpected the clusters' running and pending tasks; 0 before the clusters are found
     * @param left          the time the rest of the tasks should take; null while unknown
     */
    public record View(List<Host> hosts, List<Task> tasks, int hostsExpected, int tasksExpected, Duration left,
            long version) {

        public View {
            hosts = List.copyOf(hosts);
            tasks = List.copyOf(tasks);
        }

        /** Whether every host the clusters count has been described (none expected counts as in). */
        public boolean hostsIn() {
            return hosts.size() >= hostsExpected;
        }

        /** "tasks 82,000 of 203,809 · about 2 min left at ECS's rate", for every page that waits for the tasks. */
        public String progress() {
            String counted = String.format("tasks %,d of %,d", tasks.size(), Math.max(tasksExpected, tasks.size()));
            if (!hostsIn()) {
                return String.format("hosts %,d of %,d · ", hosts.size(), hostsExpected) + counted;
            }
            if (left == null) {
                // every task counted, the last pages still being read: nothing left to estimate
                return counted + " · " + (tasksExpected > 0 && tasks.size() >= tasksExpected ? "finishing"
                        : "estimating the time left");
            }
            return counted + " · " + words(left) + " left at ECS's rate";
        }

        static String words(Duration d) {
            long s = d.toSeconds();
            if (s < 10) {
                return "a few seconds";
            }
            if (s < 90) {
                return "about " + (Math.round(s / 10.0) * 10) + " s";
            }
            return "about " + Math.round(s / 60.0) + " min";
        }
    }
}
