package io.harbormaster.views.settings;

import io.harbormaster.model.environment.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What an import would do: environments it adds, ones it replaces (by id), ones already the same. */
public record ImportPlan(List<Environment> added, List<Environment> replaced, int unchanged) {

    public static ImportPlan of(List<Environment> current, List<Environment> imported) {
        Map<String, Environment> byId = current.stream().collect(Collectors.toMap(Environment::id,
                Function.identity(), (a, b) -> a));
        List<Environment> added = new ArrayList<>();
        List<Environment> replaced = new ArrayList<>();
        int same = 0;
        for (Environment e : imported) {
            Environment existing = byId.get(e.id());
            if (existing == null) {
                added.add(e);
            } else if (existing.equals(e)) {
                same++;
            } else {
                replaced.add(e);
            }
        }
        return new ImportPlan(List.copyOf(added), List.copyOf(replaced), same);
    }

    public boolean isEmpty() {
        return added.isEmpty() && replaced.isEmpty();
    }

    public int size() {
        return added.size() + replaced.size();
    }

    public List<Environment> toSave() {
        List<Environment> all = new ArrayList<>(added);
        all.addAll(replaced);
        return all;
    }

    /** For the confirmation: one line per environment, added first. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (!added.isEmpty()) {
            text.append("Adds:\n");
            added.forEach(e -> text.append("  + ").append(line(e)).append('\n'));
        }
        if (!replaced.isEmpty()) {
            text.append("Replaces (your version is overwritten):\n");
            replaced.forEach(e -> text.append("  ~ ").append(line(e)).append('\n'));
        }
        if (unchanged > 0) {
            text.append(unchanged).append(unchanged == 1 ? " environment is" : " environments are")
                    .append(" already the same.\n");
        }
        return text.toString().stripTrailing();
    }

    private static String line(Environment e) {
        return e.displayName() + (e.production() ? " (PRODUCTION)" : "") + " — profile " + e.profileName()
                + (e.accountId().isEmpty() ? "" : ", account " + e.accountId())
                + (e.readOnly() ? ", read-only" : "");
    }
}
