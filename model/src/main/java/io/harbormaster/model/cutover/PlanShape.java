package io.harbormaster.model.cutover;

import java.util.List;

/** How the requested percentages of the target side are chosen; every shape ends at 100 %. */
public sealed interface PlanShape {

    /** The target side's requested share after each step, 0 < p ≤ 100, strictly increasing, ending at 100. */
    List<Double> percentages();

    /** A canary: {@code first} % then 100 %. */
    record Canary(double first) implements PlanShape {
        public Canary {
            if (!(first > 0 && first < 100)) {
                throw new IllegalArgumentException("a canary's first step must be between 0 and 100 %, was " + first);
            }
        }

        @Override
        public List<Double> percentages() {
            return List.of(first, 100.0);
        }
    }

    /** Linear: every {@code every} % (the last step may be smaller), e.g. 25 → 25, 50, 75, 100. */
    record Linear(double every) implements PlanShape {
        public Linear {
            if (!(every >= 1 && every <= 100)) {
                throw new IllegalArgumentException("a linear step must be 1 to 100 %, was " + every);
            }
        }

        @Override
        public List<Double> percentages() {
            java.util.ArrayList<Double> out = new java.util.ArrayList<>();
            for (int i = 1; i * every < 100 - 1e-9; i++) {
                out.add(i * every);
            }
            out.add(100.0);
            return List.copyOf(out);
        }
    }

    /** Custom steps, e.g. 1, 5, 25, 50, 100; 100 is added when missing. */
    record Custom(List<Double> steps) implements PlanShape {
        public Custom {
            if (steps == null || steps.isEmpty()) {
                throw new IllegalArgumentException("custom steps need at least one percentage");
            }
            java.util.ArrayList<Double> s = new java.util.ArrayList<>(steps);
            if (s.get(s.size() - 1) < 100) {
                s.add(100.0);
            }
            double previous = 0;
            for (double p : s) {
                if (!(p > previous && p <= 100)) {
                    throw new IllegalArgumentException("steps must rise strictly from above 0 to 100 %, got " + steps);
                }
                previous = p;
            }
            steps = List.copyOf(s);
        }

        @Override
        public List<Double> percentages() {
            return steps;
        }
    }
}
