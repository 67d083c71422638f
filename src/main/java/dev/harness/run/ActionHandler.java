package dev.harness.run;

import dev.harness.model.Action;

/**
 * What the executor does for each kind of action: the one dispatch of a plan step to its handler. As a visitor,
 * a new action record that has no handler here fails compilation instead of a run.
 *
 * @param index the action's position in the plan (phase results are kept by it)
 */
record ActionHandler(int index, ServerActions servers, AdHocSql adHocSql, CheckPhases phases, Ticker ticker)
        implements Action.Visitor<String, InterruptedException> {

    @Override
    public String start(Action.Start a) {
        return servers.start(a);
    }

    @Override
    public String kill(Action.Kill a) {
        return servers.kill(a);
    }

    @Override
    public String stop(Action.Stop a) {
        return servers.stop(a);
    }

    @Override
    public String awaitReady(Action.AwaitReady a) {
        return servers.awaitReady(a);
    }

    @Override
    public String promote(Action.Promote a) {
        return servers.promote(a);
    }

    @Override
    public String configure(Action.Configure a) {
        return servers.configure(a);
    }

    @Override
    public String assertVersion(Action.AssertVersion a) {
        return servers.assertVersion(a);
    }

    @Override
    public String runPhase(Action.RunPhase a) throws InterruptedException {
        return phases.run(index, a);
    }

    @Override
    public String sleep(Action.Sleep a) throws InterruptedException {
        ticker.sleep(a.millis());
        return null;
    }

    @Override
    public String sql(Action.Sql a) throws InterruptedException {
        adHocSql.run(a);
        return null;
    }
}
