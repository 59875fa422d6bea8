package io.harbormaster.model.environment;

/**
 * Shows the operator an IAM Identity Center sign-in under way: the address to approve it at (the console opens the
 * system browser there) and the code to compare. Called from a background thread, which then polls AWS until the
 * operator approves, denies, the code expires or {@link Waiting#cancelled()} says the operator gave up.
 */
@FunctionalInterface
public interface SsoSignInPrompt {

    /**
     * @param session          the SSO session (or start URL, for legacy profiles) being signed in to
     * @param verificationUri  where the operator approves, with the code filled in
     * @param userCode         the code the approval page shows, to compare
     */
    Waiting show(String session, String verificationUri, String userCode);

    /**
     * A sign-in asked for again: the previous one ran out (its session ended, or it was revoked) and could not be
     * refreshed. The prompt should say so, so the operator knows why a browser opened mid-work.
     *
     * @param why what happened to the previous sign-in, in the operator's words
     */
    default Waiting showAgain(String session, String verificationUri, String userCode, String why) {
        return show(session, verificationUri, userCode);
    }

    /** The prompt while the sign-in waits; closed whatever the outcome. */
    interface Waiting extends AutoCloseable {

        boolean cancelled();

        @Override
        void close();
    }

    /** For places where no operator can answer: every sign-in is cancelled at once. */
    SsoSignInPrompt NONE = (session, uri, code) -> new Waiting() {
        @Override
        public boolean cancelled() {
            return true;
        }

        @Override
        public void close() {
        }
    };
}
