package dev.sfmcp.emulator;

import dev.sfmcp.fixtures.format.FixtureException;
import dev.sfmcp.fixtures.generate.Generator;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plain {@code java -jar sfmcp-emulator.jar} start, re-executed in a JVM tuned for start-up. A jar's manifest cannot
 * carry JVM options, and on two cores the JVM's defaults cost more than the emulator: C2 compiler threads compete with
 * the start for CPU, and about 4,000 classes are parsed and verified from the jar. The re-executed JVM runs C1 only
 * with the serial collector and maps an application class-data-sharing archive kept beside the jar
 * ({@code sfmcp-emulator-<JVM version>.jsa}), which the first start writes when it exits (Java 17 has no
 * {@code -XX:+AutoCreateSharedArchive}). That roughly halves the CPU a start costs; the launching JVM, which loads
 * almost nothing, waits for the emulator and exits with its status.
 *
 * <p>It steps aside whenever the user chose JVM options (any option on the command line or in {@code JAVA_TOOL_OPTIONS},
 * {@code JDK_JAVA_OPTIONS}, {@code _JAVA_OPTIONS}), when the JVM is not HotSpot, when the class path is not one jar,
 * with {@code --generate} of 50,000 records or more, and with {@code --tuned-jvm=false}. C1-only code is slower at
 * peak, so long load tests should use that switch.
 */
final class TunedLaunch {

    /** Set in the re-executed JVM (its value: the launching JVM's start, epoch milliseconds), so it never re-executes. */
    static final String STARTED_AT = "sfmcp.launchedAt";

    /** The JVM options of the re-executed JVM, apart from the archive. */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
            "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    /**
     * From this many {@code --generate}d records on, the start runs in the JVM as launched: such a start takes
     * seconds of loading anyway, and C1-only code would load a million records about twice as slowly.
     */
    static final long LARGE_GENERATION = 50_000;

    private final List<String> command;
    private final Path archive;
    private final Path training;
    private Process process;
    private boolean finished;

    TunedLaunch(List<String> command, Path archive, Path training) {
        this.command = command;
        this.archive = archive;
        this.training = training;
    }

    /** What this JVM was launched with, as far as the decision needs it. */
    record Launcher(List<String> launcherArguments, String classPath, String javaHome, String vmName, String vmVersion, long pid,
                    long startedAt, Map<String, String> env, boolean reExecuted) {

        /** This JVM. */
        static Launcher current() {
            ProcessHandle.Info info = ProcessHandle.current().info();
            return new Launcher(info.arguments().map(Arrays::asList).orElse(List.of()), System.getProperty("java.class.path", ""),
                    System.getProperty("java.home"), System.getProperty("java.vm.name", ""),
                    System.getProperty("java.vm.version", ""), ProcessHandle.current().pid(),
                    info.startInstant().map(java.time.Instant::toEpochMilli).orElse(0L), System.getenv(),
                    System.getProperty(STARTED_AT) != null);
        }
    }

    /** The command to re-execute, or empty when this JVM should run the emulator itself. */
    static Optional<TunedLaunch> plan(String[] args, EmulatorConfig config) {
        if (!config.tunedJvm() || System.getProperty(STARTED_AT) != null) {
            return Optional.empty(); // without reading this process's command line
        }
        return plan(args, config, Launcher.current());
    }

    static Optional<TunedLaunch> plan(String[] args, EmulatorConfig config, Launcher launcher) {
        if (!config.tunedJvm() || launcher.reExecuted() || generated(config) >= LARGE_GENERATION) {
            return Optional.empty();
        }
        for (String variable : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"}) {
            String value = launcher.env().get(variable);
            if (value != null && !value.isBlank()) {
                return Optional.empty();
            }
        }
        if (!launcher.vmName().contains("HotSpot") && !launcher.vmName().contains("OpenJDK")) {
            return Optional.empty();
        }
        // the launcher's own arguments are "-jar <jar> <args...>" when, and only when, no JVM option was given
        List<String> launched = launcher.launcherArguments();
        Path jar = jar(launcher.classPath());
        if (jar == null || launched.isEmpty() || !launched.get(0).equals("-jar")) {
            return Optional.empty();
        }
        Path archive = archive(jar, launcher.vmVersion());
        List<String> command = new ArrayList<>();
        command.add(Path.of(launcher.javaHome(), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        Path training = null;
        if (usable(archive, jar)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        } else if (Files.isWritable(jar.getParent())) {
            // written under a name of this launch, then moved into place: two first starts must not write one file
            training = jar.resolveSibling(archive.getFileName() + "." + launcher.pid() + ".tmp");
            command.add("-XX:ArchiveClassesAtExit=" + training);
        }
        command.add("-D" + STARTED_AT + "=" + launcher.startedAt());
        command.add("-cp");
        command.add(jar.toString());
        command.add(Main.class.getName());
        command.addAll(Arrays.asList(args));
        return Optional.of(new TunedLaunch(List.copyOf(command), archive, training));
    }

    /** The number of records the {@code --generate} specs ask for, in all (0 when they are malformed: the tuned JVM says so). */
    static long generated(EmulatorConfig config) {
        if (config.generate().isEmpty()) {
            return 0;
        }
        try {
            return Generator.parseCounts(config.generate()).values().stream().mapToLong(Integer::longValue).sum();
        } catch (FixtureException e) {
            return 0;
        }
    }

    /**
     * The archive of this jar for this JVM, e.g. {@code sfmcp-emulator-17.0.15+6.jsa}: a JVM refuses (silently, as
     * launched here) an archive that another JVM wrote, so after a Java update the new JVM trains its own.
     */
    static Path archive(Path jar, String vmVersion) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-"
                + vmVersion.replaceAll("[^A-Za-z0-9.+_-]", "_") + ".jsa");
    }

    /** The archive is used only when it was written after the jar: an archive of another build would be refused. */
    static boolean usable(Path archive, Path jar) {
        try {
            return Files.size(archive) > 0 && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path jar(String classPath) {
        if (classPath.isEmpty() || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return null;
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        return Files.isRegularFile(jar) ? jar : null;
    }

    /** The re-executed JVM's command line. */
    List<String> command() {
        return command;
    }

    /** Runs the tuned JVM with this JVM's standard streams and answers its exit status. */
    int run() throws IOException, InterruptedException {
        process = new ProcessBuilder(command).inheritIO().start();
        // a signal to this JVM (Ctrl-C reaches both; kill, docker stop, Process.destroy reach only this one) stops it too
        Runtime.getRuntime().addShutdownHook(new Thread(this::finish, "sfmcp-tuned-jvm"));
        int status = process.waitFor();
        finish();
        return status;
    }

    /** Stops the tuned JVM if it still runs, waits for it (it writes the archive as it exits), keeps the archive. */
    private synchronized void finish() {
        if (finished) {
            return;
        }
        process.destroy();
        boolean interrupted = false;
        while (true) {
            try {
                process.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (training != null) {
            try {
                if (Files.exists(training) && Files.size(training) > 0) {
                    Files.move(training, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(training);
                }
            } catch (IOException e) {
                System.err.println("sfmcp-emulator: could not keep the class-data-sharing archive " + archive + ": " + e.getMessage());
            }
        }
        finished = true;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
