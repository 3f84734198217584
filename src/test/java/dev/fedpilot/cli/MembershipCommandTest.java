package dev.fedpilot.cli;

import dev.fedpilot.app.Services;
import dev.fedpilot.app.ServicesFactory;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.port.IdentityCenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fedpilot membership add|remove} on the sandbox: idempotent, with the documented exit codes. */
class MembershipCommandTest {
    @TempDir
    Path home;
    private StringWriter stdout = new StringWriter();
    private StringWriter stderr = new StringWriter();

    private int run(String... args) {
        stdout = new StringWriter();
        stderr = new StringWriter();
        return FedPilotCommand.run(args, new ServicesFactory(home), r -> 0, new PrintWriter(stdout),
                new PrintWriter(stderr));
    }

    @Test
    void addingANewMemberSaysSoAndExitsZero() {
        assertEquals(0, run("membership", "add", "--group", "auditors", "--user", "jana.novak", "--sandbox"));
        assertEquals("Added jana.novak to auditors.", stdout.toString().strip());
        assertEquals("", stderr.toString());
    }

    @Test
    void addingAnExistingMemberIsDoneAlreadyAndExitsZero() {
        assertEquals(0, run("membership", "add", "--group", "billing", "--user", "jana.novak", "--sandbox"));
        assertEquals("jana.novak is already a member of billing.", stdout.toString().strip());
    }

    @Test
    void removingAMemberAndRemovingANonMemberBothExitZero() {
        assertEquals(0, run("membership", "remove", "--group", "billing", "--user", "sam.okoro", "--sandbox"));
        assertEquals("Removed sam.okoro from billing.", stdout.toString().strip());
        assertEquals(0, run("membership", "remove", "--group", "auditors", "--user", "sam.okoro", "--sandbox"));
        assertEquals("sam.okoro is not a member of auditors.", stdout.toString().strip());
    }

    @Test
    void namesAreMatchedAsAwsDoesIgnoringCase() {
        assertEquals(0, run("membership", "add", "--group", "AUDITORS", "--user", "Jana.Novak", "--sandbox"));
        assertEquals("Added jana.novak to auditors.", stdout.toString().strip());
    }

    @Test
    void anUnknownGroupOrUserExitsTwoWithOneLineAndNoStackTrace() {
        assertEquals(2, run("membership", "add", "--group", "nope", "--user", "jana.novak", "--sandbox"));
        assertEquals(1, stderr.toString().strip().lines().count(), stderr.toString());
        assertTrue(stderr.toString().startsWith("fedpilot: No group named 'nope' in identity store d-"),
                stderr.toString());
        assertEquals(2, run("membership", "remove", "--group", "billing", "--user", "ghost", "--sandbox"));
        assertTrue(stderr.toString().startsWith("fedpilot: No user named 'ghost'"), stderr.toString());
        assertEquals("", stdout.toString());
    }

    @Test
    void aRefusedWriteExitsOneWithWhatHappenedAndWhatToDoInOneLine() {
        ServicesFactory refusing = new ServicesFactory(home) {
            @Override
            public Services forCli(boolean sandbox) {
                Services s = super.forCli(sandbox);
                IdentityCenter aws = (IdentityCenter) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[]{IdentityCenter.class}, (proxy, method, args) -> {
                            if (method.getName().equals("addMember")) {
                                throw new CloudException(CloudException.Problem.FORBIDDEN,
                                        "AccessDeniedException: not allowed.", "Ask for identitystore rights.");
                            }
                            try {
                                return method.invoke(s.identityCenter(), args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
                return new Services(s.mode(), s.entra(), aws, s.scimProbe(), s.console(), s.store(), s.settings(),
                        s.audit(), s.clock(), s.shutdown());
            }
        };
        stdout = new StringWriter();
        stderr = new StringWriter();
        int code = FedPilotCommand.run(new String[]{"membership", "add", "--group", "auditors", "--user", "jana.novak",
                "--sandbox"}, refusing, r -> 0, new PrintWriter(stdout), new PrintWriter(stderr));
        assertEquals(1, code);
        assertEquals("fedpilot: AccessDeniedException: not allowed. Ask for identitystore rights.",
                stderr.toString().strip());
        assertFalse(stderr.toString().contains("\tat "), "no stack trace");
    }

    @Test
    void withoutSandboxOrSignInItFailsInOneLine() {
        assertEquals(1, run("membership", "add", "--group", "billing", "--user", "jana.novak"));
        assertEquals(1, stderr.toString().strip().lines().count(), stderr.toString());
    }

    @Test
    void missingOptionsAreBadUsage() {
        assertEquals(2, run("membership", "add", "--group", "billing", "--sandbox"));
        assertTrue(stderr.toString().contains("--user"), stderr.toString());
        assertEquals(2, run("membership", "--sandbox"));
    }
}
