package io.harbormaster.model.deploy;

/** What a lifecycle hook runs: a Lambda function, or a pause that waits for ContinueServiceDeployment. */
public enum HookTargetType { AWS_LAMBDA, PAUSE }
