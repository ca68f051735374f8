package org.sightline.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Sightline's bundled Neo4j: an embedded Neo4j with a Bolt connector on loopback, run as its own process
 * so that Python code talks to it exactly as to a real server. Started and stopped by graph/server.py only.
 *
 * <p>Usage: {@code Launcher --home DIR --port N --pagecache BYTES}, password in env SIGHTLINE_NEO4J_PASSWORD
 * (never argv: argv is visible to every user in ps). Prints {@code READY bolt://127.0.0.1:N} once serving;
 * on failure prints {@code ERROR: <cause>} as its last stderr line and exits 1. SIGTERM shuts down cleanly.
 */
public final class Launcher {
    static final String PASSWORD_ENV = "SIGHTLINE_NEO4J_PASSWORD";
    static final String HOST = "127.0.0.1";

    private Launcher() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.err.println("ERROR: " + describe(e));
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> opts = parseArgs(args);
        Path home = Path.of(require(opts, "--home")).toAbsolutePath();
        int port = Integer.parseInt(require(opts, "--port"));
        long pageCache = Long.parseLong(require(opts, "--pagecache"));
        String password = System.getenv(PASSWORD_ENV);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("environment variable " + PASSWORD_ENV + " is not set");
        }
        Files.createDirectories(home);

        // User-facing Neo4j messages go to stdout (the wrapper's neo4j.log); details go to logs/debug.log.
        Log4jLogProvider userLog = new Log4jLogProvider(System.out, Level.INFO);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(userLog)
                .setConfig(GraphDatabaseSettings.auth_enabled, true) // embedded defaults to no auth
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress(HOST))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.routing_enabled, false) // would otherwise bind :7688
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                // A demo store: keep transaction logs small instead of the default two days' worth.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "128M size")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 64L * 1024 * 1024)
                // Netty otherwise idles 2 x 5 s on shutdown after the stores are already closed.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
                System.out.println("STOPPED");
            } catch (Throwable e) {
                System.err.println("ERROR: shutdown failed: " + describe(e));
            } finally {
                userLog.close();
                System.out.flush();
                stopped.countDown();
            }
        }, "sightline-shutdown"));

        syncPassword(dbms, password);
        System.out.println("READY bolt://" + HOST + ":" + port);
        System.out.flush();
        stopped.await(); // serve until SIGTERM runs the shutdown hook
    }

    /**
     * Makes the password file the source of truth: sets the neo4j user's password on every start, so a new
     * store gets it and a store whose password file was regenerated is not locked out.
     */
    private static void syncPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one it already has; that is the normal case.
            if (!String.valueOf(describe(e)).toLowerCase().contains("cannot be the same")) {
                throw e;
            }
        }
    }

    private static Map<String, String> parseArgs(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("usage: Launcher --home DIR --port N --pagecache BYTES");
        }
        java.util.HashMap<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        return opts;
    }

    private static String require(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing argument " + name);
        }
        return value;
    }

    /** One line naming the root cause, which is where Neo4j puts the useful text (store lock, port, format). */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = String.valueOf(e.getMessage());
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String line = root == e || top.contains(msg) ? msg : top + ": " + msg;
        return line.replace('\n', ' ').replace('\r', ' ').strip();
    }
}
