package io.harbormaster.sandbox.pricing;

import io.harbormaster.sandbox.core.SandboxModule;

/** AWS Price List Query API: GetProducts for AmazonEC2's on-demand Linux prices of the fleets' instance types. */
public final class PricingModule implements SandboxModule {

    @Override
    public void install(Installation in) {
        in.http().register(new PricingHandler(in.world(), in.edge(), Ec2PriceTable.standard()));
    }
}
