package io.harbormaster.sandbox.traffic;

/** Deterministic noise: a function of a key and a time, never of call order. */
final class Noise {

    private Noise() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [-1, 1). */
    static double white(long key, long t) {
        return ((mix(key * 0x9E3779B97F4A7C15L + mix(t)) >>> 11) * 0x1.0p-53) * 2 - 1;
    }

    /** Smooth in [-1, 1]: knots every {@code knot} steps, cosine-interpolated between them. */
    static double smooth(long key, long t, int knot) {
        long k = Math.floorDiv(t, knot);
        double f = (t - k * knot) / (double) knot;
        double a = white(key, k);
        double b = white(key, k + 1);
        double w = (1 - Math.cos(Math.PI * f)) / 2;
        return a * (1 - w) + b * w;
    }

    static long hash(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return mix(h);
    }

    /** A stable number in [0, 1) for a name. */
    static double unit(long seed, String name) {
        return (mix(seed ^ hash(name)) >>> 11) * 0x1.0p-53;
    }
}
