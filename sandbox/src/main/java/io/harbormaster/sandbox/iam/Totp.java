package io.harbormaster.sandbox.iam;

import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 time-based one-time passwords: HMAC-SHA1, 30-second steps, 6 digits — what AWS virtual MFA uses. */
public final class Totp {

    public static final int STEP_SECONDS = 30;

    private Totp() {
    }

    public static String code(byte[] secret, Instant at) {
        return code(secret, Math.floorDiv(at.getEpochSecond(), STEP_SECONDS));
    }

    /** Accepts the code of the current step and of one step either side, as AWS tolerates clock drift. */
    public static boolean verify(byte[] secret, Instant at, String code) {
        long step = Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
        for (long s = step - 1; s <= step + 1; s++) {
            if (code(secret, s).equals(code)) {
                return true;
            }
        }
        return false;
    }

    static String code(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] msg = new byte[8];
            for (int i = 7; i >= 0; i--) {
                msg[i] = (byte) (step & 0xFF);
                step >>= 8;
            }
            byte[] h = mac.doFinal(msg);
            int off = h[h.length - 1] & 0x0F;
            int bin = ((h[off] & 0x7F) << 24) | ((h[off + 1] & 0xFF) << 16) | ((h[off + 2] & 0xFF) << 8) | (h[off + 3] & 0xFF);
            return String.format("%06d", bin % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
