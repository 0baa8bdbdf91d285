package dev.ivrflow.flow.flowtest;

import dev.ivrflow.flow.runtime.Values;
import dev.ivrflow.flow.sim.SimAction;
import dev.ivrflow.flow.sim.SimulationResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares what a simulated call did with what a scenario expects, and says every difference in words. */
final class Expectations {
    private Expectations() {
    }

    static List<String> check(Scenario.Expectation expect, SimulationResult r) {
        List<String> failures = new ArrayList<>();
        if (expect == null) return failures;
        if (expect.path() != null && !expect.path().equals(r.path())) {
            failures.add("path: expected " + expect.path() + " but was " + r.path());
        }
        if (expect.heard() != null && !expect.heard().equals(r.heard())) {
            failures.add("heard: expected " + expect.heard() + " but was " + r.heard());
        }
        if (expect.actions() != null) checkActions(expect.actions(), r.actions(), failures);
        if (expect.variables() != null) {
            expect.variables().forEach((name, value) -> {
                Object actual = r.variables().get(name);
                if (!r.variables().containsKey(name)) {
                    failures.add("variables." + name + ": expected " + value + " but the variable does not exist");
                } else if (!sameValue(value, actual)) {
                    failures.add("variables." + name + ": expected " + value + " but was " + actual);
                }
            });
        }
        if (expect.language() != null && !expect.language().equals(r.language())) {
            failures.add("language: expected " + expect.language() + " but was " + r.language());
        }
        if (expect.end() != null && (r.endReason() == null || !r.endReason().contains(expect.end()))) {
            failures.add("end: expected a reason containing \"" + expect.end() + "\" but was \"" + r.endReason() + "\"");
        }
        return failures;
    }

    private static void checkActions(List<Object> expected, List<SimAction> actual, List<String> failures) {
        List<String> names = actual.stream().map(SimAction::action).toList();
        if (expected.size() != actual.size()) {
            failures.add("actions: expected " + expected.size() + " actions " + describe(expected) + " but there were "
                    + actual.size() + " " + names);
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            int index = i;
            Object e = expected.get(i);
            SimAction a = actual.get(i);
            if (e instanceof String name) {
                if (!name.equals(a.action())) failures.add("actions[" + i + "]: expected " + name + " but was " + a.action());
            } else if (e instanceof Map<?, ?> m) {
                m.forEach((k, v) -> {
                    Object got = "action".equals(k) ? a.action() : a.detail().get(String.valueOf(k));
                    if (!sameValue(v, got)) {
                        failures.add("actions[" + index + "]." + k + ": expected " + v + " but was " + got);
                    }
                });
            } else {
                failures.add("actions[" + i + "]: expected an action name or an object, found " + e);
            }
        }
    }

    private static String describe(List<Object> expected) {
        return expected.stream().map(e -> e instanceof Map<?, ?> m ? String.valueOf(m.get("action")) : String.valueOf(e))
                .toList().toString();
    }

    /** JSON numbers read as Long or Double; flow values are Long or Double too, so compare them as numbers. */
    static boolean sameValue(Object expected, Object actual) {
        Object e = Values.normalize(expected);
        Object a = Values.normalize(actual);
        if (e instanceof Number x && a instanceof Number y) return x.doubleValue() == y.doubleValue();
        return Objects.equals(e, a);
    }
}
