package io.harbormaster.model.deploy;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.error.OperatorException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The deploys this console follows in the background, each to ECS's terminal status, whatever page is shown: those
 * it started ({@link #follow}) and those a previous run left open in the journal, taken up again as soon as the
 * operator enters their environment ({@link #entered}; {@link #resumingEntry} wraps the app's
 * {@link EnterEnvironment} to call it). The latest look at each is kept; listeners hear every look (on the
 * follower's thread: bridge to the FX thread before touching the UI). {@link #close} stops them all; what was not
 * finished stays open in the journal for the next start.
 */
public final class FollowedDeploys implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FollowedDeploys.class.getName());

    private final DeployService deploys;
    private final DeploymentFollower follower;
    private final ExecutorService background;
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();
    private final Map<String, DeploymentProgress> latest = new ConcurrentHashMap<>();
    private final List<Consumer<DeploymentProgress>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public FollowedDeploys(DeployService deploys, DeploymentFollower follower, ExecutorService background) {
        this.deploys = Objects.requireNonNull(deploys, "deploys");
        this.follower = Objects.requireNonNull(follower, "follower");
        this.background = Objects.requireNonNull(background, "background");
    }

    /** Follows a deploy just started, in the background. */
    public void follow(EnvironmentSession session, DeployStarted started) {
        if (closed || running.containsKey(started.operationId())) {
            return;
        }
        track(started.operationId(), background.submit(() -> run(session, started)));
    }

    private void track(String operationId, Future<?> future) {
        running.put(operationId, future);
        if (future.isDone()) {
            running.remove(operationId, future);
        }
    }

    /** Takes up the deploys the journal has open in this session's environment and Region. */
    public void entered(EnvironmentSession session) {
        for (OpenDeploy open : deploys.openDeploys()) {
            boolean here = open.environmentId().equals(session.environment().id())
                    && (open.region().isEmpty() || open.region().equals(session.region()));
            if (!here || running.containsKey(open.operationId()) || closed) {
                continue;
            }
            running.put(open.operationId(), java.util.concurrent.CompletableFuture.completedFuture(null));
            track(open.operationId(), background.submit(() -> {
                try {
                    follower.resume(session, open).ifPresentOrElse(started -> run(session, started),
                            () -> running.remove(open.operationId()));
                } catch (OperatorException e) {
                    running.remove(open.operationId());
                    LOG.log(System.Logger.Level.WARNING, "the open deploy of " + open.service().serviceName()
                            + " could not be taken up again; it stays open: " + e.problem().message());
                }
            }));
        }
    }

    /** An {@link EnterEnvironment} that takes up the environment's open deploys once entered. */
    public EnterEnvironment resumingEntry(EnterEnvironment enter) {
        return (Environment environment, MfaPrompt mfa) -> {
            EnvironmentSession session = enter.enter(environment, mfa);
            entered(session);
            return session;
        };
    }

    /** The latest look at a followed deploy, by its journal operation. */
    public Optional<DeploymentProgress> latest(String operationId) {
        return Optional.ofNullable(latest.get(operationId));
    }

    /** Journal operations being followed now. */
    public List<String> following() {
        return List.copyOf(running.keySet());
    }

    /** Hears every look at every followed deploy; returns what removes it. */
    public Runnable addListener(Consumer<DeploymentProgress> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void run(EnvironmentSession session, DeployStarted started) {
        try {
            follower.follow(session, started, progress -> {
                latest.put(started.operationId(), progress);
                listeners.forEach(l -> l.accept(progress));
            }, () -> closed || Thread.currentThread().isInterrupted());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (OperatorException e) {
            LOG.log(System.Logger.Level.WARNING, "stopped following the deploy of " + started.service().serviceName()
                    + "; it stays open in the journal: " + e.problem().message());
        } finally {
            running.remove(started.operationId());
        }
    }

    @Override
    public void close() {
        closed = true;
        running.values().forEach(f -> f.cancel(true));
    }
}
