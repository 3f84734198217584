package dev.fedpilot.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * FedPilot's command line as a user runs it: a child JVM with exactly the environment given (no variable of the
 * test's own environment leaks in), a home directory of its own, and this build's class path.
 */
final class CliProcess {

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    private final Path home;
    private final Map<String, String> environment = new LinkedHashMap<>();

    /** A user with an empty home and nothing AWS-related in the environment. */
    CliProcess(Path home) {
        this.home = home;
        environment.put("HOME", home.toString());
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("LANG", "C.UTF-8");
        // no EC2 instance metadata on a test machine: without this the SDK's chain waits for it to time out
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
    }

    CliProcess with(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Credentials and endpoint from the environment, the way the AWS CLI would be pointed at moto. */
    CliProcess withAwsEnvironment(String endpoint, String region) {
        return with("AWS_ENDPOINT_URL", endpoint).with("AWS_ACCESS_KEY_ID", "AKIAFEDPILOTCLITEST")
                .with("AWS_SECRET_ACCESS_KEY", "cli-test-secret").with("AWS_REGION", region);
    }

    /** The build's class path without the test classes, so that FedPilot logs as it does for users (to a file). */
    static String productionClassPath() {
        String separator = System.getProperty("path.separator");
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.util.regex.Pattern.quote(separator)))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(java.util.stream.Collectors.joining(separator));
    }

    Path home() {
        return home;
    }

    Result run(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
                "-cp", productionClassPath(), "dev.fedpilot.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Path out = Files.createTempFile(home, "stdout", ".txt");
            Path err = Files.createTempFile(home, "stderr", ".txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("fedpilot " + String.join(" ", args) + " did not finish in 120 s");
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
