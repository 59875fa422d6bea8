package io.harbormaster.model.noisemap;

import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PortSet;
import java.util.ArrayList;
import java.util.List;

final class NoiseFixtures {

    private NoiseFixtures() {
    }

    static Host host(String id, String cluster, String zone, String type) {
        return new Host("arn:aws:ecs:us-east-1:111111111111:container-instance/" + cluster + "/" + id,
                "arn:aws:ecs:us-east-1:111111111111:cluster/" + cluster, "i-" + id, type, zone, "ACTIVE", true,
                4096, 8192, 1024, 2048, PortSet.EMPTY, PortSet.EMPTY, 3, 0);
    }

    /** n hosts spread over three zones and two clusters, ids zero-padded so their order is their number. */
    static List<Host> fleet(int n) {
        List<Host> hosts = new ArrayList<>();
        String[] zones = {"us-east-1a", "us-east-1b", "us-east-1c"};
        for (int i = 0; i < n; i++) {
            hosts.add(host(String.format("%05d", i), i % 4 == 0 ? "api" : "app", zones[i % 3],
                    i % 5 == 0 ? "m5.large" : "c5.2xlarge"));
        }
        return hosts;
    }
}
