package io.harbormaster.views.shared;

import java.lang.ref.Reference;

/** Waits for the garbage collector to let go of what a test dropped. */
public final class Collected {

    private Collected() {
    }

    /** True once {@code reference} is cleared, asking for a collection up to 20 times, 50 ms apart. */
    public static boolean eventually(Reference<?> reference) throws InterruptedException {
        for (int i = 0; i < 20 && reference.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return reference.get() == null;
    }
}
