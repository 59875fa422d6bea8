package io.harbormaster.model.cutover;

import io.harbormaster.model.environment.EnvironmentSession;

/** Port: the targets of a side's target groups and how many are healthy now (DescribeTargetHealth). Blocking. */
public interface SideHealth {

    /**
     * @param healthy         targets in state healthy
     * @param total           targets registered (any state but draining)
     * @param targetGroups    how many target groups were read
     */
    record Counts(int healthy, int total, int targetGroups) {
    }

    Counts health(EnvironmentSession session, CutoverSide side);
}
