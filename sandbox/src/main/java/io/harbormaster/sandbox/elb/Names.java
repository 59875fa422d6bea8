package io.harbormaster.sandbox.elb;

import java.util.SplittableRandom;

/** Identifiers in ELBv2's shapes, drawn from seeded randomness or derived from names. */
final class Names {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Names() {
    }

    static String hex(SplittableRandom r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = HEX[r.nextInt(16)];
        }
        return new String(c);
    }

    /** Hex digits derived from a number: stable ids for things that must not depend on creation order. */
    static String hex(long seed, int n) {
        return hex(new SplittableRandom(seed), n);
    }

    /** A stable number in [0, 1) derived from a string. */
    static double unit(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return (new SplittableRandom(h).nextLong() >>> 11) * 0x1.0p-53;
    }
}
