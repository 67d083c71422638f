package dev.harness.run;

import dev.harness.model.Action;

/**
 * What the executor does for each kind of action (passed with a note, or failed: a check failed in a run phase or a
 * consistency step found a problem): the one dispatch of a plan step to its handler. As a visitor,
 * a new action record that has no handler here fails compilation instead of a run.
 *
 * @param index the action's position in the plan (phase results are kept by it)
 */
record ActionHandler(int index, ServerActions servers, AdHocSql adHocSql, CheckPhases phases, ConsistencyChecks consistency, Ticker ticker)
        implements Action.Visitor<ActionOutcome, InterruptedException> {

    @Override
    public ActionOutcome start(Action.Start a) {
        return ActionOutcome.passed(servers.start(a));
    }

    @Override
    public ActionOutcome startService(Action.StartService a) {
        return ActionOutcome.passed(servers.startService(a));
    }

    @Override
    public ActionOutcome kill(Action.Kill a) {
        return ActionOutcome.passed(servers.kill(a));
    }

    @Override
    public ActionOutcome stop(Action.Stop a) {
        return ActionOutcome.passed(servers.stop(a));
    }

    @Override
    public ActionOutcome awaitReady(Action.AwaitReady a) {
        return ActionOutcome.passed(servers.awaitReady(a));
    }

    @Override
    public ActionOutcome promote(Action.Promote a) {
        return ActionOutcome.passed(servers.promote(a));
    }

    @Override
    public ActionOutcome configure(Action.Configure a) {
        return ActionOutcome.passed(servers.configure(a));
    }

    @Override
    public ActionOutcome assertVersion(Action.AssertVersion a) {
        return ActionOutcome.passed(servers.assertVersion(a));
    }

    @Override
    public ActionOutcome runPhase(Action.RunPhase a) throws InterruptedException {
        return phases.run(index, a);
    }

    @Override
    public ActionOutcome consistency(Action.Consistency a) {
        return consistency.run(index, a);
    }

    @Override
    public ActionOutcome sleep(Action.Sleep a) throws InterruptedException {
        ticker.sleep(a.millis());
        return ActionOutcome.passed(null);
    }

    @Override
    public ActionOutcome sql(Action.Sql a) throws InterruptedException {
        adHocSql.run(a);
        return ActionOutcome.passed(null);
    }
}
