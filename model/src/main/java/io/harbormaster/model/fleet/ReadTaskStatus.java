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
     */
    record TaskStatus(String desiredStatus, String lastStatus) {

        /** Whether a stop was asked for: ECS stops a task once asked, whoever asked. */
        public boolean stopAsked() {
            return "STOPPED".equals(desiredStatus);
        }
    }
}
