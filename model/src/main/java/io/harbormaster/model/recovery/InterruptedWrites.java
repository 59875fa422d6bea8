package io.harbormaster.model.recovery;

import io.harbormaster.model.cutover.CutoverJournal;
import io.harbormaster.model.cutover.CutoverReconciler;
import io.harbormaster.model.deploy.DeployService;
import io.harbormaster.model.fleet.Arns;
import io.harbormaster.model.fleet.InterruptedScale;
import io.harbormaster.model.fleet.InterruptedScales;
import io.harbormaster.model.fleet.InterruptedStops;
import io.harbormaster.model.fleet.JournaledScaleService;
import io.harbormaster.model.fleet.JournaledStopTask;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.model.journal.WriteJournal;
import io.harbormaster.model.recovery.InterruptedWrite.Found;
import io.harbormaster.model.recovery.InterruptedWrite.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The scales, deploys, cutovers and task stops a previous run left open in the journal, and what this run's read-backs wrote
 * of them since: {@link #atStart} lists them once (the operations open then, begun before this console started),
 * {@link #now} tells each again from its lines as they are now. The words are the same for every kind; a line this
 * run wrote (after the journal's last line when it was made) is the read-back, one before it is what the killed run
 * knew. Lines are told apart by their place in the journal, not their time: the sandbox's clock may start again
 * earlier than the last run's lines.
 */
public final class InterruptedWrites {

    private static final System.Logger LOG = System.getLogger(InterruptedWrites.class.getName());

    private final WriteJournal journal;
    /** The journal's last line when this console started: the lines after it are this run's. */
    private final long mark;
    private final UnaryOperator<String> environmentName;
    private final Set<String> remembered = new LinkedHashSet<>();

    /**
     * Made as the console starts, before it writes anything: the journal's lines so far are the earlier runs'.
     *
     * @param environmentName an environment's display name from its id (the id itself when unknown)
     */
    public InterruptedWrites(WriteJournal journal, UnaryOperator<String> environmentName) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.environmentName = Objects.requireNonNull(environmentName, "environmentName");
        this.mark = journal.recent(1).stream().mapToLong(JournalEntry::sequence).max().orElse(Long.MIN_VALUE);
    }

    private boolean thisRun(JournalEntry line) {
        return line.sequence() > mark;
    }

    /** The writes open in the journal now that began before this console started, oldest first; remembered. */
    public synchronized List<InterruptedWrite> atStart() {
        List<List<JournalEntry>> open = new ArrayList<>();
        for (String kind : List.of(JournaledScaleService.KIND, DeployService.KIND, CutoverJournal.KIND,
                JournaledStopTask.KIND)) {
            open.addAll(journal.openOperations(kind));
        }
        open.stream().filter(lines -> !lines.isEmpty() && !thisRun(lines.get(0)))
                .sorted(Comparator.comparing(lines -> lines.get(0).at()))
                .forEach(lines -> remembered.add(lines.get(0).record().operationId()));
        return now();
    }

    /** Each write {@link #atStart} found, as its journal lines tell it now. */
    public synchronized List<InterruptedWrite> now() {
        List<InterruptedWrite> out = new ArrayList<>();
        for (String id : remembered) {
            describe(journal.operation(id)).ifPresent(out::add);
        }
        return out;
    }

    /** One operation's lines, oldest first, told; empty for a kind this does not tell or lines it cannot read. */
    Optional<InterruptedWrite> describe(List<JournalEntry> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(switch (lines.get(0).record().kind()) {
                case JournaledScaleService.KIND -> scale(lines);
                case DeployService.KIND -> deploy(lines);
                case CutoverJournal.KIND -> cutover(lines);
                case JournaledStopTask.KIND -> stopTask(lines);
                default -> throw new IllegalArgumentException("not a write the notice tells");
            });
        } catch (RuntimeException unreadable) {
            LOG.log(System.Logger.Level.WARNING, "interrupted operation " + lines.get(0).record().operationId()
                    + " cannot be told: " + unreadable.getMessage());
            return Optional.empty();
        }
    }

    private InterruptedWrite scale(List<JournalEntry> lines) {
        JournalRecord first = lines.get(0).record();
        String asked = first.fact("desiredCount");
        String where = where(first);
        Optional<JournalRecord> readBack = lastOf(lines, r -> !r.fact("readBack").isEmpty()
                && (r.phase() == JournalPhase.DONE || r.phase() == JournalPhase.FAILED));
        OptionalInt from = InterruptedScales.fromCount(first);
        String what = "Scale of " + Arns.name(first.fact("service")) + InterruptedScale.fromTo(from,
                Integer.parseInt(asked)) + " tasks in " + where;
        if (readBack.isEmpty()) {
            return write(Kind.SCALE, lines, what, Found.NOT_READ_YET, "not read back yet",
                    "Enter " + name(first) + ": its desired count is read back then.");
        }
        String now = readBack.get().fact("readBack");
        if (now.equals(asked)) {
            return write(Kind.SCALE, lines, what, Found.DONE, "done: the desired count is " + asked, "");
        }
        if (now.equals("gone")) {
            return write(Kind.SCALE, lines, what, Found.NOT_DONE, "not done: the service is gone", "");
        }
        boolean changedSince = from.isPresent() && !now.equals(String.valueOf(from.getAsInt()));
        return write(Kind.SCALE, lines, what, Found.NOT_DONE, changedSince ? "not done: the desired count is now "
                + now + " (changed since by someone else or auto scaling)" : "not done: the desired count is still "
                + now, "Scale again from Services if it is still wanted.");
    }

    private InterruptedWrite deploy(List<JournalEntry> lines) {
        JournalRecord first = lines.get(0).record();
        String revision = lines.stream().map(e -> e.record().fact("taskDefinition")).filter(s -> !s.isEmpty())
                .reduce((a, b) -> b).map(Arns::name).orElse("a new revision");
        boolean sent = lines.stream().anyMatch(e -> "update".equals(e.record().fact("step")));
        boolean answered = lines.stream().anyMatch(e -> "update".equals(e.record().fact("step"))
                && e.record().phase() == JournalPhase.DONE && !thisRun(e));
        String step = !sent ? "UpdateService not sent" : answered ? "UpdateService answered, the rollout under way"
                : "UpdateService sent, its answer not recorded";
        String what = "Deploy of " + Arns.name(first.fact("service")) + " to " + revision + " in " + where(first)
                + " (" + step + ")";
        Optional<JournalRecord> end = lastOf(lines, r -> r.phase() == JournalPhase.END);
        if (end.isPresent()) {
            String status = end.get().fact("status");
            String summary = end.get().summary();
            String why = summary.contains(": ") ? summary.substring(summary.indexOf(": ") + 2) : summary;
            return "SUCCESSFUL".equals(status)
                    ? write(Kind.DEPLOY, lines, what, Found.DONE, "done: ECS finished the rollout", "")
                    : write(Kind.DEPLOY, lines, what, Found.NOT_DONE, "not done: " + why,
                            "Open Deploys to deploy again if it is still wanted.");
        }
        boolean followedNow = lines.stream().anyMatch(e -> thisRun(e)
                && !e.record().fact("serviceDeployment").isEmpty());
        if (followedNow) {
            return write(Kind.DEPLOY, lines, what, Found.UNDER_WAY, "under way: ECS is rolling it out and the"
                    + " console follows it", "Open Deploys to follow it, or to roll back.");
        }
        return write(Kind.DEPLOY, lines, what, Found.NOT_READ_YET, "not read back yet",
                "Enter " + name(first) + ": the deploy is looked up in ECS then, and followed if it runs.");
    }

    /**
     * Read back on entering its environment ({@link InterruptedStops}: DescribeTasks' desired status); until then the
     * journal's own DONE or FAILED (its answer recorded, its END not) is told as it is.
     */
    private InterruptedWrite stopTask(List<JournalEntry> lines) {
        JournalRecord first = lines.get(0).record();
        String what = "Stop of task " + Arns.name(first.fact("task")) + " in " + where(first);
        Optional<JournalRecord> readBack = lastOf(lines, r -> !r.fact(InterruptedStops.READ_BACK).isEmpty()
                && (r.phase() == JournalPhase.DONE || r.phase() == JournalPhase.FAILED));
        if (readBack.isPresent()) {
            String now = readBack.get().fact(InterruptedStops.READ_BACK);
            String last = now.substring(now.indexOf('/') + 1);
            String otherStop = readBack.get().fact(InterruptedStops.STOPPED_REASON);
            if (readBack.get().phase() == JournalPhase.FAILED && !readBack.get().fact(InterruptedStops.STOPPED_BY)
                    .isEmpty()) {
                return write(Kind.STOP_TASK, lines, what, Found.NOT_DONE, "not needed: the task had already "
                        + (last.equals("STOPPED") ? "stopped" : "been asked to stop") + ": " + otherStop + " ("
                        + readBack.get().fact(InterruptedStops.STOPPED_BY) + "); our stop was not needed", "");
            }
            if (readBack.get().phase() == JournalPhase.FAILED) {
                return write(Kind.STOP_TASK, lines, what, Found.NOT_DONE, "not done: the task is still "
                        + last, "Stop it again from the Tasks tab of " + name(first) + " if it is still wanted.");
            }
            return write(Kind.STOP_TASK, lines, what, Found.DONE, now.equals("gone")
                    ? "done: the task is gone (ECS no longer lists it)"
                    : "done: ECS is stopping it (last status " + last + ")", "");
        }
        Optional<JournalRecord> answer = lastOf(lines, r -> r.phase() == JournalPhase.DONE
                || r.phase() == JournalPhase.FAILED);
        if (answer.isPresent()) {
            return answer.get().phase() == JournalPhase.DONE
                    ? write(Kind.STOP_TASK, lines, what, Found.DONE, "done: ECS accepted the stop", "")
                    : write(Kind.STOP_TASK, lines, what, Found.NOT_DONE, "not done: " + answer.get().summary(),
                            "Stop it again from the Tasks tab if it still runs.");
        }
        return write(Kind.STOP_TASK, lines, what, Found.NOT_READ_YET, "not read back yet",
                "Enter " + name(first) + ": the task is read back then.");
    }

    private InterruptedWrite cutover(List<JournalEntry> lines) {
        JournalRecord first = lines.get(0).record();
        String route = CutoverReconciler.plan(lines).route().displayName();
        String last = lines.get(lines.size() - 1).record().summary();
        String what = "Cutover of " + route + " in " + name(first) + " (stopped after: " + last + ")";
        Optional<JournalRecord> end = lastOf(lines, r -> r.phase() == JournalPhase.END);
        if (end.isPresent()) {
            boolean succeeded = "SUCCEEDED".equals(end.get().fact(CutoverJournal.OUTCOME));
            return write(Kind.CUTOVER, lines, what, succeeded ? Found.DONE : Found.NOT_DONE,
                    (succeeded ? "done: " : "not done: ") + end.get().summary(), "");
        }
        boolean restored = lines.stream().anyMatch(e -> thisRun(e)
                && CutoverJournal.RESTART.equals(CutoverJournal.event(e)));
        if (restored) {
            return write(Kind.CUTOVER, lines, what, Found.UNDER_WAY, "under way: back under the console, paused"
                    + " at its checkpoint", "Open Cutovers to resume or roll back.");
        }
        return write(Kind.CUTOVER, lines, what, Found.NOT_READ_YET, "not read back yet",
                "Open Cutovers: it is compared with the live weights there, to resume or roll back.");
    }

    private InterruptedWrite write(Kind kind, List<JournalEntry> lines, String what, Found found, String foundText,
            String nextStep) {
        JournalRecord first = lines.get(0).record();
        return new InterruptedWrite(kind, first.operationId(), first.environmentId(), what, lines.get(0).at(),
                first.actor(), found, foundText, nextStep, lines);
    }

    private static Optional<JournalRecord> lastOf(List<JournalEntry> lines,
            java.util.function.Predicate<JournalRecord> wanted) {
        JournalRecord found = null;
        for (JournalEntry e : lines) {
            if (wanted.test(e.record())) {
                found = e.record();
            }
        }
        return Optional.ofNullable(found);
    }

    private String name(JournalRecord r) {
        String name = environmentName.apply(r.environmentId());
        return name == null || name.isBlank() ? r.environmentId() : name;
    }

    private String where(JournalRecord r) {
        String region = r.fact("region");
        return name(r) + (region.isEmpty() ? "" : " (" + region + ")");
    }
}
