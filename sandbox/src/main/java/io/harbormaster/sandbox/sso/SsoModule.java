package io.harbormaster.sandbox.sso;

import io.harbormaster.sandbox.core.SandboxModule;
import io.harbormaster.sandbox.iam.Iam;

/** IAM Identity Center: the OIDC device flow, the SSO portal API and the device-approval page. */
public final class SsoModule implements SandboxModule {

    @Override
    public void install(Installation in) {
        IdentityCenter center = in.world().locked(() -> new IdentityCenter(in.world(), in.world().component(Iam.class),
                System::nanoTime));
        in.world().register(IdentityCenter.class, center);
        in.http().register(new SsoOidcHandler(in.world(), in.edge(), center));
        in.http().register(new SsoPortalHandler(in.world(), in.edge(), center));
        in.http().register(new ApprovalPage(in.world(), in.edge(), center));
    }
}
