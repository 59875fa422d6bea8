package io.harbormaster.aws.ecs;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** A lazy list of task ARNs passing on only those a {@link TaskSweep} lets its caller claim. */
final class Claimed implements Iterable<String> {

    private final TaskSweep sweep;
    private final Iterable<String> arns;

    private Claimed(TaskSweep sweep, Iterable<String> arns) {
        this.sweep = sweep;
        this.arns = arns;
    }

    static Iterable<String> by(TaskSweep sweep, Iterable<String> arns) {
        return sweep == TaskSweep.ALL ? arns : new Claimed(sweep, arns);
    }

    @Override
    public Iterator<String> iterator() {
        Iterator<String> it = arns.iterator();
        return new Iterator<>() {
            private String next;

            @Override
            public boolean hasNext() {
                while (next == null && it.hasNext()) {
                    String arn = it.next();
                    if (sweep.claim(arn)) {
                        next = arn;
                    }
                }
                return next != null;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String arn = next;
                next = null;
                return arn;
            }
        };
    }
}
