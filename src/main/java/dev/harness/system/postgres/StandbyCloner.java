package dev.harness.system.postgres;

import dev.harness.model.HarnessException;
import dev.harness.runtime.ServiceRuntime;
import dev.harness.system.SqlEndpoint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Makes a candidate's data folder a physical standby of the leader with the low-level backup API (the bundled
 * binaries have no pg_basebackup): {@code pg_backup_start} on the leader, a file copy of its volume while it keeps
 * running, {@code pg_backup_stop} in the same session, then backup_label and primary_conninfo. The read-only start
 * that follows boots it as a standby (its start script writes standby.signal).
 */
public final class StandbyCloner {
    /** What pg_basebackup leaves out: runtime state of the running leader, WAL (streamed instead), temp files. */
    static final List<String> EXCLUDE = List.of(
            "postmaster.pid", "postmaster.opts", "postgresql.auto.conf.tmp", "backup_label", "backup_label.old",
            "tablespace_map", "standby.signal", "recovery.signal", "current_logfiles",
            "pg_wal/*", "pg_replslot/*", "pg_dynshmem/*", "pg_notify/*", "pg_serial/*", "pg_snapshots/*",
            "pg_stat_tmp/*", "pg_subtrans/*", "**/pgsql_tmp*", "**/pg_internal.init");

    private StandbyCloner() {}

    /**
     * @param leaderSystem   the leader as the superuser
     * @param leaderVolume   volume of the leader's data folder
     * @param standbyVolume  volume of the candidate's data folder (its contents are replaced)
     * @param conninfo       how the standby reaches the leader (host and port as seen from the standby)
     */
    public static void clone(ServiceRuntime runtime, SqlEndpoint leaderSystem, String leaderVolume, String standbyVolume,
            String standbyService, String conninfo, Consumer<String> log) {
        try (Connection c = PgConnections.open(leaderSystem)) {
            String autoConf = PgConnections.queryText(c, "SELECT pg_read_file('postgresql.auto.conf')");
            // fast = true: an immediate checkpoint instead of waiting for the next one.
            String startLsn = PgConnections.queryText(c, "SELECT pg_backup_start('harness', true)::text");
            log.accept(standbyService + ": base backup of " + leaderVolume + " from " + startLsn);
            String label;
            String spcmap;
            try {
                runtime.copyVolume(leaderVolume, standbyVolume, EXCLUDE);
            } finally {
                // Always end the backup, also when the copy failed: an open backup blocks the next one.
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                    rs.next();
                    label = rs.getString(1);
                    spcmap = rs.getString(2);
                }
            }
            Map<String, String> files = new LinkedHashMap<>();
            files.put("backup_label", label);
            if (spcmap != null && !spcmap.isEmpty()) files.put("tablespace_map", spcmap);
            files.put("postgresql.auto.conf", withPrimaryConninfo(autoConf, conninfo));
            runtime.writeFiles(standbyVolume, files);
        } catch (SQLException e) {
            throw new HarnessException.Infrastructure(standbyService, "base backup from the leader failed: " + e.getMessage(), e);
        }
    }

    /** The leader's ALTER SYSTEM settings, minus any earlier primary_conninfo (a promoted standby has one). */
    static String withPrimaryConninfo(String autoConf, String conninfo) {
        StringBuilder out = new StringBuilder();
        if (autoConf != null) {
            for (String line : autoConf.split("\n", -1)) {
                if (line.isEmpty() || line.strip().startsWith("primary_conninfo")) continue;
                out.append(line).append('\n');
            }
        }
        out.append("primary_conninfo = '").append(conninfo.replace("'", "''")).append("'\n");
        return out.toString();
    }
}
