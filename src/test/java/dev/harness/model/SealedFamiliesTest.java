package dev.harness.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The sealed families ({@link Action}, {@link Step}, {@link Expectation}) are dispatched only through their
 * visitors, whose implementations the compiler holds to one method per record. What the compiler cannot see
 * is checked here: every permitted record has its own visitor method and its {@code accept} calls that one,
 * plan.json can name every action and expectation, and every action has a title.
 */
class SealedFamiliesTest {

    @Test
    void everyActionVisitsItsOwnMethodHasAJsonNameAndATitle() {
        Set<String> kinds = new HashSet<>();
        for (Class<?> record : permitted(Action.class, Action.Visitor.class)) {
            Action sample = (Action) sample(record);
            assertEquals(visitorMethodFor(Action.Visitor.class, record), visited(Action.Visitor.class,
                    (Action.Visitor<?, RuntimeException> v, Object none) -> sample.accept(v)), record.getSimpleName());
            assertTrue(kinds.add(Action.kind(sample)), "JSON name of " + record.getSimpleName() + " is not unique");
            assertFalse(ActionTitle.of(sample, null).isBlank(), record.getSimpleName() + " has no title");
        }
        assertEquals(Action.class.getPermittedSubclasses().length, Action.class.getAnnotation(JsonSubTypes.class).value().length,
                "plan.json names exactly the permitted actions");
    }

    @Test
    void everyStepVisitsItsOwnMethod() {
        for (Class<?> record : permitted(Step.class, Step.Visitor.class)) {
            Step sample = (Step) sample(record);
            assertEquals(visitorMethodFor(Step.Visitor.class, record),
                    visited(Step.Visitor.class, (Step.Visitor<?> v, Object none) -> sample.accept(v)), record.getSimpleName());
        }
    }

    @Test
    void everyExpectationVisitsItsOwnMethodAndHasAJsonName() {
        List<Class<?>> named = Arrays.stream(Expectation.class.getAnnotation(JsonSubTypes.class).value())
                .<Class<?>>map(JsonSubTypes.Type::value).toList();
        for (Class<?> record : permitted(Expectation.class, Expectation.Visitor.class)) {
            Expectation sample = (Expectation) sample(record);
            assertEquals(visitorMethodFor(Expectation.Visitor.class, record),
                    visited(Expectation.Visitor.class, (Expectation.Visitor<?> v, Object none) -> sample.accept(v)), record.getSimpleName());
            assertTrue(named.contains(record), "plan.json cannot name " + record.getSimpleName());
        }
    }

    /** The family's permitted records; the visitor has exactly one method per record. */
    private static List<Class<?>> permitted(Class<?> family, Class<?> visitor) {
        List<Class<?>> records = List.of(family.getPermittedSubclasses());
        assertEquals(records.size(), visitor.getDeclaredMethods().length, visitor.getName() + ": one method per record of " + family.getSimpleName());
        for (Class<?> r : records) visitorMethodFor(visitor, r);
        return records;
    }

    private static String visitorMethodFor(Class<?> visitor, Class<?> record) {
        List<Method> methods = Arrays.stream(visitor.getDeclaredMethods())
                .filter(m -> m.getParameterCount() == 1 && m.getParameterTypes()[0] == record).toList();
        assertEquals(1, methods.size(), visitor.getName() + " has no method for " + record.getSimpleName());
        return methods.get(0).getName();
    }

    /** The name of the visitor method {@code accept} calls. */
    @SuppressWarnings("unchecked")
    private static <V> String visited(Class<?> visitor, BiFunction<V, Object, Object> accept) {
        String[] called = new String[1];
        V v = (V) Proxy.newProxyInstance(visitor.getClassLoader(), new Class<?>[] {visitor}, (proxy, m, args) -> {
            called[0] = m.getName();
            return null;
        });
        accept.apply(v, null);
        return called[0];
    }

    /** An instance of {@code record} with a plain value in every component. */
    private static Object sample(Class<?> record) {
        RecordComponent[] components = record.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(types[i]);
        }
        try {
            return record.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot make a sample " + record.getSimpleName(), e);
        }
    }

    private static Object value(Class<?> type) {
        if (type == String.class) return "db_1";
        if (type == boolean.class) return false;
        if (type == int.class || type == Integer.class) return 1;
        if (type == long.class) return 5000L;
        if (type == Version.class) return new Version("15.19");
        if (type == SourceRef.class) return SourceRef.NONE;
        if (type == Action.class) return new Action.Kill("db_1", SourceRef.NONE, null);
        if (type == Duration.class) return Duration.ofSeconds(5);
        if (type == List.class) return List.of();
        if (type == Expectation.ErrorMatch.class) return new Expectation.ErrorMatch(Expectation.ErrorMatch.Kind.CONTAINS, "x");
        if (type == StartSettings.class) return new StartSettings.Postgres(java.util.Map.of());
        if (type == Step.StartKeys.class) return Step.StartKeys.NONE;
        if (type.isEnum()) return type.getEnumConstants()[0];
        throw new AssertionError("no sample value of " + type + ": add one here");
    }
}
