package io.harbormaster.model.environment;

import java.util.Optional;

/**
 * What the console knows when it runs on its own embedded sandbox, a local AWS to practise on; on real AWS there is
 * none. The app learns it from the sandbox it started itself, so the sandbox needs to know nothing of the console.
 */
public interface PracticeWorld {

    /** Sandbox seconds per wall-clock second: 1 is real time, 0 a stopped clock moved by hand. */
    double clockSpeed();

    /**
     * The code the practice MFA device with this serial shows now, on the sandbox's clock; empty for any other
     * device. A practice aid: real AWS has no such thing.
     */
    Optional<String> currentCode(String mfaSerial);
}
