package dev.harness.system.postgres;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a PostgreSQL service starts: initdb when the data folder holds no cluster yet, then {@code exec postgres} so
 * the postmaster replaces the shell and a SIGKILL of the service hits the postmaster. The shell line is a constant:
 * paths, port and settings reach it as arguments ({@code "$1"} …), so a path with quotes, spaces or {@code $(…)}
 * is one argument to initdb and postgres, never shell syntax.
 */
public final class PostgresCommand {
    /** Server settings of every service: replication-ready (a standby can be cloned at any time), fast, lean. */
    static final List<String> SETTINGS = List.of(
            "fsync=off", // test data: durability across OS crashes is not under test, kill -9 is (fsync does not matter for it)
            "wal_level=logical", // checks.d/postgres creates logical replication slots on the system under test
            "max_wal_senders=10",
            "max_prepared_transactions=10", // two-phase commit checks; a standby needs at least its leader's value: all share it
            "shared_preload_libraries=pg_stat_statements", // bundled contrib; loadable only at server start
            "wal_keep_size=512MB", // no archive: a standby catching up needs the leader to keep WAL since the backup
            "hot_standby=on",
            "hot_standby_feedback=on",
            "shared_buffers=32MB", // several servers share a small machine
            "max_connections=100",
            "log_line_prefix=%m [%p] ");
    /** The setting that carries the start's identity; the harness reads it back to know the server is its own. */
    public static final String IDENTITY_SETTING = "cluster_name";
    /** $0 of the start script, as error messages of the shell name it. */
    static final String SCRIPT_NAME = "harness-postgres-start";

    private static final String INIT_AND_EXEC = """
            set -e
            data="$1"; bin="$2"; port="$3"; listen="$4"; mode="$5"
            shift 5
            if [ ! -f "$data/PG_VERSION" ]; then
              if [ "$mode" = read-only ]; then
                echo "$0: $data holds no cluster: a read-only start needs a leader to copy or a cluster of its own" >&2
                exit 1
              fi
              "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale --no-sync
            %s
            fi
            # The start's mode decides recovery, not a signal file an earlier start left: a read-only start boots as a
            # standby (of the leader it was cloned from, or on its own WAL), a writable one boots writable.
            if [ "$mode" = read-only ]; then : > "$data/standby.signal"; else rm -f "$data/standby.signal"; fi
            # -k '': no unix socket. Clients use TCP; a socket path under a deep run folder could pass the 107-byte limit.
            exec "$bin/postgres" -D "$data" -p "$port" -h "$listen" -k '' "$@"
            """;
    /** Containers reach each other over the run's network: trust those connections too. */
    private static final String OPEN_HBA = "  printf 'host all all all trust\\nhost replication all all trust\\n' >> \"$data/pg_hba.conf\"";

    private PostgresCommand() {}

    /**
     * @param bin      folder with initdb and postgres
     * @param dataDir  data folder (a runtime placeholder such as {@code ${volume:db-data}})
     * @param port     port placeholder ({@code ${port:5432}})
     * @param listen   address to listen on
     * @param openHba  also trust connections from other hosts (containers reach each other by network)
     * @param identity value of {@link #IDENTITY_SETTING} ({@code ${start-id}}: new for every start)
     * @param readOnly boot as a standby ({@code standby.signal}); otherwise boot writable (any {@code standby.signal} removed)
     * @param settings the start's own settings: one replaces the harness's setting of the same name (so the command
     *                 line holds each name once), the others follow; each is one argument ({@code -c name=value})
     */
    public static List<String> argv(String bin, String dataDir, String port, String listen, boolean openHba, String identity,
            boolean readOnly, Map<String, String> settings) {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", INIT_AND_EXEC.formatted(openHba ? OPEN_HBA : ""),
                SCRIPT_NAME, dataDir, bin, port, listen, readOnly ? "read-only" : "writable"));
        Map<String, String> merged = new LinkedHashMap<>();
        for (String s : SETTINGS) merged.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        // GUC names are case-insensitive: Work_Mem replaces work_mem.
        settings.forEach((name, value) -> {
            merged.keySet().removeIf(k -> k.equalsIgnoreCase(name));
            merged.put(name, value);
        });
        merged.forEach((name, value) -> argv.addAll(List.of("-c", name + "=" + value)));
        argv.addAll(List.of("-c", IDENTITY_SETTING + "=" + identity));
        return List.copyOf(argv);
    }
}
