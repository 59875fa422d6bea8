/**
 * The guard every write goes through. {@link io.harbormaster.views.guard.WriteGuard} knows, per environment,
 * whether writes are allowed and why not (read-only flag, a read-only role, a write AWS denied before), and before a
 * write asks for the resource's name to be typed in production ({@link io.harbormaster.views.guard.ConfirmByTypingDialog}
 * over {@link io.harbormaster.views.guard.ConfirmByTypingViewModel}). Write actions bind their {@code disable} and
 * tooltip to {@link io.harbormaster.views.guard.WriteGuard#writesAllowedProperty()} and
 * {@link io.harbormaster.views.guard.WriteGuard#writeDisabledReasonProperty()}.
 */
package io.harbormaster.views.guard;
