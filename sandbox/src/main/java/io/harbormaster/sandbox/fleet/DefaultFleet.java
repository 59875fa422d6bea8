package io.harbormaster.sandbox.fleet;

import io.harbormaster.sandbox.ecs.PlacementConstraint;
import io.harbormaster.sandbox.ecs.PlacementStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * The production fleet of the seed: clusters grouped by concern (api, cdn, app, integrations, warehouses,
 * internal), mostly large compute instances with a few small leftovers, ~60 services, ~3,000 tasks. Most services
 * use dynamic host ports behind ALBs; a few legacy ones sit on static ports behind classic ELBs.
 *
 * <p>Stories built in: api runs as api-blue and api-green; edge-cache (static port 80) asks for more tasks than
 * the cdn cluster has hosts, so two cannot be placed; redshift-loader asks for more memory than any instance has;
 * warehouse-loader's memory-heavy tasks, binpacked, leave CPU stranded on full-memory hosts.
 */
final class DefaultFleet {

    static final PlacementStrategy SPREAD_ZONE = new PlacementStrategy("spread", "attribute:ecs.availability-zone");
    static final PlacementStrategy SPREAD_INSTANCE = new PlacementStrategy("spread", "instanceId");
    static final PlacementStrategy BINPACK_MEMORY = new PlacementStrategy("binpack", "memory");
    static final PlacementStrategy BINPACK_CPU = new PlacementStrategy("binpack", "cpu");
    static final PlacementConstraint DISTINCT = new PlacementConstraint("distinctInstance", null);

    private DefaultFleet() {
    }

    static List<ClusterBlueprint> prodClusters() {
        return List.of(
                new ClusterBlueprint("api", "c5.4xlarge", List.of("t3.medium", "t3.medium"), 0),
                new ClusterBlueprint("cdn", "c5.4xlarge", List.of(), 0),
                new ClusterBlueprint("app", "m5.4xlarge", List.of("t3.medium", "t3.medium", "m5.large"), 0),
                new ClusterBlueprint("integrations", "c5.2xlarge", List.of("t3.medium"), 0),
                new ClusterBlueprint("warehouses", "c5.4xlarge", List.of("r5.2xlarge", "r5.2xlarge", "r5.2xlarge"), 0),
                new ClusterBlueprint("internal", "m5.2xlarge", List.of("t3.medium", "t3.medium"), 0));
    }

    static List<ServiceBlueprint> prodServices() {
        List<ServiceBlueprint> s = new ArrayList<>();
        List<PlacementStrategy> zoneThenPack = List.of(SPREAD_ZONE, BINPACK_MEMORY);
        List<PlacementStrategy> pack = List.of(BINPACK_MEMORY);
        List<PlacementStrategy> spread = List.of(SPREAD_ZONE, SPREAD_INSTANCE);
        List<PlacementConstraint> none = List.of();
        List<String> db = List.of("DB_PASSWORD");

        // api: blue and green are two revisions of one family, ready for a weighted cutover.
        s.add(svc("api", "api-blue", "api", "api", v("1.39.2", "1.40.0", "1.40.1", "1.41.0", "1.42.0"), 256, 512, 8080, 0, 400, zoneThenPack, none, true, null, List.of("DB_PASSWORD", "JWT_SIGNING_KEY")));
        s.add(svc("api", "api-green", "api", "api", v("1.39.2", "1.40.0", "1.40.1", "1.41.0", "1.42.0", "1.43.0"), 256, 512, 8080, 0, 400, zoneThenPack, none, true, null, List.of("DB_PASSWORD", "JWT_SIGNING_KEY")));
        s.add(svc("api", "api-auth", "auth", "auth", v("1.7.9", "1.8.0", "1.8.3"), 256, 512, 8080, 0, 180, zoneThenPack, none, true, null, List.of("DB_PASSWORD", "OAUTH_CLIENT_SECRET")));
        s.add(svc("api", "api-ratelimit", "ratelimit", "ratelimit", v("2.0.4", "2.1.0"), 256, 512, 8081, 0, 70, zoneThenPack, none, true, null, List.of("REDIS_PASSWORD")));
        s.add(svc("api", "api-webhooks", "webhooks", "webhooks", v("3.3.0", "3.4.0", "3.4.1"), 256, 512, 8080, 0, 110, zoneThenPack, none, true, null, db));
        s.add(svc("api", "api-legacy", "legacy-api", "legacy-api", v("0.9.11", "0.9.12"), 1024, 2048, 8080, 8080, 24, spread, none, false, "api-legacy", db));
        s.add(svc("api", "api-docs", "docs", "docs", v("5.0.1", "5.0.2"), 256, 512, 3000, 0, 6, zoneThenPack, none, true, null, List.of()));
        s.add(svc("api", "api-admin", "admin-api", "admin-api", v("2.2.0", "2.3.0"), 512, 1024, 8080, 0, 16, zoneThenPack, none, true, null, db));
        s.add(svc("api", "api-graphql", "graphql", "graphql", v("1.11.4", "1.12.0"), 512, 1024, 4000, 0, 46, zoneThenPack, none, true, null, db));

        // cdn: edge-cache is the ELB-era static-port service: one per host at most, and it wants two more than exist.
        s.add(svc("cdn", "edge-cache", "edge-cache", "edge-cache", v("4.1.7", "4.2.0"), 2048, 4096, 80, 80, -2, spread, none, false, "cdn-edge", List.of()));
        s.add(svc("cdn", "cdn-origin", "origin", "origin", v("2.7.3", "2.7.5"), 512, 1024, 8080, 0, 120, pack, none, true, null, List.of("S3_SECRET_ACCESS_KEY")));
        s.add(svc("cdn", "image-resizer", "resizer", "resizer", v("1.18.2", "1.19.0"), 1024, 2048, 8080, 0, 56, pack, none, true, null, List.of()));
        s.add(svc("cdn", "cdn-purger", "purger", "purger", v("1.4.0", "1.4.2"), 256, 512, -1, -1, 24, pack, none, false, null, List.of("FASTLY_API_TOKEN")));
        s.add(svc("cdn", "cdn-logs", "cdn-logs", "cdn-logs", v("0.7.9", "0.8.0"), 256, 512, -1, -1, 28, pack, none, false, null, List.of()));

        // app: the monolith's web and workers, and its satellites.
        s.add(svc("app", "app-web", "web", "web", v("7.13.0", "7.14.0", "7.14.2"), 512, 1024, 8080, 0, 360, zoneThenPack, none, true, null, List.of("DB_PASSWORD", "SESSION_SECRET")));
        s.add(svc("app", "app-worker", "worker", "web", v("7.13.0", "7.14.0", "7.14.2"), 512, 1024, -1, -1, 160, pack, none, false, null, List.of("DB_PASSWORD")));
        s.add(svc("app", "app-scheduler", "scheduler", "web", v("7.14.0", "7.14.2"), 256, 512, -1, -1, 2, spread, List.of(DISTINCT), false, null, db));
        s.add(svc("app", "app-mailer", "mailer", "mailer", v("3.1.9", "3.2.0"), 256, 512, -1, -1, 30, pack, none, false, null, List.of("SMTP_PASSWORD")));
        s.add(svc("app", "app-search", "search", "search", v("3.9.0", "4.0.0", "4.0.1"), 1024, 4096, 9200, 0, 40, zoneThenPack, none, true, null, List.of()));
        s.add(svc("app", "app-notifications", "notifications", "notifications", v("2.7.1", "2.8.0"), 512, 1024, 8080, 0, 60, pack, none, true, null, List.of("APNS_KEY")));
        s.add(svc("app", "app-billing", "billing", "billing", v("5.5.0", "5.5.3"), 512, 1024, 8080, 0, 20, zoneThenPack, none, true, null, List.of("DB_PASSWORD", "STRIPE_SECRET_KEY")));
        s.add(svc("app", "app-reports", "reports", "reports", v("1.29.0", "1.30.0"), 2048, 8192, -1, -1, 10, pack, none, false, null, db));
        s.add(svc("app", "app-sessions", "sessions", "sessions", v("1.2.5", "1.2.7"), 256, 512, 8080, 0, 40, zoneThenPack, none, true, null, List.of("REDIS_PASSWORD")));
        s.add(svc("app", "app-websocket", "websocket", "websocket", v("0.20.3", "0.21.0"), 512, 1024, 8443, 0, 40, zoneThenPack, none, true, null, List.of()));
        s.add(svc("app", "app-export", "export", "export", v("2.0.2", "2.0.4"), 512, 2048, -1, -1, 12, pack, none, false, null, db));
        s.add(svc("app", "app-import", "import", "import", v("2.0.2", "2.0.4"), 512, 2048, -1, -1, 12, pack, none, false, null, db));
        s.add(svc("app", "app-audit", "audit", "audit", v("1.0.8", "1.1.0"), 256, 512, -1, -1, 8, pack, none, false, null, db));
        s.add(svc("app", "app-search-indexer", "search-indexer", "search", v("4.0.0", "4.0.1"), 512, 2048, -1, -1, 16, pack, none, false, null, List.of()));
        s.add(svc("app", "app-thumbnails", "thumbnails", "thumbnails", v("0.5.2", "0.6.0"), 512, 1024, -1, -1, 24, pack, none, false, null, List.of()));

        // integrations: many small workers.
        String[][] integrations = {
            {"salesforce", "44"}, {"hubspot", "30"}, {"zendesk", "24"}, {"slack", "36"}, {"stripe", "28"},
            {"segment", "48"}, {"mailchimp", "20"}, {"marketo", "16"}, {"intercom", "20"}, {"github", "18"},
            {"jira", "16"}, {"shopify", "30"}, {"twilio", "22"}, {"pagerduty", "10"}, {"okta", "12"}, {"datadog", "14"},
        };
        for (String[] i : integrations) {
            s.add(svc("integrations", "integration-" + i[0], "integration-" + i[0], "integrations",
                    v("6.1.0", "6.2.0", "6.2.1"), 256, 512, 8080, 0, Integer.parseInt(i[1]) * 3 / 2, pack, none, false, null,
                    List.of(i[0].toUpperCase() + "_API_KEY")));
        }

        // warehouses: memory-heavy loaders.
        s.add(svc("warehouses", "warehouse-loader", "warehouse-loader", "loader", v("3.2.1", "3.3.0"), 256, 7168, -1, -1, 24, pack, none, false, null, List.of("DB_PASSWORD", "WAREHOUSE_PASSWORD")));
        s.add(svc("warehouses", "redshift-loader", "redshift-loader", "loader", v("3.3.0"), 1024, 70_000, -1, -1, 1, pack, none, false, null, List.of("REDSHIFT_PASSWORD")));
        s.add(svc("warehouses", "bigquery-loader", "bigquery-loader", "loader", v("3.2.1", "3.3.0"), 512, 4096, -1, -1, 12, pack, none, false, null, List.of("GCP_SERVICE_ACCOUNT_KEY")));
        s.add(svc("warehouses", "snowflake-loader", "snowflake-loader", "loader", v("3.3.0"), 512, 6144, -1, -1, 8, pack, none, false, null, List.of("SNOWFLAKE_PASSWORD")));

        // internal tooling.
        s.add(svc("internal", "admin-dashboard", "admin-dashboard", "admin-dashboard", v("12.0.1", "12.1.0"), 512, 1024, 3000, 0, 4, spread, none, true, null, db));
        s.add(svc("internal", "metrics-proxy", "metrics-proxy", "metrics-proxy", v("0.3.2"), 256, 256, 8125, 8125, 6, spread, List.of(DISTINCT), false, null, List.of()));
        s.add(svc("internal", "vault-agent", "vault-agent", "vault", v("1.15.2", "1.15.6"), 256, 512, 8200, 0, 6, spread, none, false, null, List.of("VAULT_TOKEN")));
        s.add(svc("internal", "deploy-bot", "deploy-bot", "deploy-bot", v("2.4.0"), 256, 512, -1, -1, 2, spread, none, false, null, List.of("GITHUB_TOKEN")));
        s.add(svc("internal", "cron", "cron", "cron", v("1.0.3"), 256, 512, -1, -1, 2, spread, List.of(DISTINCT), false, null, db));
        s.add(svc("internal", "grafana", "grafana", "grafana", v("10.4.2", "11.0.0"), 512, 1024, 3000, 0, 2, spread, none, true, null, List.of("GF_SECURITY_ADMIN_PASSWORD")));
        s.add(svc("internal", "prometheus", "prometheus", "prometheus", v("2.51.0", "2.53.1"), 1024, 8192, 9090, 0, 2, spread, List.of(DISTINCT), false, null, List.of()));
        s.add(svc("internal", "alertmanager", "alertmanager", "alertmanager", v("0.27.0"), 256, 512, 9093, 0, 2, spread, none, false, null, List.of("SLACK_WEBHOOK_URL")));
        s.add(svc("internal", "status-page", "status-page", "status-page", v("3.0.0", "3.0.2"), 256, 512, 8080, 0, 2, spread, none, true, null, List.of()));
        s.add(svc("internal", "feature-flags", "feature-flags", "feature-flags", v("1.8.0", "1.9.1"), 256, 512, 8080, 0, 4, spread, none, true, null, db));
        return s;
    }

    private static List<String> v(String... versions) {
        return List.of(versions);
    }

    private static ServiceBlueprint svc(String cluster, String name, String family, String image, List<String> versions,
                                        int cpu, int memory, int containerPort, int hostPort, int count,
                                        List<PlacementStrategy> strategy, List<PlacementConstraint> constraints,
                                        boolean targetGroup, String classicElb, List<String> secrets) {
        return new ServiceBlueprint(cluster, name, family, image, versions, cpu, memory, containerPort, hostPort, count,
                strategy, constraints, targetGroup, classicElb, secrets);
    }
}
