package dev.harness.system.postgres;

import java.util.List;

/**
 * The shell line a PostgreSQL service runs: initdb when the data folder holds no cluster yet, then
 * {@code exec postgres} so the postmaster replaces the shell and a SIGKILL of the service hits the postmaster.
 */
public final class PostgresCommand {
    /** Server settings of every service: replication-ready (a standby can be cloned at any time), fast, lean. */
    static final List<String> SETTINGS = List.of(
            "fsync=off", // test data: durability across OS crashes is not under test, kill -9 is (fsync does not matter for it)
            "wal_level=replica",
            "max_wal_senders=10",
            "wal_keep_size=512MB", // no archive: a standby catching up needs the leader to keep WAL since the backup
            "hot_standby=on",
            "hot_standby_feedback=on",
            "shared_buffers=32MB", // several servers share a small machine
            "max_connections=100",
            "log_line_prefix=%m [%p] ");

    private PostgresCommand() {}

    /**
     * @param bin        folder with initdb and postgres
     * @param dataDir    data folder (a runtime placeholder such as {@code ${volume:db-data}})
     * @param port       port placeholder ({@code ${port:5432}})
     * @param listen     address to listen on
     * @param openHba    also trust connections from other hosts (containers reach each other by network)
     */
    public static List<String> argv(String bin, String dataDir, String port, String listen, boolean openHba) {
        String d = quote(dataDir);
        StringBuilder sh = new StringBuilder("set -e\n");
        sh.append("if [ ! -f ").append(d).append("/PG_VERSION ]; then\n");
        sh.append("  ").append(quote(bin + "/initdb")).append(" -D ").append(d)
                .append(" -U postgres -A trust -E UTF8 --no-locale --no-sync\n");
        if (openHba) {
            sh.append("  printf 'host all all all trust\\nhost replication all all trust\\n' >> ").append(d).append("/pg_hba.conf\n");
        }
        sh.append("fi\n");
        // -k '': no unix socket. Clients use TCP; a socket path under a deep run folder could pass the 107-byte limit.
        sh.append("exec ").append(quote(bin + "/postgres")).append(" -D ").append(d)
                .append(" -p ").append(port).append(" -h ").append(listen).append(" -k ''");
        for (String s : SETTINGS) sh.append(" -c ").append(quote(s));
        sh.append('\n');
        return List.of("/bin/sh", "-c", sh.toString());
    }

    /** Single-quotes for sh; runtime placeholders inside stay intact because substitution happens on the argv. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
