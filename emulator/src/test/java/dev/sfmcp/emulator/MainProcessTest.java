package dev.sfmcp.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: a real JVM process running {@link Main}. */
class MainProcessTest {

    static Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("SFMCP_"));
        return builder.start();
    }

    static String run(Process process, StringBuilder stderr) throws Exception {
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process ended");
        stderr.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void portInUseIsOneLineAndExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Process process = launch("--port", String.valueOf(taken.getLocalPort()));
            StringBuilder stderr = new StringBuilder();
            run(process, stderr);
            assertEquals(1, process.exitValue());
            String err = stderr.toString().strip();
            assertEquals("sfmcp-emulator: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use", err);
            assertFalse(err.contains("Exception"));
        }
    }

    @Test
    void helpListsOptionsAndExits0() throws Exception {
        Process process = launch("--help");
        String out = run(process, new StringBuilder());
        assertEquals(0, process.exitValue());
        assertTrue(out.contains("--port") && out.contains("SFMCP_PORT") && out.contains("--public-url"), out);
    }

    @Test
    void badOptionIsOneLineAndExitCode2() throws Exception {
        Process process = launch("--port", "eighty");
        StringBuilder stderr = new StringBuilder();
        run(process, stderr);
        assertEquals(2, process.exitValue());
        assertEquals("sfmcp-emulator: --port must be a whole number, not 'eighty'", stderr.toString().strip());
    }

    @Test
    void aBadOptionThroughTheReExecutedTunedJvmIsStillOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        // a plain `java -jar` re-executes in the tuned JVM, which checks the values; the launcher returns its status
        Path jar = dir.resolve("sfmcp-emulator.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        StringBuilder classPath = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            classPath.append(Paths.get(entry).toUri()).append(' ');
        }
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath.toString().trim());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        ProcessBuilder builder = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", "eighty");
        builder.environment().keySet().removeIf(k -> k.startsWith("SFMCP_") || k.endsWith("JAVA_OPTIONS"));
        Process process = builder.start();
        StringBuilder stderr = new StringBuilder();
        run(process, stderr);
        assertEquals(2, process.exitValue());
        assertEquals("sfmcp-emulator: --port must be a whole number, not 'eighty'", stderr.toString().strip());
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().contains(".jsa")),
                    "the tuned JVM ran (its first start trains a class-data-sharing archive beside the jar)");
        }
    }
}
