/**
 * Cutovers: moving live traffic by weights, between Route 53 weighted record sets or an ALB forward action's target
 * groups, in steps gated by CloudWatch, journaled so a crash can be reconciled, under a lock both operators see.
 *
 * <p>Reading order: {@link io.harbormaster.model.cutover.WeightedRoute} (what can be cut over) and
 * {@link io.harbormaster.model.cutover.Weights} (a validated split) → {@link io.harbormaster.model.cutover.CutoverPlan}
 * (steps built by {@link io.harbormaster.model.cutover.CutoverPlanner}) and
 * {@link io.harbormaster.model.cutover.GatePolicy} → {@link io.harbormaster.model.cutover.CutoverRunner} (the state
 * machine driven by a clock, publishing {@link io.harbormaster.model.cutover.CutoverState}) →
 * {@link io.harbormaster.model.cutover.CutoverReconciler} (what to do after a restart). Ports:
 * {@link io.harbormaster.model.cutover.FindWeightedTargets}, {@link io.harbormaster.model.cutover.ShiftWeights},
 * {@link io.harbormaster.model.cutover.CutoverLock}, {@link io.harbormaster.model.cutover.GateMetrics},
 * {@link io.harbormaster.model.cutover.ResolveSides}, {@link io.harbormaster.model.cutover.RunPreflight},
 * {@link io.harbormaster.model.cutover.CutoverSessions}.
 */
package io.harbormaster.model.cutover;
