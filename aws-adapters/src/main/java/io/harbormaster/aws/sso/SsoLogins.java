package io.harbormaster.aws.sso;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.model.concurrent.Pause;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.environment.SsoSignInPrompt;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.SsoOidcException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * IAM Identity Center sign-ins, one per SSO session (or legacy start URL), shared with the AWS CLI through its token
 * cache. A token is taken from memory, else from the cache; one about to expire is refreshed silently while the
 * refresh token allows; otherwise the operator signs in with the OIDC device flow (polled at the interval AWS gives,
 * five seconds slower after each slow_down, as RFC 8628 says). Environments of the same session wait on one sign-in.
 * Calls block: use them off the UI thread.
 */
public final class SsoLogins {

    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    /** Refresh (or sign in again) this long before the token expires, as the CLI does (its refresh window). */
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(15);
    private static final Duration SLOW_DOWN = Duration.ofSeconds(5);

    /** Builds the two unsigned Identity Center clients for a region and endpoint. */
    public interface Clients {
        SsoOidcClient oidc(String region, Optional<URI> endpoint);

        SsoClient portal(String region, Optional<URI> endpoint);
    }

    /** An account and a permission set the signed-in operator may use. */
    public record Assignment(String accountId, String accountName, String roleName) {
    }

    private final SsoTokenCache cache;
    private final Clients clients;
    private final Clock clock;
    /** Waits between polls; tests may shorten it. */
    private final Pause sleeper;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, SsoTokenCache.Token> tokens = new ConcurrentHashMap<>();
    /** Access tokens AWS refused though their expiry said otherwise (revoked, or its clock ahead of ours). */
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();

    public SsoLogins(SsoTokenCache cache, Clients clients, Clock clock, Pause sleeper) {
        this.cache = cache;
        this.clients = clients;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * How long the session's token has left, on this object's clock, if it is signed in (shown beside the roles);
     * negative once it has run out.
     */
    public Optional<Duration> tokenLeft(SsoProfile profile) {
        return Optional.ofNullable(tokens.get(profile.signInKey()))
                .map(t -> Duration.between(clock.instant(), t.expiresAt()));
    }

    /** The clock tokens are judged by: Identity Center's (on the sandbox, its own), for credentials issued from them. */
    public Clock clock() {
        return clock;
    }

    /** A valid access token for the profile's session: cached, refreshed, or from a sign-in the operator approves. */
    public String accessToken(SsoProfile profile, Optional<URI> endpoint, SsoSignInPrompt prompt) {
        return token(profile, endpoint, Objects.requireNonNull(prompt, "prompt")).orElseThrow();
    }

    /** The session's access token if it is signed in (cached or refreshed silently); never asks the operator. */
    public Optional<String> signedIn(SsoProfile profile, Optional<URI> endpoint) {
        return token(profile, endpoint, null);
    }

    private Optional<String> token(SsoProfile profile, Optional<URI> endpoint, SsoSignInPrompt prompt) {
        synchronized (locks.computeIfAbsent(profile.signInKey(), k -> new Object())) {
            Instant now = clock.instant();
            SsoTokenCache.Token token = tokens.get(profile.signInKey());
            if (!fresh(token, now)) {
                token = cache.read(profile).filter(t -> profile.startUrl().equals(t.startUrl()) || t.startUrl() == null)
                        .orElse(token);
            }
            SsoTokenCache.Token previous = token;
            if (token != null && rejected.contains(token.accessToken())) {
                token = token.canRefresh(now) ? refresh(profile, endpoint, token).orElse(null) : null;
            }
            if (!fresh(token, now) && token != null && token.canRefresh(now)) {
                Optional<SsoTokenCache.Token> refreshed = refresh(profile, endpoint, token);
                token = refreshed.orElse(usable(token, now) ? token : null);
            }
            if (!usable(token, now) || !fresh(token, now) && prompt != null) {
                if (prompt == null) {
                    return Optional.empty();
                }
                token = signIn(profile, endpoint, prompt, previous == null ? null : whyAgain(previous, now));
            }
            tokens.put(profile.signInKey(), token);
            return Optional.of(token.accessToken());
        }
    }

    /** Why the operator is asked to sign in again, though they had signed in. */
    private String whyAgain(SsoTokenCache.Token previous, Instant now) {
        boolean early = now.isBefore(previous.expiresAt());
        if (rejected.contains(previous.accessToken()) && early) {
            return "Your sign-in was ended or revoked before its time, and could not be renewed.";
        }
        String state = early ? "Your sign-in is about to expire" : "Your sign-in expired";
        return previous.refreshToken() == null ? state + "." : state + " and its session has ended, so it could not"
                + " be renewed without you.";
    }

    /** Still accepted, on our clock, for a little while: good enough when asking the operator is not an option. */
    private boolean usable(SsoTokenCache.Token token, Instant now) {
        return token != null && !rejected.contains(token.accessToken()) && now.isBefore(token.expiresAt());
    }

    /** Forgets the session's token in memory (not the CLI's cache) after AWS said it is no longer valid. */
    public void forget(SsoProfile profile) {
        tokens.remove(profile.signInKey());
    }

    /** Role credentials for the profile's account and permission set. */
    public AwsSessionCredentials roleCredentials(SsoProfile profile, Optional<URI> endpoint, SsoSignInPrompt prompt) {
        String token = accessToken(profile, endpoint, prompt);
        try {
            return roleCredentials(profile, endpoint, token);
        } catch (OperatorException e) {
            if (!(e.getCause() instanceof UnauthorizedException)) {
                throw e;
            }
            // Refused before its time: refresh silently if the refresh token still may, else sign in again.
            rejected.add(token);
            return roleCredentials(profile, endpoint, accessToken(profile, endpoint, prompt));
        }
    }

    private AwsSessionCredentials roleCredentials(SsoProfile profile, Optional<URI> endpoint, String token) {
        try (SsoClient sso = clients.portal(profile.ssoRegion(), endpoint)) {
            RoleCredentials c = sso.getRoleCredentials(r -> r.accessToken(token).accountId(profile.accountId())
                    .roleName(profile.roleName())).roleCredentials();
            return AwsSessionCredentials.builder().accessKeyId(c.accessKeyId()).secretAccessKey(c.secretAccessKey())
                    .sessionToken(c.sessionToken()).expirationTime(Instant.ofEpochMilli(c.expiration())).build();
        } catch (UnauthorizedException e) {
            forget(profile);
            throw new OperatorException(AwsErrors.ssoTokenRejected(profile.describe(), profile.signInKey(), e), e);
        } catch (software.amazon.awssdk.services.sso.model.SsoException e) {
            if (e.statusCode() == 403) {
                throw new OperatorException(offered(profile, endpoint, token)
                        ? AwsErrors.ssoNotAssigned(profile.describe(), profile.profileName(), profile.roleName(),
                                profile.accountId(), e)
                        : AwsErrors.ssoAccountNotOffered(profile.describe(), profile.profileName(),
                                profile.accountId(), e), e);
            }
            throw AwsErrors.translate(e, "getting credentials for " + profile.roleName() + " in " + profile.accountId());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "getting credentials for " + profile.roleName() + " in " + profile.accountId());
        }
    }

    /**
     * Whether the portal lists the account at all: a closed or suspended account leaves the list though its
     * assignments stay, which the portal's ForbiddenException alone does not tell apart from a missing assignment.
     */
    private boolean offered(SsoProfile profile, Optional<URI> endpoint, String token) {
        try (SsoClient sso = clients.portal(profile.ssoRegion(), endpoint)) {
            return sso.listAccountsPaginator(r -> r.accessToken(token)).accountList().stream()
                    .anyMatch(a -> profile.accountId().equals(a.accountId()));
        } catch (SdkException e) {
            return true; // cannot tell: say the likelier (a missing assignment), which still names the account
        }
    }

    /** Every account and permission set the session may use (ListAccounts, ListAccountRoles, all pages). */
    public List<Assignment> assignments(SsoProfile profile, Optional<URI> endpoint, SsoSignInPrompt prompt) {
        return assignments(profile, endpoint, accessToken(profile, endpoint, prompt));
    }

    /** The session's accounts and permission sets if it is signed in (cached or refreshed); never asks. */
    public Optional<List<Assignment>> assignmentsIfSignedIn(SsoProfile profile, Optional<URI> endpoint) {
        return signedIn(profile, endpoint).map(token -> assignments(profile, endpoint, token));
    }

    private List<Assignment> assignments(SsoProfile profile, Optional<URI> endpoint, String token) {
        List<Assignment> out = new ArrayList<>();
        try (SsoClient sso = clients.portal(profile.ssoRegion(), endpoint)) {
            for (AccountInfo account : sso.listAccountsPaginator(r -> r.accessToken(token)).accountList()) {
                for (RoleInfo role : sso.listAccountRolesPaginator(r -> r.accessToken(token)
                        .accountId(account.accountId())).roleList()) {
                    out.add(new Assignment(account.accountId(), account.accountName(), role.roleName()));
                }
            }
            return out;
        } catch (UnauthorizedException e) {
            forget(profile);
            throw new OperatorException(AwsErrors.ssoTokenRejected(profile.describe(), profile.signInKey(), e), e);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "listing the accounts of " + profile.describe());
        }
    }

    private boolean fresh(SsoTokenCache.Token token, Instant now) {
        return token != null && !rejected.contains(token.accessToken()) && now.plus(REFRESH_AHEAD).isBefore(token.expiresAt());
    }

    private Optional<SsoTokenCache.Token> refresh(SsoProfile profile, Optional<URI> endpoint, SsoTokenCache.Token old) {
        try (SsoOidcClient oidc = clients.oidc(profile.ssoRegion(), endpoint)) {
            Instant before = clock.instant();
            CreateTokenResponse r = oidc.createToken(b -> b.clientId(old.clientId()).clientSecret(old.clientSecret())
                    .grantType("refresh_token").refreshToken(old.refreshToken()));
            SsoTokenCache.Token fresh = new SsoTokenCache.Token(profile.startUrl(), profile.ssoRegion(), r.accessToken(),
                    before.plusSeconds(r.expiresIn()), old.clientId(), old.clientSecret(), old.registrationExpiresAt(),
                    r.refreshToken() != null ? r.refreshToken() : old.refreshToken());
            cache.write(profile, fresh);
            return Optional.of(fresh);
        } catch (SsoOidcException e) {
            // The refresh token was revoked or the session ended: a sign-in follows, as the CLI does.
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "refreshing the sign-in to " + profile.describe());
        }
    }

    private SsoTokenCache.Token signIn(SsoProfile profile, Optional<URI> endpoint, SsoSignInPrompt prompt,
            String again) {
        try (SsoOidcClient oidc = clients.oidc(profile.ssoRegion(), endpoint)) {
            Instant registered = clock.instant();
            RegisterClientResponse client = oidc.registerClient(r -> r.clientName("harbormaster").clientType("public")
                    .scopes(profile.scopes().isEmpty() ? null : profile.scopes()));
            StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                    .clientSecret(client.clientSecret()).startUrl(profile.startUrl()));
            Instant codeExpires = registered.plusSeconds(device.expiresIn());
            Duration interval = Duration.ofSeconds(device.interval() == null ? 5 : Math.max(1, device.interval()));
            String address = device.verificationUriComplete() != null ? device.verificationUriComplete()
                    : device.verificationUri();
            try (SsoSignInPrompt.Waiting waiting = again == null
                    ? prompt.show(profile.signInKey(), address, device.userCode())
                    : prompt.showAgain(profile.signInKey(), address, device.userCode(), again)) {
                while (true) {
                    if (waiting.cancelled()) {
                        throw new OperatorException(AwsErrors.ssoSignInCancelled(profile.describe()));
                    }
                    sleeper.pause(interval);
                    if (waiting.cancelled()) {
                        throw new OperatorException(AwsErrors.ssoSignInCancelled(profile.describe()));
                    }
                    Instant before = clock.instant();
                    try {
                        CreateTokenResponse r = oidc.createToken(b -> b.clientId(client.clientId())
                                .clientSecret(client.clientSecret()).grantType(DEVICE_GRANT).deviceCode(device.deviceCode()));
                        SsoTokenCache.Token token = new SsoTokenCache.Token(profile.startUrl(), profile.ssoRegion(),
                                r.accessToken(), before.plusSeconds(r.expiresIn()), client.clientId(),
                                client.clientSecret(), Instant.ofEpochSecond(client.clientSecretExpiresAt()),
                                r.refreshToken());
                        cache.write(profile, token);
                        return token;
                    } catch (AuthorizationPendingException pending) {
                        if (!clock.instant().isBefore(codeExpires)) {
                            throw new OperatorException(AwsErrors.ssoCodeExpired(profile.describe()));
                        }
                    } catch (SlowDownException slow) {
                        interval = interval.plus(SLOW_DOWN);
                    } catch (AccessDeniedException denied) {
                        throw new OperatorException(AwsErrors.ssoSignInDenied(profile.describe(), denied), denied);
                    } catch (ExpiredTokenException expired) {
                        throw new OperatorException(AwsErrors.ssoCodeExpired(profile.describe()), expired);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperatorException(AwsErrors.ssoSignInCancelled(profile.describe()));
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "signing in to " + profile.describe());
        }
    }
}
