/**
 * Stop a task: ECS StopTask through the {@link io.harbormaster.model.fleet.StopTask} port with the operator's reason,
 * after the {@link io.harbormaster.views.guard.WriteGuard} (the task id typed in production, refused in read-only
 * environments). Pages offer it with {@link io.harbormaster.views.stoptask.StopTaskAction}.
 */
package io.harbormaster.views.stoptask;
