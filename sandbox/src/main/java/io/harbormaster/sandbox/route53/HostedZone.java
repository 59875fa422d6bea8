package io.harbormaster.sandbox.route53;

import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A hosted zone: its records as listed now, the records in sync on Route 53's servers, and what clients resolve —
 * which, because resolvers cache answers for their TTL, lags INSYNC by the TTL of the answers they held.
 */
public final class HostedZone {

    final String id;
    final String name;
    final String callerReference;
    final String comment;
    final boolean privateZone;
    final String vpcId;
    final List<String> nameServers;
    TreeMap<RecordSet.Key, RecordSet> records = new TreeMap<>();
    NavigableMap<RecordSet.Key, RecordSet> inSync = new TreeMap<>();
    /** What clients resolve: the in-sync records of each name once the answers cached before have expired. */
    NavigableMap<RecordSet.Key, RecordSet> resolved = new TreeMap<>();
    /** When each name's latest change reaches clients; a name's changes reach them in order. */
    final java.util.Map<String, Instant> resolvedAt = new java.util.HashMap<>();
    /** When the latest submitted change becomes INSYNC; changes to one zone sync in order. */
    Instant lastInsyncAt = Instant.EPOCH;

    HostedZone(String id, String name, String callerReference, String comment, boolean privateZone, String vpcId,
               List<String> nameServers) {
        this.id = id;
        this.name = name;
        this.callerReference = callerReference;
        this.comment = comment;
        this.privateZone = privateZone;
        this.vpcId = vpcId;
        this.nameServers = nameServers;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean privateZone() {
        return privateZone;
    }

    /** The records on Route 53's servers: those of the last change that is INSYNC. */
    public List<RecordSet> recordsInSync() {
        return List.copyOf(inSync.values());
    }

    /**
     * The records clients get: a name's in-sync records once the TTL of the answers cached before its change went
     * INSYNC has passed (what the traffic model routes by).
     */
    public List<RecordSet> recordsResolved() {
        return List.copyOf(resolved.values());
    }

    public List<RecordSet> records() {
        return List.copyOf(records.values());
    }

    boolean contains(String recordName) {
        return recordName.equals(name) || recordName.endsWith("." + name);
    }
}
