package io.harbormaster.sandbox;

import io.harbormaster.sandbox.chaos.Chaos;
import io.harbormaster.sandbox.chaos.FaultKind;
import io.harbormaster.sandbox.chaos.FaultRule;
import io.harbormaster.sandbox.core.HttpEndpoint;
import io.harbormaster.sandbox.core.Throttler;
import io.harbormaster.sandbox.core.World;
import io.harbormaster.sandbox.ecs.ImageFaults;
import io.harbormaster.sandbox.iam.Iam;
import io.harbormaster.sandbox.iam.IamUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Knobs for tests and demos: credentials, faults, throttling, latency, request capture. */
public final class SandboxControl {

    /** An IAM user's long-term access key. */
    public record AccessKey(String accessKeyId, String secretAccessKey) {
    }

    /** A request as the sandbox received it (header names lower-cased), with the status it was answered with. */
    public record RecordedRequest(String method, String path, Map<String, String> headers, String body, int status) {
    }

    private final World world;
    private final Iam iam;
    private final Throttler throttler;
    private final HttpEndpoint http;
    private final Chaos chaos;

    SandboxControl(World world, Iam iam, Throttler throttler, HttpEndpoint http, Chaos chaos) {
        this.chaos = chaos;
        this.world = world;
        this.iam = iam;
        this.throttler = throttler;
        this.http = http;
    }

    /** The sandbox's IAM users: alice, bob, carol. */
    public List<String> users() {
        return iam.userNames();
    }

    public AccessKey accessKey(String user) {
        IamUser u = iam.user(user);
        return new AccessKey(u.accessKeyId(), u.secretAccessKey());
    }

    /**
     * Deactivates the user's access key, as an administrator would in IAM: calls signed with it get
     * InvalidClientTokenId (query protocol) or UnrecognizedClientException (JSON). Temporary credentials already
     * issued from it (AssumeRole, GetSessionToken) keep working until they expire, as on AWS.
     */
    public void revokeAccessKey(String user) {
        iam.setKeyRevoked(user, true);
    }

    /**
     * Detaches a policy from an IAM user, as an administrator would (alice and bob start with
     * {@link Iam#AUDIT_LOG_POLICY}, "HarbormasterAuditLog"); true when it was attached.
     */
    public boolean detachUserPolicy(String user, String policyName) {
        return iam.detachUserPolicy(user, policyName);
    }

    /** Attaches a policy to an IAM user (replacing one of the same name). */
    public void attachUserPolicy(String user, io.harbormaster.sandbox.iam.Policy policy) {
        iam.attachUserPolicy(user, policy);
    }

    /** Reactivates a key revoked by {@link #revokeAccessKey}. */
    public void reinstateAccessKey(String user) {
        iam.setKeyRevoked(user, false);
    }

    /**
     * Enables or disables an opt-in region (e.g. {@code ap-east-1}) for an account. Opt-in regions start disabled
     * in every account. Calls signed for a disabled region get STS's RegionDisabledException ("STS is not activated
     * in this region for account:…") or, from every other service, UnrecognizedClientException /
     * InvalidClientTokenId ("The security token included in the request is invalid."), as AWS answers.
     */
    public void setRegionEnabled(String accountId, String region, boolean enabled) {
        iam.setRegionEnabled(accountId, region, enabled);
    }

    /** Makes the tasks of every image whose reference contains {@code imageSubstring} misbehave (NONE heals them). */
    /**
     * Closes an environment account in the organization, as far as IAM Identity Center shows it: the access portal
     * no longer lists it, and GetRoleCredentials for it answers ForbiddenException ("No access").
     */
    public void closeAccount(String accountId) {
        world.locked(() -> world.component(io.harbormaster.sandbox.sso.IdentityCenter.class).closeAccount(accountId));
    }

    public void setImageFault(String imageSubstring, Fault fault) {
        world.component(ImageFaults.class).set(imageSubstring, fault);
    }

    public void clearImageFault(String imageSubstring) {
        world.component(ImageFaults.class).clear(imageSubstring);
    }

    /**
     * Makes one side of a cutover fail at once, whatever image it runs: from now on (sandbox time) the target group's
     * targets answer {@code errorRate} (0–1) of the requests they get with 5xx, three times slower; 0 heals. Targets
     * stay healthy (like a {@code flaky} image), so the errors show in HTTPCode_Target_5XX_Count and
     * TargetResponseTime as soon as weights send it traffic. {@code targetGroup} is a name or an ARN in us-east-1.
     * Unlike {@link #setImageFault}, it needs no new deployment: running tasks are affected.
     */
    public void failTargetGroup(String accountId, String targetGroup, double errorRate) {
        if (!(world.component(io.harbormaster.sandbox.core.Telemetry.class)
                instanceof io.harbormaster.sandbox.traffic.TrafficModel traffic)) {
            throw new IllegalStateException("this sandbox runs no traffic model");
        }
        traffic.failTargetGroup(accountId, "us-east-1", targetGroup, errorRate);
    }

    /** The fault an image's tasks get, from explicit rules or the image's marker (faulty, crashloop, flaky). */
    public Fault imageFault(String image) {
        return world.component(ImageFaults.class).faultOf(image);
    }

    public void setThrottling(boolean on) {
        throttler.setEnabled(on);
    }

    public boolean throttling() {
        return throttler.enabled();
    }

    /** Real time every call spends on its handler thread. */
    public void setServiceTime(Duration serviceTime) {
        http.setServiceTime(serviceTime);
    }

    public Duration serviceTime() {
        return http.serviceTime();
    }

    /**
     * Whether temporary credentials expire on the sandbox clock (default true). Demos that run the clock fast while
     * a client caches credentials by the wall clock may turn this off.
     */
    public void setCredentialExpiry(boolean enforced) {
        iam.setEnforceExpiry(enforced);
    }

    /**
     * Switches a wire fault on, written as {@code --chaos} takes it (see {@link FaultRule}), e.g.
     * {@code unavailable:sts} or {@code reset:ecs.UpdateService,rate=1,for=10s}; answers its id.
     */
    public long addFault(String spec) {
        return chaos.add(FaultRule.parse(spec));
    }

    public long addFault(FaultRule rule) {
        return chaos.add(rule);
    }

    public void removeFault(long id) {
        chaos.remove(id);
    }

    /** Switches every wire fault off; connections held by {@code region-down} are closed. */
    public void clearFaults() {
        chaos.clear();
    }

    /** The wire faults in force, by id. */
    public Map<Long, FaultRule> faults() {
        return chaos.rules();
    }

    /** How many requests met each kind of wire fault since the start. */
    public Map<FaultKind, Long> faultsInjected() {
        return chaos.injected();
    }

    /**
     * How many requests each operation received since the start, keyed {@code service.Operation} by the SigV4
     * signing name ({@code ecs.DescribeServices}), retries and faulted requests included: what a client really sent.
     */
    public Map<String, Long> requestsByOperation() {
        return chaos.requestsByOperation();
    }

    /** A mark in the sandbox's history of requests: those after it can be counted by user agent. */
    public long requestMark() {
        return chaos.requestMark();
    }

    /**
     * As {@link #requestsByOperation()}, for the requests since {@code mark} whose {@code User-Agent} carries
     * {@code product} as one of its space-separated tokens, as CloudTrail records each call's {@code userAgent}: an
     * SDK client that names its calls' purpose with an ApiName ({@code name/version}) gets that purpose's calls
     * alone, retries included. The sandbox keeps the last few thousand requests.
     *
     * @throws IllegalStateException when requests since the mark are no longer all kept (the count would be short)
     */
    public Map<String, Long> requestsByOperation(long mark, String product) {
        return chaos.requestsByOperation(mark, product);
    }

    /** Starts or stops keeping the last 200 requests for {@link #recordedRequests()}. */
    public void recordRequests(boolean on) {
        http.setRecording(on);
    }

    /** How many requests the sandbox has answered since it started, of every service. */
    public long requestCount() {
        return http.answered();
    }

    public List<RecordedRequest> recordedRequests() {
        return http.recorded().stream()
                .map(r -> new RecordedRequest(r.method(), r.path(), r.headers(), r.body(), r.status()))
                .collect(Collectors.toList());
    }

    /** Events scheduled on the sandbox clock and not yet run (tasks starting, draining, retries …). */
    public int pendingEvents() {
        return world.locked(() -> world.timeline().pending());
    }
}
