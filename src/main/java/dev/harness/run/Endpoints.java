package dev.harness.run;

import dev.harness.model.Login;
import dev.harness.system.SqlEndpoint;

/** Where the run's connections to a running service go: as its user, as its privileged user, or as a role a check names. */
interface Endpoints {
    SqlEndpoint endpoint(String service, boolean asSystem);

    SqlEndpoint endpoint(String service, Login login);
}
