/**
 * Deploys: a new task-definition revision rolled out by ECS's own deployment machinery (rolling, blue/green, linear,
 * canary), previewed before it starts (diff, timeline), journalled, and followed to ECS's terminal status.
 *
 * <p>Use cases are narrow ports ({@link io.harbormaster.model.deploy.DescribeDeployTarget},
 * {@link io.harbormaster.model.deploy.RegisterRevision}, {@link io.harbormaster.model.deploy.StartDeployment},
 * {@link io.harbormaster.model.deploy.ServiceDeployments}, {@link io.harbormaster.model.deploy.StopDeployment},
 * {@link io.harbormaster.model.deploy.ContinueDeployment}, {@link io.harbormaster.model.deploy.DeploymentEvidence});
 * {@link io.harbormaster.model.deploy.DeployService} orchestrates them and writes every AWS write to the
 * {@link io.harbormaster.model.journal.WriteJournal}.
 */
package io.harbormaster.model.deploy;
