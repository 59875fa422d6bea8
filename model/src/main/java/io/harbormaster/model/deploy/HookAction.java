package io.harbormaster.model.deploy;

/** What a hook does when it times out, or what the operator answers a PAUSE hook with. */
public enum HookAction { CONTINUE, ROLLBACK }
