/**
 * Scale a service: set its desired count through the {@link io.harbormaster.model.fleet.ScaleService} port, after
 * the {@link io.harbormaster.views.guard.WriteGuard} (typed name in production, refused in read-only environments).
 * Pages offer it with {@link io.harbormaster.views.scale.ScaleServiceAction#button}.
 */
package io.harbormaster.views.scale;
