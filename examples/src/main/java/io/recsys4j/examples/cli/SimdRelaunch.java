package io.recsys4j.examples.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.LoggerFactory;

/**
 * Starts the tool again in a child JVM with {@code --add-modules jdk.incubator.vector} when
 * the running JVM lacks the module, so that {@code java -jar recsys-cli.jar train ...} gets
 * the SIMD propagation kernel without the user knowing about incubator modules. A jar's
 * manifest cannot add a module, hence the second JVM.
 *
 * <p>Only the commands that propagate over the graph (train, bench, demo, coldstart) are
 * relaunched, and not for {@code --help} or {@code --version}: the others gain nothing from
 * the kernel and keep their start-up time. The child gets the parent's JVM options, class
 * path, main class and arguments, inherits its standard streams (so it sees the same
 * terminal), and its exit status becomes the parent's.
 *
 * <p>Loops are impossible: the child runs with {@value #GUARD}{@code =true} and the
 * environment variable {@value #GUARD_ENV}, and either one stops a relaunch. The user opts
 * out with {@code -Drecsys.simd=false} (the scalar kernel, no relaunch) or
 * {@code -Drecsys.relaunch=false} (no relaunch; the library then logs once that it uses the
 * scalar kernel and which flag to add). A JVM under a debugger (JDWP) is not relaunched.
 */
final class SimdRelaunch {
    static final String MODULE = "jdk.incubator.vector";
    /** System property set on the child; its presence stops a second relaunch. */
    static final String GUARD = "recsys.relaunched";
    /** Environment variable set for the child; its presence stops a second relaunch. */
    static final String GUARD_ENV = "RECSYS_RELAUNCHED";
    /** The commands whose work runs the propagation kernel. */
    static final Set<String> PROPAGATING = Set.of("train", "bench", "demo", "coldstart");
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

    private SimdRelaunch() {
    }

    /**
     * Whether to relaunch, from the facts that decide it.
     *
     * @param moduleLoaded  the module is in the boot layer already
     * @param moduleInImage the Java runtime ships the module (a jlinked runtime may not)
     * @param property      the JVM's system properties
     * @param env           the process environment
     * @param jvmArgs       the JVM's input arguments
     * @param args          the tool's arguments
     */
    static boolean shouldRelaunch(boolean moduleLoaded, boolean moduleInImage, UnaryOperator<String> property,
                                  Map<String, String> env, List<String> jvmArgs, String[] args) {
        if (moduleLoaded || !moduleInImage) {
            return false;
        }
        if (property.apply(GUARD) != null || env.containsKey(GUARD_ENV)) {
            return false;
        }
        if ("false".equalsIgnoreCase(property.apply("recsys.simd"))
                || "false".equalsIgnoreCase(property.apply("recsys.relaunch"))) {
            return false;
        }
        if (jvmArgs.stream().anyMatch(a -> a.contains("jdwp"))) {
            return false;
        }
        if (Arrays.stream(args).anyMatch(HELP::contains)) {
            return false;   // help and version need no kernel
        }
        return args.length > 0 && PROPAGATING.contains(args[0]);
    }

    /**
     * The child's command line: {@code java <the parent's JVM options> [quieting options]
     * --add-modules jdk.incubator.vector -Drecsys.relaunched=true -cp <class path> <main class>
     * <args>}.
     *
     * @param javaFeature the Java feature release ({@code Runtime.version().feature()})
     */
    static List<String> command(String java, int javaFeature, List<String> jvmArgs, String classPath,
                                String mainClass, String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmArgs);
        cmd.addAll(quietingOptions(javaFeature, jvmArgs));
        cmd.add("--add-modules");
        cmd.add(MODULE);
        cmd.add("-D" + GUARD + "=true");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * In a relaunched child: ends this JVM when the parent that waits for it dies. The parent
     * stops the child from a shutdown hook on SIGTERM and SIGINT, but a parent killed with
     * SIGKILL runs no hook, and the child would train on as an orphan.
     */
    static void exitWithParent() {
        if (System.getProperty(GUARD) == null) {
            return;
        }
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().exit(137)));
    }

    /**
     * Options that keep the child to the one incubator warning on newer JDKs, where ND4J's
     * JavaCPP otherwise prints eight lines about native access (22+) and sun.misc.Unsafe
     * (23+). The jar's manifest cannot do it for a {@code -cp} launch, and Java 17 knows
     * neither option in this form. An option the user set is left as the user set it.
     */
    static List<String> quietingOptions(int javaFeature, List<String> jvmArgs) {
        List<String> extra = new ArrayList<>();
        if (javaFeature >= 22 && jvmArgs.stream().noneMatch(a -> a.startsWith("--enable-native-access"))) {
            extra.add("--enable-native-access=ALL-UNNAMED");
        }
        if (javaFeature >= 23 && jvmArgs.stream().noneMatch(a -> a.startsWith("--sun-misc-unsafe-memory-access"))) {
            extra.add("--sun-misc-unsafe-memory-access=allow");
        }
        return extra;
    }

    /** The running JVM's {@code java} executable, if it can be found. */
    static Optional<String> javaCommand() {
        Optional<String> c = ProcessHandle.current().info().command().filter(p -> Files.isExecutable(Path.of(p)));
        if (c.isPresent()) {
            return c;
        }
        Path home = Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java");
        return Files.isExecutable(home) ? Optional.of(home.toString()) : Optional.empty();
    }

    /**
     * Runs the tool in a child JVM with the module if this JVM should, and returns the
     * child's exit status; empty if the tool should run here (no relaunch wanted, or none
     * possible).
     */
    static Optional<Integer> runIfNeeded(String[] args) {
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean loaded = ModuleLayer.boot().findModule(MODULE).isPresent();
        boolean inImage = !loaded && ModuleFinder.ofSystem().find(MODULE).isPresent();
        if (!shouldRelaunch(loaded, inImage, System::getProperty, System.getenv(), jvmArgs, args)) {
            return Optional.empty();
        }
        Optional<String> java = javaCommand();
        String classPath = System.getProperty("java.class.path");
        if (java.isEmpty() || classPath == null || classPath.isEmpty()) {
            return Optional.empty();   // the kernel choice then logs the flag to add
        }
        ProcessBuilder pb = new ProcessBuilder(command(java.get(), Runtime.version().feature(), jvmArgs, classPath,
                RecsysCli.class.getName(), args))
                .inheritIO();
        pb.environment().put(GUARD_ENV, "1");
        // Options the launcher or the VM read from the environment are in jvmArgs already.
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        // OpenMP threads of ND4J's native ops otherwise spin after each op, against the
        // propagation's own threads: passive waiting makes a Last.fm LightGCN epoch 12% faster
        // (JMH SocialTrainingBenchmark, 231 -> 204 ms). A value the user set is kept.
        pb.environment().putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            // The logger only now: the parent JVM that relaunches never starts SLF4J.
            LoggerFactory.getLogger(SimdRelaunch.class).debug("could not start a JVM with --add-modules {}: {}", MODULE, e.toString());
            return Optional.empty();
        }
        Thread stop = new Thread(() -> {
            // The parent is being stopped (SIGTERM, SIGINT): stop the child too, then wait for it.
            if (child.isAlive()) {
                child.destroy();
                try {
                    if (!child.waitFor(10, TimeUnit.SECONDS)) {
                        child.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    child.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }, "recsys-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return Optional.of(child.waitFor());
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            return Optional.of(1);
        }
    }
}
