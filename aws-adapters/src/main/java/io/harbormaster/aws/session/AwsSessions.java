package io.harbormaster.aws.session;

import io.harbormaster.aws.config.AwsProfiles;
import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.sso.SsoLogins;
import io.harbormaster.aws.sso.SsoProfile;
import io.harbormaster.aws.sso.SsoTokenCache;
import io.harbormaster.model.concurrent.Pause;
import io.harbormaster.model.environment.CallerIdentity;
import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.environment.SessionExpiry;
import io.harbormaster.model.environment.SsoSignInPrompt;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.error.Problem.Kind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Enters environments by assuming their roles from the ops login, the way the AWS CLI reads the same profiles:
 * role_arn, source_profile, role_session_name, duration_seconds, mfa_serial, region, endpoint_url.
 *
 * <p>An MFA-protected role is entered with credentials from an MFA-backed GetSessionToken on the login, kept per
 * login, so one code serves every environment entered from that login (as aws-vault and Granted do), even when
 * several are entered at once: they share one prompt. Every secret stays in memory, in this object.
 *
 * <p>{@link #enter} blocks (on AWS, and on the operator while a code is asked); call it off the UI thread, which
 * the prompt needs.
 */
public final class AwsSessions implements EnterEnvironment, SessionExpiry {

    private static final int DEFAULT_ROLE_SECONDS = 3600;
    private static final int MFA_SESSION_SECONDS = 12 * 3600;

    private final Supplier<AwsProfiles> profiles;
    private final AwsClientFactory clients;
    private final Clock clock;
    private final SsoLogins sso;
    private final SsoSignInPrompt ssoPrompt;
    private final Map<String, OpsLogin> logins = new ConcurrentHashMap<>();
    private final Map<String, Entered> entered = new ConcurrentHashMap<>();
    /** The Identity Center profile an entered environment renews its credentials from. */
    private final Map<String, SsoProfile> enteredWithSso = new ConcurrentHashMap<>();

    /** An environment entered in this run: switching back to it reuses this while its credentials last. */
    private record Entered(String profile, ClientContext context, CallerIdentity identity) {
    }

    /** Without an SSO sign-in prompt: SSO profiles are entered with the AWS CLI's cached sign-in only. */
    public AwsSessions(Supplier<AwsProfiles> profiles, AwsClientFactory clients, Clock clock) {
        this(profiles, clients, clock, new SsoLogins(SsoTokenCache.forHome(Path.of(System.getProperty("user.home"))),
                clientsFor(clients), clock, Pause.SLEEP), SsoSignInPrompt.NONE);
    }

    /**
     * @param sso       the Identity Center sign-ins (shared with the environments dialog's discovery)
     * @param ssoPrompt shows a sign-in under way; called off the UI thread
     */
    public AwsSessions(Supplier<AwsProfiles> profiles, AwsClientFactory clients, Clock clock, SsoLogins sso,
            SsoSignInPrompt ssoPrompt) {
        this.profiles = profiles;
        this.clients = clients;
        this.clock = clock;
        this.sso = sso;
        this.ssoPrompt = ssoPrompt;
    }

    /** The Identity Center clients, built by the factory (its HTTP client, retries and endpoint). */
    public static SsoLogins.Clients clientsFor(AwsClientFactory clients) {
        return new SsoLogins.Clients() {
            @Override
            public SsoOidcClient oidc(String region, Optional<URI> endpoint) {
                return clients.ssoOidc(region, endpoint);
            }

            @Override
            public SsoClient portal(String region, Optional<URI> endpoint) {
                return clients.sso(region, endpoint);
            }
        };
    }

    /**
     * Enters an environment. Switching back to one entered earlier in this run reuses its session while its
     * credentials have time left, so the switch costs no call at all; otherwise the role is assumed afresh.
     */
    @Override
    public EnvironmentSession enter(Environment environment, MfaPrompt mfaPrompt) {
        Entered known = entered.get(environment.id());
        if (known != null && known.profile().equals(environment.profileName())
                && known.context().region().equals(environment.defaultRegion()) && hasTimeLeft(known.context())) {
            return new EnvironmentSession(environment.withAccountId(known.identity().account()), known.identity(),
                    known.context().region(), expiresAt(environment.id()).orElse(null));
        }
        AwsProfiles config = profiles.get();
        String profile = environment.profileName();
        config.checkChain(profile);
        String region = environment.defaultRegion();
        Optional<URI> endpoint = config.endpointUrl(profile).map(URI::create);
        Optional<String> roleArn = config.property(profile, ProfileProperty.ROLE_ARN);

        AwsCredentialsProvider credentials;
        Instant expiry = null;
        Optional<SsoProfile> ssoProfile = roleArn.isEmpty() ? SsoProfile.of(config, profile) : Optional.empty();
        if (ssoProfile.isPresent()) {
            RoleCredentials role = ssoRole(ssoProfile.get(), endpoint);
            credentials = role;
            expiry = onOurClock(role);
        } else if (roleArn.isEmpty()) {
            credentials = ProfileCredentialsProvider.builder().profileFile(config.profileFile()).profileName(profile)
                    .build();
        } else {
            String loginProfile = config.property(profile, ProfileProperty.SOURCE_PROFILE).orElse(profile);
            OpsLogin login = login(config, loginProfile, region, endpoint);
            RoleAssumer assumer = new RoleAssumer(config, environment, roleArn.get(), login, mfaPrompt, region,
                    endpoint);
            RoleCredentials role = new RoleCredentials(assumer::assume,
                    java.time.Duration.ofSeconds(assumer.durationSeconds), clock);
            credentials = role;
            expiry = onOurClock(role);
        }
        CallerIdentity identity = callerIdentity(credentials, region, endpoint,
                "checking who you are in " + environment.displayName());
        ssoProfile.ifPresentOrElse(p -> enteredWithSso.put(environment.id(), p),
                () -> enteredWithSso.remove(environment.id()));
        Entered previous = entered.put(environment.id(),
                new Entered(profile, new ClientContext(credentials, region, endpoint), identity));
        if (previous != null) {
            clients.release(previous.context());
        }
        return new EnvironmentSession(environment.withAccountId(identity.account()), identity, region, expiry);
    }

    /** The credentials, region and endpoint of an entered environment, for building clients. */
    public ClientContext context(EnvironmentSession session) {
        Entered known = entered.get(session.environment().id());
        ClientContext context = known == null ? null : known.context();
        if (context == null) {
            throw new OperatorException(new Problem(Kind.CREDENTIALS_EXPIRED, "Not entered",
                    session.environment().displayName() + " has not been entered in this run.",
                    "Select the environment again.", ""));
        }
        if (!context.region().equals(session.region())) {
            return new ClientContext(context.credentials(), session.region(), context.endpoint());
        }
        return context;
    }

    @Override
    public Optional<Instant> expiresAt(String environmentId) {
        Entered known = entered.get(environmentId);
        if (known != null && known.context().credentials() instanceof RoleCredentials role) {
            return Optional.ofNullable(onOurClock(role));
        }
        return Optional.empty();
    }

    @Override
    public Optional<Instant> signInExpiresAt(String environmentId) {
        SsoProfile profile = enteredWithSso.get(environmentId);
        return profile == null ? Optional.empty() : sso.tokenLeft(profile).map(left -> clock.instant().plus(left));
    }

    /**
     * A permission set's role credentials, renewed from the Identity Center sign-in and judged on Identity Center's
     * clock (on the sandbox, its own), since a permission set's session length is not known here to measure the skew
     * by, as role sessions do.
     */
    private RoleCredentials ssoRole(SsoProfile profile, Optional<URI> endpoint) {
        return new RoleCredentials(() -> sso.roleCredentials(profile, endpoint, ssoPrompt), null, sso.clock());
    }

    /** When the credentials run out, on our clock, whichever clock they are judged on. */
    private Instant onOurClock(RoleCredentials role) {
        return role.expirationOn(clock);
    }

    /** Forgets every session and login: the next enter starts from the files again. */
    public void forgetAll() {
        logins.clear();
        entered.values().forEach(e -> clients.release(e.context()));
        entered.clear();
        enteredWithSso.clear();
    }

    private OpsLogin login(AwsProfiles config, String loginProfile, String region, Optional<URI> envEndpoint) {
        OpsLogin cached = logins.get(loginProfile);
        if (cached != null) {
            return cached;
        }
        Optional<URI> endpoint = config.endpointUrl(loginProfile).map(URI::create).or(() -> envEndpoint);
        // A role chained from an Identity Center profile: its permission set's credentials are the login, from the
        // console's own sign-in (the SDK's provider would read only the home directory's cache, and never ask).
        Optional<SsoProfile> ssoLogin = SsoProfile.of(config, loginProfile);
        AwsCredentialsProvider base = ssoLogin.<AwsCredentialsProvider>map(p -> ssoRole(p, endpoint))
                .orElseGet(() -> ProfileCredentialsProvider.builder().profileFile(config.profileFile())
                        .profileName(loginProfile).build());
        String loginRegion = config.region(loginProfile).orElse(region);
        CallerIdentity identity = callerIdentity(base, loginRegion, endpoint,
                "checking your ops login '" + loginProfile + "'");
        OpsLogin login = new OpsLogin(loginProfile, base, identity, loginRegion, endpoint);
        // Environments entered together may both have checked the login: all must share one (and its MFA session).
        OpsLogin first = logins.putIfAbsent(loginProfile, login);
        return first != null ? first : login;
    }

    private CallerIdentity callerIdentity(AwsCredentialsProvider credentials, String region, Optional<URI> endpoint,
            String doing) {
        try (StsClient sts = clients.sts(credentials, region, endpoint)) {
            GetCallerIdentityResponse who = sts.getCallerIdentity();
            return new CallerIdentity(who.account(), who.arn(), who.userId());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, doing);
        }
    }

    private boolean hasTimeLeft(ClientContext context) {
        if (!(context.credentials() instanceof RoleCredentials role)) {
            return true;
        }
        java.time.Duration left = role.left();
        return left == null || left.compareTo(RoleCredentials.RENEW_AHEAD) > 0;
    }

    /** Assumes one environment's role; called once on entry and again each time the credentials are renewed. */
    private final class RoleAssumer {
        private final Environment environment;
        private final String roleArn;
        private final OpsLogin login;
        private final MfaPrompt mfaPrompt;
        private final String region;
        private final Optional<URI> endpoint;
        private final Optional<String> mfaSerial;
        private final String sessionName;
        private final int durationSeconds;

        RoleAssumer(AwsProfiles config, Environment environment, String roleArn, OpsLogin login, MfaPrompt mfaPrompt,
                String region, Optional<URI> endpoint) {
            this.environment = environment;
            this.roleArn = roleArn;
            this.login = login;
            this.mfaPrompt = mfaPrompt;
            this.region = region;
            this.endpoint = endpoint;
            String profile = environment.profileName();
            this.mfaSerial = config.property(profile, ProfileProperty.MFA_SERIAL);
            this.sessionName = config.property(profile, ProfileProperty.ROLE_SESSION_NAME)
                    .orElseGet(login::userName);
            this.durationSeconds = config.property(profile, ProfileProperty.DURATION_SECONDS)
                    .map(AwsSessions::parseSeconds).orElse(DEFAULT_ROLE_SECONDS);
        }

        AwsSessionCredentials assume() {
            if (mfaSerial.isEmpty()) {
                return assumeAs(login.base);
            }
            AwsSessionCredentials mfa = mfaSession(mfaSerial.get());
            try {
                return assumeAs(StaticCredentialsProvider.create(mfa));
            } catch (OperatorException e) {
                if (e.problem().kind() != Kind.CREDENTIALS_EXPIRED) {
                    throw e;
                }
                // The login's MFA session ran out on AWS's clock before ours: ask for a new code once.
                login.forgetMfaSession(mfa);
                return assumeAs(StaticCredentialsProvider.create(mfaSession(mfaSerial.get())));
            }
        }

        private AwsSessionCredentials assumeAs(AwsCredentialsProvider caller) {
            AssumeRoleRequest request = AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName(sessionName)
                    .durationSeconds(durationSeconds).build();
            try (StsClient sts = clients.sts(caller, region, endpoint)) {
                return toSession(sts.assumeRole(request).credentials());
            } catch (StsException e) {
                if (isDenied(e)) {
                    throw new OperatorException(new Problem(Kind.ACCESS_DENIED, "Role not trusted",
                            login.describe() + " is not trusted by role " + roleArn + " in "
                                    + environment.displayName(),
                            "Ask an administrator to add you to the role's trust policy, or pick an environment"
                                    + " you may enter.",
                            e.awsErrorDetails().errorMessage() + " (request id " + e.requestId() + ")"), e);
                }
                throw AwsErrors.translate(e, "assuming " + roleArn + " for " + environment.displayName());
            } catch (SdkException e) {
                throw AwsErrors.translate(e, "assuming " + roleArn + " for " + environment.displayName());
            }
        }

        /** The login's MFA session; asking for a code (once for every caller waiting at the time) if it has none. */
        private AwsSessionCredentials mfaSession(String serial) {
            try {
                return login.mfaSession(clock.instant(), () -> sessionFromCode(serial));
            } catch (OperatorException e) {
                if (e.problem().kind() == Kind.MFA_REQUIRED) {
                    // Shared with callers entering other environments: say it for this one.
                    throw new OperatorException(noCodeGiven(serial), e);
                }
                throw e;
            }
        }

        private Problem noCodeGiven(String serial) {
            return new Problem(Kind.MFA_REQUIRED, "MFA code needed", environment.displayName()
                    + " needs a code from MFA device " + serial + ", and none was given.",
                    "Select the environment again and enter the current code.", "");
        }

        /** A refused code is asked for again in the same prompt, where the prompt can; cancelling gives up. */
        private AwsSessionCredentials sessionFromCode(String serial) {
            return mfaPrompt.askAndCheck(environment, serial, typed -> {
                String code = typed == null ? "" : typed.trim();
                if (code.isEmpty()) {
                    throw new OperatorException(noCodeGiven(serial));
                }
                return sessionToken(serial, code);
            }).orElseThrow(() -> new OperatorException(noCodeGiven(serial)));
        }

        private AwsSessionCredentials sessionToken(String serial, String code) {
            try (StsClient sts = clients.sts(login.base, login.region, login.endpoint)) {
                return toSession(sts.getSessionToken(r -> r.serialNumber(serial)
                        .tokenCode(code).durationSeconds(MFA_SESSION_SECONDS)).credentials());
            } catch (StsException e) {
                if (isDenied(e)) {
                    throw new OperatorException(new Problem(Kind.MFA_INVALID, "MFA code refused",
                            "The code for " + serial + " was not accepted.",
                            "Wait for the next code on your device and try again; check the device's clock.",
                            e.awsErrorDetails().errorMessage()), e);
                }
                throw AwsErrors.translate(e, "checking your MFA code");
            } catch (SdkException e) {
                throw AwsErrors.translate(e, "checking your MFA code");
            }
        }
    }

    private static boolean isDenied(StsException e) {
        return e.awsErrorDetails() != null && "AccessDenied".equals(e.awsErrorDetails().errorCode());
    }

    private static AwsSessionCredentials toSession(Credentials c) {
        return AwsSessionCredentials.builder().accessKeyId(c.accessKeyId()).secretAccessKey(c.secretAccessKey())
                .sessionToken(c.sessionToken()).expirationTime(c.expiration()).build();
    }

    private static int parseSeconds(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new OperatorException(new Problem(Kind.CONFIGURATION, "AWS profile cannot be used",
                    "duration_seconds must be a whole number of seconds, was '" + value + "'",
                    "Correct duration_seconds (900 to 43200).", ""));
        }
    }
}
