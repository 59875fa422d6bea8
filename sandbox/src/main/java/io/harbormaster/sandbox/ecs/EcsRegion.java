package io.harbormaster.sandbox.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one account sees of ECS in one region: its clusters and its task definitions. */
public final class EcsRegion {

    final String account;
    final String region;
    final TreeMap<String, Cluster> clusters = new TreeMap<>();
    final TreeMap<String, List<TaskDefinition>> families = new TreeMap<>();

    EcsRegion(String account, String region) {
        this.account = account;
        this.region = region;
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    public String arn(String resource) {
        return "arn:aws:ecs:" + region + ":" + account + ":" + resource;
    }

    public List<Cluster> clusters() {
        return List.copyOf(clusters.values());
    }

    public Cluster cluster(String name) {
        return clusters.get(name);
    }

    /** Every revision of every family, oldest first within a family. */
    public List<TaskDefinition> taskDefinitions() {
        List<TaskDefinition> out = new ArrayList<>();
        for (List<TaskDefinition> revs : families.values()) {
            out.addAll(revs);
        }
        return out;
    }

    TaskDefinition taskDefinition(String family, int revision) {
        List<TaskDefinition> revs = families.get(family);
        return revs == null || revision < 1 || revision > revs.size() ? null : revs.get(revision - 1);
    }

    /** The latest ACTIVE revision of a family, or null. */
    TaskDefinition latest(String family) {
        List<TaskDefinition> revs = families.get(family);
        if (revs == null) {
            return null;
        }
        for (int i = revs.size() - 1; i >= 0; i--) {
            if ("ACTIVE".equals(revs.get(i).status())) {
                return revs.get(i);
            }
        }
        return null;
    }

    Map<String, List<TaskDefinition>> families() {
        return families;
    }
}
