package dev.harness.plan;

import dev.harness.model.Action;
import dev.harness.model.Version;
import java.util.List;
import java.util.function.Function;

/**
 * The steps the compiler inserts, as Materialize's {@code Scenario.run()} inserts {@code ConfigureMz}:
 * after every writable start {@code configure} then {@code assert-version}; after every promote
 * {@code assert-version} (the candidate must now report the version it was started with).
 */
final class ImplicitSteps {
    static final String AFTER_START = "implicit after start";
    static final String AFTER_PROMOTE = "implicit after promote";

    private ImplicitSteps() {}

    /** @param versionOf the version a service runs at this point, or null when unknown */
    static List<Action> after(Action action, Function<String, Version> versionOf) {
        if (action instanceof Action.Start s && !s.readOnly()) {
            return List.of(
                    new Action.Configure(s.service(), s.source(), AFTER_START),
                    new Action.AssertVersion(s.service(), s.version(), s.source(), AFTER_START));
        }
        if (action instanceof Action.Promote p && versionOf.apply(p.service()) != null) {
            return List.of(new Action.AssertVersion(p.service(), versionOf.apply(p.service()), p.source(), AFTER_PROMOTE));
        }
        return List.of();
    }
}
