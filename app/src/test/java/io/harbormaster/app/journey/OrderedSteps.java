package io.harbormaster.app.journey;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The steps of an {@code @Order}ed class share one console: a step runs on what the steps before it left. Surefire
 * reruns a failed test alone (a fresh class run selecting that one method), which for a later step would always
 * fail, or, worse, pass on a fresh console where the real sequence fails. So a step whose earlier steps did not run
 * in this class run first runs them, in order, on the same console: the rerun repeats the journey up to the step
 * and a flake is told from a failure. The same holds for a step picked alone ({@code -Dtest=Class#step}).
 *
 * <p>Replayed steps run as plain method calls (no other extension sees them; the journeys have no
 * {@code @BeforeEach}); a replayed step that fails fails the step asked for, naming it.
 */
final class OrderedSteps implements InvocationInterceptor {

    private static final ExtensionContext.Namespace RAN = ExtensionContext.Namespace.create(OrderedSteps.class);

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        Class<?> type = context.getRequiredTestClass();
        TestMethodOrder order = type.getAnnotation(TestMethodOrder.class);
        if (order == null || order.value() != MethodOrderer.OrderAnnotation.class) {
            invocation.proceed();
            return;
        }
        Set<String> ran = ranIn(context);
        Method step = call.getExecutable();
        for (Method earlier : stepsBefore(type, step)) {
            if (ran.add(earlier.getName())) {
                replay(earlier, call.getTarget().orElse(null), step);
            }
        }
        ran.add(step.getName());
        invocation.proceed();
    }

    /** The steps this class run has started, kept in the class's context (a rerun is a new one). */
    @SuppressWarnings("unchecked")
    private static Set<String> ranIn(ExtensionContext context) {
        ExtensionContext classContext = context.getParent().orElseThrow();
        return classContext.getStore(RAN).getOrComputeIfAbsent("steps", k -> new HashSet<String>(), Set.class);
    }

    static List<Method> stepsBefore(Class<?> type, Method step) {
        int at = orderOf(step);
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class) && !m.isAnnotationPresent(Disabled.class))
                .filter(m -> orderOf(m) < at)
                .sorted(Comparator.comparingInt(OrderedSteps::orderOf))
                .toList();
    }

    private static int orderOf(Method m) {
        Order order = m.getAnnotation(Order.class);
        return order == null ? Order.DEFAULT : order.value();
    }

    private static void replay(Method earlier, Object target, Method step) throws Throwable {
        try {
            earlier.setAccessible(true);
            earlier.invoke(target);
        } catch (InvocationTargetException e) {
            throw new AssertionError("Step " + earlier.getName() + ", run again before " + step.getName()
                    + " (which runs on what it leaves), failed", e.getCause());
        }
    }
}
