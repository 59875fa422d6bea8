package io.harbormaster.sandbox.sts;

import io.harbormaster.sandbox.core.SandboxModule;
import io.harbormaster.sandbox.iam.Iam;

/** STS: no state of its own beyond IAM's sessions. */
public final class StsModule implements SandboxModule {

    @Override
    public void install(Installation in) {
        in.http().register(new StsHandler(in.world(), in.edge(), in.world().component(Iam.class)));
    }
}
