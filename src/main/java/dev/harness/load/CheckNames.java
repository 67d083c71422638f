package dev.harness.load;

import dev.harness.model.Check;
import dev.harness.model.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Check names must be unique across files: reports and --check select checks by name. */
final class CheckNames {
    private CheckNames() {}

    /** One problem at each of the clashing checks, each naming the other's position. */
    static List<Problem> duplicates(List<Check> checks) {
        Map<String, Check> first = new HashMap<>();
        List<Problem> out = new ArrayList<>();
        for (Check c : checks) {
            Check earlier = first.putIfAbsent(c.name(), c);
            if (earlier != null) {
                out.add(new Problem(c.source(), "duplicate check name '" + c.name() + "', also defined at " + earlier.source()));
                out.add(new Problem(earlier.source(), "duplicate check name '" + c.name() + "', also defined at " + c.source()));
            }
        }
        return out;
    }
}
