package io.harbormaster.sandbox.route53;

import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A hosted zone: its records as listed now, and the records as in sync on Route 53's servers (what traffic sees). */
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

    /** The records clients resolve: those of the last change that is INSYNC. */
    public List<RecordSet> recordsInSync() {
        return List.copyOf(inSync.values());
    }

    public List<RecordSet> records() {
        return List.copyOf(records.values());
    }

    boolean contains(String recordName) {
        return recordName.equals(name) || recordName.endsWith("." + name);
    }
}
