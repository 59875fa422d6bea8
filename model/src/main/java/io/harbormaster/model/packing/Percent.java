package io.harbormaster.model.packing;

final class Percent {

    private Percent() {
    }

    /** part of whole as 0–100; 0 when the whole is empty. */
    static double of(long part, long whole) {
        return whole <= 0 ? 0 : 100.0 * part / whole;
    }
}
