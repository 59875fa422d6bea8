package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnvironmentSession;
import java.util.Optional;

/** Port: a task's desired and last status as ECS describes it now (DescribeTasks), to read a stop back. Blocking. */
public interface ReadTaskStatus {

    /** @return empty when ECS no longer lists the task (a stopped task is kept for about an hour) */
    Optional<TaskStatus> taskStatus(EnvironmentSession session, String cluster, String task);

    /**
     * @param desiredStatus STOPPED once a stop was asked for (by StopTask, its service or ECS), else RUNNING
     * @param lastStatus    where the task is now: RUNNING, DEACTIVATING, STOPPING, …, STOPPED
     * @param stopCode      why ECS stops it, once a stop was asked for: {@value #USER_INITIATED} for a StopTask,
     *                      ServiceSchedulerInitiated, EssentialContainerExited, TaskFailedToStart, SpotInterruption,
     *                      …; empty while it runs (or when not said)
     * @param stoppedReason the stop's words: StopTask's {@code reason}, or ECS's own ("Essential container in task
     *                      exited"); empty while it runs
     */
    record TaskStatus(String desiredStatus, String lastStatus, String stopCode, String stoppedReason) {

        /** DescribeTasks' stop code for a task stopped by StopTask. */
        public static final String USER_INITIATED = "UserInitiated";

        public TaskStatus {
            stopCode = stopCode == null ? "" : stopCode;
            stoppedReason = stoppedReason == null ? "" : stoppedReason;
        }

        /** A task whose stop, if any, is not described. */
        public TaskStatus(String desiredStatus, String lastStatus) {
            this(desiredStatus, lastStatus, "", "");
        }

        /** Whether a stop was asked for: ECS stops a task once asked, whoever asked. */
        public boolean stopAsked() {
            return "STOPPED".equals(desiredStatus);
        }

        /**
         * Whether the stop asked for is a StopTask given {@code reason} (ECS keeps the first stop's code and reason: a
         * StopTask of a task already stopping changes neither). A stop whose code is not said is taken as that one.
         */
        public boolean stoppedBy(String reason) {
            return stopAsked() && (stopCode.isEmpty() || USER_INITIATED.equals(stopCode)
                    && stoppedReason.equals(reason));
        }

        /**
         * A stop asked for by someone else, in the words the journal and the operator read: "ECS had already stopped
         * it (ServiceSchedulerInitiated: Scaling activity initiated by …)", or "was already stopping it".
         */
        public String stoppedOtherwise() {
            return "ECS " + ("STOPPED".equals(lastStatus) ? "had already stopped" : "was already stopping") + " it ("
                    + stopCode + ": " + stoppedReason + ")";
        }
    }
}
