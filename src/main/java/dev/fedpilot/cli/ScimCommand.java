package dev.fedpilot.cli;

import dev.fedpilot.domain.ScimCheck;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code fedpilot scim …}: the SCIM endpoint AWS gives Entra for provisioning. */
@Command(name = "scim", mixinStandardHelpOptions = true,
        description = "Check the SCIM endpoint and token that Entra uses to provision users into AWS.",
        subcommands = {ScimCommand.Check.class})
public final class ScimCommand implements Callable<Integer> {
    /** The token never travels as an argument: arguments are visible to every user in the process list. */
    static final String TOKEN_VARIABLE = "FEDPILOT_SCIM_TOKEN";
    /** A SCIM token is a few hundred characters; more on stdin is not a token. */
    private static final int MAX_TOKEN_CHARS = 16 * 1024;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: try 'fedpilot scim check --endpoint URL'.");
    }

    /** {@code fedpilot scim check --endpoint URL}: the same read-only check as the setup's SCIM step. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check that the SCIM endpoint answers and accepts the token (read-only: changes nothing).",
                    "The token is read from the environment variable " + TOKEN_VARIABLE + ", else from standard "
                            + "input (typed without echo, or piped); never from an argument.",
                    "Exit code 0: reachable and the token is accepted; 1: the check failed (the reason is printed); "
                            + "2: bad usage."})
    static final class Check implements Callable<Integer> {

        @Option(names = "--endpoint", required = true, paramLabel = "URL",
                description = "The SCIM endpoint from the IAM Identity Center console, "
                        + "e.g. https://scim.eu-west-1.amazonaws.com/<id>/scim/v2")
        String endpoint;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ScimEndpoint target;
            try {
                target = ScimEndpoint.parse(endpoint);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            ScimCheck result;
            try (Secret token = token()) {
                if (token.isEmpty()) {
                    throw new UsageException("No SCIM token: set " + TOKEN_VARIABLE
                            + " or give the token on standard input.");
                }
                result = ((FedPilotCommand) spec.root().userObject()).scimProbe().check(target, token);
            }
            if (!result.ok()) {
                spec.commandLine().getErr().println("fedpilot: " + result.message()
                        + (result.fix().isEmpty() ? "" : " " + result.fix()));
                return ExitCodes.FAILED;
            }
            spec.commandLine().getOut().println(result.message());
            return ExitCodes.OK;
        }

        private static Secret token() {
            String fromEnvironment = System.getenv(TOKEN_VARIABLE);
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                return Secret.of(fromEnvironment);
            }
            Console console = System.console();
            if (console != null) {
                char[] typed = console.readPassword("SCIM token (not shown): ");
                return typed == null ? Secret.of(new char[0]) : wiped(typed);
            }
            return fromStandardInput();
        }

        /** Secret.of copies; the caller's array is cleared so only the Secret holds the token. */
        private static Secret wiped(char[] chars) {
            try {
                return Secret.of(chars);
            } finally {
                Arrays.fill(chars, '\0');
            }
        }

        /** The first line of standard input, read as characters so that no String copy of the token is left. */
        private static Secret fromStandardInput() {
            char[] buffer = new char[MAX_TOKEN_CHARS + 1];
            int length = 0;
            try {
                Reader in = new InputStreamReader(System.in, StandardCharsets.UTF_8);
                for (int n; length < buffer.length && (n = in.read(buffer, length, buffer.length - length)) > 0; ) {
                    length += n;
                }
                if (length > MAX_TOKEN_CHARS) {
                    throw new UsageException("Standard input holds more than a SCIM token; give only the token.");
                }
                int end = 0;
                while (end < length && buffer[end] != '\n' && buffer[end] != '\r') {
                    end++;
                }
                return wiped(Arrays.copyOf(buffer, end));
            } catch (IOException e) {
                throw new UsageException("Could not read the SCIM token from standard input.");
            } finally {
                Arrays.fill(buffer, '\0');
            }
        }
    }
}
