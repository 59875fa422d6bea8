package io.harbormaster.sandbox.ecs;

import java.util.SplittableRandom;
import java.util.UUID;

/** Identifiers in the shapes ECS and EC2 use, drawn from seeded randomness. */
final class Ids {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {
    }

    static String hex(SplittableRandom r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = HEX[r.nextInt(16)];
        }
        return new String(c);
    }

    /** Task and container-instance ids: 32 hex digits. */
    static String taskId(SplittableRandom r) {
        return hex(r, 32);
    }

    static String ec2InstanceId(SplittableRandom r) {
        return "i-0" + hex(r, 16);
    }

    static String deploymentId(SplittableRandom r) {
        return "ecs-svc/" + (1_000_000_000_000_000_000L + (r.nextLong() & Long.MAX_VALUE) % 8_000_000_000_000_000_000L);
    }

    static String uuid(SplittableRandom r) {
        long hi = (r.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    /** A stable UUID derived from a name, for things rendered on demand (container ARNs). */
    static String uuidFrom(String name, int salt) {
        long h1 = 1125899906842597L + salt;
        long h2 = 0x9E3779B97F4A7C15L ^ salt;
        for (int i = 0; i < name.length(); i++) {
            h1 = 31 * h1 + name.charAt(i);
            h2 = (h2 ^ name.charAt(i)) * 0x100000001B3L;
        }
        return new UUID((h1 & 0xFFFFFFFFFFFF0FFFL) | 0x4000L, (h2 & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    /** A service revision id: a 19-digit number, derived from the deployment it belongs to (no random draw). */
    static String revisionId(String from) {
        long h = 1469598103934665603L;
        for (int i = 0; i < from.length(); i++) {
            h = (h ^ from.charAt(i)) * 0x100000001B3L;
        }
        return String.valueOf(1_000_000_000_000_000_000L + (h & Long.MAX_VALUE) % 8_000_000_000_000_000_000L);
    }

    private static final char[] B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    /** A service deployment id: 21 URL-safe characters, derived from the deployment it follows (no random draw). */
    static String serviceDeploymentId(String from) {
        long h1 = 1125899906842597L;
        long h2 = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < from.length(); i++) {
            h1 = 31 * h1 + from.charAt(i);
            h2 = (h2 ^ from.charAt(i)) * 0x100000001B3L;
        }
        char[] c = new char[21];
        for (int i = 0; i < c.length; i++) {
            long bits = i < 10 ? h1 >>> (i * 6) : h2 >>> ((i - 10) * 6);
            c[i] = B64[(int) (bits & 63)];
        }
        return new String(c);
    }

    /** A lifecycle hook run's id, derived from the deployment, the stage and the hook's position. */
    static String hookId(String deploymentId, String stage, int index) {
        return uuidFrom(deploymentId + "/" + stage, index);
    }
}
