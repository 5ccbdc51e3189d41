package io.recsys4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SimdRelaunchTest {
    private static final String[] TRAIN = {"train", "--format", "lightgcn", "--train", "t.txt"};

    private static boolean decide(boolean loaded, Map<String, String> props, Map<String, String> env,
                                  List<String> jvmArgs, String... args) {
        UnaryOperator<String> p = props::get;
        return SimdRelaunch.shouldRelaunch(loaded, true, p, env, jvmArgs, args);
    }

    @Test
    void command_keepsJvmOptionsAddsTheModuleAndTheGuard_thenClassPathMainClassAndArgs() {
        List<String> cmd = SimdRelaunch.command("/jdk/bin/java", 17, List.of("-Xmx8g", "-Dorg.bytedeco.javacpp.maxbytes=4G"),
                "examples/target/recsys-cli.jar", "io.recsys4j.examples.cli.RecsysCli",
                new String[] {"train", "--k", "10,20", "a b"});
        assertEquals(List.of("/jdk/bin/java", "-Xmx8g", "-Dorg.bytedeco.javacpp.maxbytes=4G",
                "--add-modules", "jdk.incubator.vector", "-Drecsys.relaunched=true",
                "-cp", "examples/target/recsys-cli.jar", "io.recsys4j.examples.cli.RecsysCli",
                "train", "--k", "10,20", "a b"), cmd);
    }

    @Test
    void command_onNewerJdks_quietsNativeAccessAndUnsafeWarnings_unlessTheUserChose() {
        assertEquals(List.of(), SimdRelaunch.quietingOptions(17, List.of()));
        assertEquals(List.of("--enable-native-access=ALL-UNNAMED"), SimdRelaunch.quietingOptions(22, List.of()));
        assertEquals(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"),
                SimdRelaunch.quietingOptions(25, List.of()));
        assertEquals(List.of("--enable-native-access=ALL-UNNAMED"),
                SimdRelaunch.quietingOptions(25, List.of("--sun-misc-unsafe-memory-access=warn")));
        List<String> cmd = SimdRelaunch.command("java", 25, List.of("-Xmx1g"), "cp", "Main", TRAIN);
        assertEquals(List.of("java", "-Xmx1g", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "--add-modules", "jdk.incubator.vector"), cmd.subList(0, 6));
    }

    @Test
    void shouldRelaunch_propagatingCommandWithoutTheModule() {
        assertTrue(decide(false, Map.of(), Map.of(), List.of(), TRAIN));
        for (String c : new String[] {"bench", "demo", "coldstart"}) {
            assertTrue(decide(false, Map.of(), Map.of(), List.of(), c, "--epochs", "1"), c);
        }
    }

    @Test
    void guard_theChildNeverRelaunchesAgain() {
        // Decide as the child does: its JVM options and environment are the ones command() and runIfNeeded set.
        List<String> childArgs = SimdRelaunch.command("java", 17, List.of(), "cp", "Main", TRAIN);
        Map<String, String> childProps = new HashMap<>();
        for (String a : childArgs) {
            if (a.startsWith("-D")) {
                String[] kv = a.substring(2).split("=", 2);
                childProps.put(kv[0], kv[1]);
            }
        }
        // Even if the module were somehow absent in the child, the property alone stops a loop ...
        assertFalse(decide(false, childProps, Map.of(), List.of(), TRAIN));
        // ... and so does the environment variable alone.
        assertFalse(decide(false, Map.of(), Map.of(SimdRelaunch.GUARD_ENV, "1"), List.of(), TRAIN));
    }

    @Test
    void noRelaunch_whenTheModuleIsThereOrMissingFromTheRuntime() {
        assertFalse(decide(true, Map.of(), Map.of(), List.of(), TRAIN));
        assertFalse(SimdRelaunch.shouldRelaunch(false, false, k -> null, Map.of(), List.of(), TRAIN));
    }

    @Test
    void noRelaunch_whenTheUserOptsOutOrDebugs() {
        assertFalse(decide(false, Map.of("recsys.simd", "false"), Map.of(), List.of(), TRAIN));
        assertFalse(decide(false, Map.of("recsys.relaunch", "false"), Map.of(), List.of(), TRAIN));
        assertFalse(decide(false, Map.of(), Map.of(),
                List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005"), TRAIN));
        assertTrue(decide(false, Map.of("recsys.simd", "true"), Map.of(), List.of("-Xmx2g"), TRAIN));
    }

    @Test
    void noRelaunch_forCommandsThatDoNotPropagate() {
        assertFalse(decide(false, Map.of(), Map.of(), List.of()));
        for (String c : new String[] {"--help", "stats", "encode", "evaluate", "synth", "baseline", "recommend", "help"}) {
            assertFalse(decide(false, Map.of(), Map.of(), List.of(), c), c);
        }
        assertFalse(decide(false, Map.of(), Map.of(), List.of(), "train", "--help"));
        assertFalse(decide(false, Map.of(), Map.of(), List.of(), "bench", "-h"));
    }
}
