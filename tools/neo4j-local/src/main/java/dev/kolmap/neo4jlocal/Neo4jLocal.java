// Runs a real Neo4j Community server embedded in this JVM, reachable over Bolt only, for kolmap's
// local runs and tests. Started by tools/neo4j-local/neo4j-local.mjs (see README.md there).
package dev.kolmap.neo4jlocal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * Entry point. Arguments (each overrides its environment variable):
 *
 * <ul>
 *   <li>{@code --port N} — Bolt port on 127.0.0.1 (env {@code NEO4J_LOCAL_PORT}, default 7687)
 *   <li>{@code --data-dir PATH} — Neo4j home: databases, transaction logs and {@code logs/debug.log}
 *       (env {@code NEO4J_LOCAL_DATA}, default {@code <repo>/.neo4j-local/data})
 *   <li>{@code --pagecache SIZE} — page cache, e.g. {@code 256m} (env {@code NEO4J_LOCAL_PAGECACHE},
 *       default 256m)
 *   <li>{@code --tx-memory SIZE} — memory for all running transactions together (env {@code
 *       NEO4J_LOCAL_TX_MEMORY}, default 256m)
 *   <li>{@code --exit-on-stdin-close} — shut down cleanly when standard input reaches end of file
 * </ul>
 *
 * <p>Authentication is off unless {@code NEO4J_PASSWORD} is set (at least 8 characters); then
 * user {@code neo4j} gets that password at every start. Prints exactly one line on stdout once
 * the default database is available: {@code kolmap-neo4j ready bolt://127.0.0.1:<port>}; all
 * else goes to stderr. Exits 1 when the server cannot start (e.g. the port is taken).
 */
public final class Neo4jLocal {
  public static final String READY_PREFIX = "kolmap-neo4j ready ";
  static final int DEFAULT_PORT = 7687;
  static final String DEFAULT_PAGECACHE = "256m";
  static final String DEFAULT_TX_MEMORY = "256m";
  static final String INVALID_ARGUMENTS = "Neo.ClientError.General.InvalidArguments";
  static final Duration AVAILABILITY_TIMEOUT = Duration.ofMinutes(2);

  private Neo4jLocal() {}

  /** Options after arguments and environment are resolved. */
  record Options(int port, Path dataDir, long pagecacheBytes, long txMemoryBytes, boolean exitOnStdinClose, String password) {}

  public static void main(String[] args) {
    Options options;
    try {
      options = parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("kolmap-neo4j: " + e.getMessage());
      System.exit(2);
      return;
    }

    AtomicReference<DatabaseManagementService> service = new AtomicReference<>();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  DatabaseManagementService s = service.getAndSet(null);
                  if (s != null) {
                    System.err.println("kolmap-neo4j: shutting down");
                    s.shutdown();
                    System.err.println("kolmap-neo4j: stopped");
                  }
                  stopped.countDown();
                },
                "kolmap-neo4j-shutdown"));

    try {
      DatabaseManagementService s = start(options);
      service.set(s);
      GraphDatabaseService db = s.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      if (!db.isAvailable(AVAILABILITY_TIMEOUT.toMillis())) {
        throw new IllegalStateException("database 'neo4j' not available after " + AVAILABILITY_TIMEOUT);
      }
      if (options.password() != null) {
        setPassword(s, options.password());
      }
    } catch (Throwable e) {
      System.err.println("kolmap-neo4j: failed to start: " + describe(e));
      e.printStackTrace(System.err);
      // Halting skips the hook, so shut down what was started first.
      DatabaseManagementService s = service.getAndSet(null);
      if (s != null) {
        try {
          s.shutdown();
        } catch (Throwable ignored) {
          // Already failing; the first error is the one to report.
        }
      }
      System.err.flush();
      Runtime.getRuntime().halt(1);
    }

    System.out.println(READY_PREFIX + "bolt://127.0.0.1:" + options.port());
    System.out.flush();

    if (options.exitOnStdinClose()) {
      waitForEndOfInput(System.in);
      System.err.println("kolmap-neo4j: standard input closed");
      System.exit(0); // runs the shutdown hook
    }
    try {
      stopped.await(); // Neo4j's own threads keep the JVM alive; the hook ends it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static DatabaseManagementService start(Options o) throws IOException {
    Files.createDirectories(o.dataDir());
    return new DatabaseManagementServiceBuilder(o.dataDir())
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", o.port()))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", o.port()))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .setConfig(HttpConnector.enabled, false)
        .setConfig(HttpsConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, o.password() != null)
        .setConfig(GraphDatabaseSettings.pagecache_memory, o.pagecacheBytes())
        .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, o.txMemoryBytes())
        .setConfig(GraphDatabaseSettings.logs_directory, o.dataDir().resolve("logs"))
        // Keep local disk use small: no 256 MB preallocated transaction log per database,
        // smaller log files, and only the last 100 MB of them kept.
        .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
        .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 32L << 20)
        .setConfig(GraphDatabaseSettings.keep_logical_logs, "100M size")
        // Bolt waits 5 s twice on shutdown by default (internal settings, pinned Neo4j version).
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
        .build();
  }

  /**
   * Gives user neo4j the password (Community has user management on the system database). Neo4j
   * refuses to set the password the user already has, with status {@link #INVALID_ARGUMENTS}: as
   * the length was checked in {@link #parse}, that refusal means it is set already.
   */
  static void setPassword(DatabaseManagementService s, String password) {
    GraphDatabaseService system = s.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    try {
      system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (QueryExecutionException e) {
      if (!INVALID_ARGUMENTS.equals(e.getStatusCode())) throw e;
      system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
    }
  }

  static Options parse(String[] args, Map<String, String> env) {
    String port = env.get("NEO4J_LOCAL_PORT");
    String dataDir = env.get("NEO4J_LOCAL_DATA");
    String pagecache = env.getOrDefault("NEO4J_LOCAL_PAGECACHE", DEFAULT_PAGECACHE);
    String txMemory = env.getOrDefault("NEO4J_LOCAL_TX_MEMORY", DEFAULT_TX_MEMORY);
    boolean exitOnStdinClose = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--port" -> port = value(args, ++i, a);
        case "--data-dir" -> dataDir = value(args, ++i, a);
        case "--pagecache" -> pagecache = value(args, ++i, a);
        case "--tx-memory" -> txMemory = value(args, ++i, a);
        case "--exit-on-stdin-close" -> exitOnStdinClose = true;
        default -> throw new IllegalArgumentException("unknown argument " + a);
      }
    }
    int p = DEFAULT_PORT;
    if (port != null && !port.isBlank()) {
      try {
        p = Integer.parseInt(port.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("port is not a number: " + port);
      }
      if (p < 1 || p > 65535) throw new IllegalArgumentException("port out of range: " + port);
    }
    Path dir = dataDir == null || dataDir.isBlank() ? defaultDataDir() : Path.of(dataDir);
    String password = env.get("NEO4J_PASSWORD");
    if (password != null && password.isEmpty()) password = null;
    if (password != null && password.length() < 8) {
      throw new IllegalArgumentException("NEO4J_PASSWORD must have at least 8 characters (Neo4j's minimum)");
    }
    return new Options(p, dir.toAbsolutePath().normalize(), bytes(pagecache), bytes(txMemory), exitOnStdinClose, password);
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) throw new IllegalArgumentException(name + " needs a value");
    return args[i];
  }

  /** Parses {@code 512m}, {@code 1g}, {@code 65536k} or a plain byte count. */
  static long bytes(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    if (t.endsWith("k")) unit = 1L << 10;
    else if (t.endsWith("m")) unit = 1L << 20;
    else if (t.endsWith("g")) unit = 1L << 30;
    if (unit != 1) t = t.substring(0, t.length() - 1);
    try {
      return Long.parseLong(t) * unit;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a size: " + s);
    }
  }

  /** {@code <repo>/.neo4j-local/data}, the jar being {@code <repo>/tools/neo4j-local/target/*.jar}. */
  static Path defaultDataDir() {
    try {
      Path jar = Path.of(Neo4jLocal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path repo = jar.getParent().getParent().getParent().getParent();
      return repo.resolve(".neo4j-local").resolve("data");
    } catch (URISyntaxException | NullPointerException e) {
      return Path.of(".neo4j-local", "data");
    }
  }

  private static void waitForEndOfInput(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // Input is ignored; only its end matters.
      }
    } catch (IOException e) {
      // A broken stdin counts as closed.
    }
  }

  private static String describe(Throwable e) {
    StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
    if (e instanceof QueryExecutionException q) b.append(" [").append(q.getStatusCode()).append(']');
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      b.append(" <- ").append(c.getMessage());
    }
    return b.toString();
  }
}
