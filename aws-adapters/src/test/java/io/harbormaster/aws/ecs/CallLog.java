package io.harbormaster.aws.ecs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The fleet's calls as its call log tells them ({@link EcsFleet#CALL_LOG}): when each was sent and ended. */
final class CallLog extends Handler implements AutoCloseable {

    record Call(String operation, long sent, long ended) {
    }

    private final Logger logger = Logger.getLogger(EcsFleet.CALL_LOG);
    private final Level was = logger.getLevel();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    static CallLog attach() {
        CallLog log = new CallLog();
        log.setLevel(Level.FINE);
        log.logger.setLevel(Level.FINE);
        log.logger.addHandler(log);
        return log;
    }

    @Override
    public void publish(LogRecord record) {
        Object[] p = record.getParameters();
        if (p != null && p.length == 6) {
            long ended = (Long) p[1];
            calls.add(new Call((String) p[0], ended - (Long) p[2], ended));
        }
    }

    List<Call> of(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(was);
    }
}
