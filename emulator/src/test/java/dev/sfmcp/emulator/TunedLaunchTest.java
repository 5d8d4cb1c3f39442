package dev.sfmcp.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a start re-executes in the tuned JVM, with which command, and how the first start's archive is kept. */
class TunedLaunchTest {

    @TempDir
    Path dir;

    private Path jar() throws Exception {
        Path jar = dir.resolve("sfmcp-emulator.jar");
        Files.write(jar, new byte[] {1});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
        return jar;
    }

    /** An archive beside the jar, written at {@code millis} (the jar's time is 1,000,000). */
    private Path archiveWrittenAt(long millis) throws Exception {
        Path archive = Files.write(dir.resolve("sfmcp-emulator-17.0.15+6.jsa"), new byte[] {1});
        Files.setLastModifiedTime(archive, FileTime.fromMillis(millis));
        return archive;
    }

    private static TunedLaunch.Launcher plainJar(Path jar, Map<String, String> env) {
        return new TunedLaunch.Launcher(List.of("-jar", jar.toString(), "--port", "9000"), jar.toString(), "/opt/jdk",
                "OpenJDK 64-Bit Server VM", "17.0.15+6", 4242, 1234L, env, false);
    }

    private static Optional<TunedLaunch> plan(TunedLaunch.Launcher launcher, String... args) {
        return TunedLaunch.plan(args, EmulatorConfig.from(args, Map.of()), launcher);
    }

    @Test
    void aPlainJarStartWithoutArchiveReExecutesAndTrainsOneUnderItsOwnName() throws Exception {
        Path jar = jar();
        List<String> command = plan(plainJar(jar, Map.of()), "--port", "9000").orElseThrow().command();
        assertEquals(Path.of("/opt/jdk", "bin", "java").toString(), command.get(0));
        assertTrue(command.containsAll(TunedLaunch.JVM_OPTIONS), command.toString());
        assertTrue(command.contains("-XX:ArchiveClassesAtExit=" + dir.resolve("sfmcp-emulator-17.0.15+6.jsa.4242.tmp")), command.toString());
        assertFalse(command.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile")), command.toString());
        assertTrue(command.contains("-D" + TunedLaunch.STARTED_AT + "=1234"), command.toString());
        assertEquals(List.of("-cp", jar.toString(), Main.class.getName(), "--port", "9000"),
                command.subList(command.size() - 5, command.size()));
    }

    @Test
    void anArchiveWrittenAfterTheJarIsMapped() throws Exception {
        Path archive = archiveWrittenAt(2_000_000);
        List<String> command = plan(plainJar(jar(), Map.of())).orElseThrow().command();
        assertTrue(command.contains("-XX:SharedArchiveFile=" + archive), command.toString());
        assertFalse(command.stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit")), command.toString());
    }

    @Test
    void anArchiveOlderThanTheJarBelongsToAnotherBuildAndIsTrainedAgain() throws Exception {
        archiveWrittenAt(500_000);
        List<String> command = plan(plainJar(jar(), Map.of())).orElseThrow().command();
        assertFalse(command.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile")), command.toString());
        assertTrue(command.stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit")), command.toString());
    }

    @Test
    void userChosenJvmOptionsTheSwitchOrAClassPathStartRunAsLaunched() throws Exception {
        Path jar = jar();
        TunedLaunch.Launcher withOption = new TunedLaunch.Launcher(List.of("-Xmx1g", "-jar", jar.toString()), jar.toString(),
                "/opt/jdk", "OpenJDK 64-Bit Server VM", "17.0.15+6", 1, 1, Map.of(), false);
        assertTrue(plan(withOption).isEmpty());
        assertTrue(plan(plainJar(jar, Map.of("JAVA_TOOL_OPTIONS", "-Xss1m"))).isEmpty());
        assertTrue(plan(plainJar(jar, Map.of("JDK_JAVA_OPTIONS", "-Xmx2g"))).isEmpty());
        assertTrue(plan(plainJar(jar, Map.of()), "--tuned-jvm=false").isEmpty());
        // a large generation loads for seconds: peak speed (C2) matters more than the start
        assertTrue(plan(plainJar(jar, Map.of()), "--generate", "Account=20000", "--generate", "Contact=30000").isEmpty());
        assertTrue(plan(plainJar(jar, Map.of()), "--generate", "Account=1000,Contact=49000").isEmpty());
        assertTrue(plan(plainJar(jar, Map.of()), "--generate", "Account=1000,Contact=4000").isPresent());
        TunedLaunch.Launcher classPath = new TunedLaunch.Launcher(List.of("-cp", "a.jar:b.jar", "dev.sfmcp.emulator.Main"),
                "a.jar:b.jar", "/opt/jdk", "OpenJDK 64-Bit Server VM", "17.0.15+6", 1, 1, Map.of(), false);
        assertTrue(plan(classPath).isEmpty());
        TunedLaunch.Launcher otherVm = new TunedLaunch.Launcher(List.of("-jar", jar.toString()), jar.toString(), "/opt/jdk",
                "Eclipse OpenJ9 VM", "17.0.15+6", 1, 1, Map.of(), false);
        assertTrue(plan(otherVm).isEmpty());
    }

    @Test
    void theTunedJvmsStatusIsReturnedAndItsTrainedArchiveMovedIntoPlace() throws Exception {
        Path archive = dir.resolve("sfmcp-emulator.jsa");
        Path training = dir.resolve("sfmcp-emulator.jsa.1.tmp");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a real JVM writing a real dynamic archive as it exits, as the emulator's first start does
        TunedLaunch launch = new TunedLaunch(List.of(java, "-XX:ArchiveClassesAtExit=" + training, "-version"), archive, training);
        assertEquals(0, launch.run());
        assertTrue(Files.size(archive) > 0, "the archive is in place");
        assertFalse(Files.exists(training), "the training file is gone");

        TunedLaunch failing = new TunedLaunch(List.of(java, "-cp", dir.toString(), "NoSuchMainClass"), archive, null);
        assertEquals(1, failing.run());
    }

    @Test
    void anotherJvmTrainsAnArchiveOfItsOwn() throws Exception {
        Path jar = jar();
        archiveWrittenAt(2_000_000);
        TunedLaunch.Launcher updatedJava = new TunedLaunch.Launcher(List.of("-jar", jar.toString()), jar.toString(), "/opt/jdk",
                "OpenJDK 64-Bit Server VM", "17.0.16+8 (build)", 7, 1, Map.of(), false);
        List<String> command = plan(updatedJava).orElseThrow().command();
        assertTrue(command.contains("-XX:ArchiveClassesAtExit=" + dir.resolve("sfmcp-emulator-17.0.16+8__build_.jsa.7.tmp")),
                command.toString());
    }

    @Test
    void theLauncherLeavesValueChecksToTheTunedJvmButNotUnknownOptions() throws Exception {
        Path jar = jar();
        // the launching JVM only parses (its start is on the critical path); the tuned JVM checks and exits 2 itself
        String[] args = {"--port", "eighty"};
        EmulatorConfig parsed = EmulatorConfig.parse(args, Map.of());
        List<String> command = TunedLaunch.plan(args, parsed, plainJar(jar, Map.of())).orElseThrow().command();
        assertEquals(List.of("--port", "eighty"), command.subList(command.size() - 2, command.size()));
        assertThrows(IllegalArgumentException.class, () -> EmulatorConfig.from(args, Map.of()));
        assertEquals("unknown option '--bogus' (see --help)", assertThrows(IllegalArgumentException.class,
                () -> EmulatorConfig.parse(new String[] {"--bogus"}, Map.of())).getMessage());
    }

    @Test
    void theReExecutedJvmNeverReExecutesAgain() throws Exception {
        Path jar = jar();
        TunedLaunch.Launcher reExecuted = new TunedLaunch.Launcher(List.of("-jar", jar.toString()), jar.toString(), "/opt/jdk",
                "OpenJDK 64-Bit Server VM", "17.0.15+6", 1, 1, Map.of(), true);
        assertTrue(plan(reExecuted).isEmpty());
        assertTrue(plan(plainJar(jar, Map.of())).isPresent(), "the same launch, not yet re-executed, would be");
    }
}
