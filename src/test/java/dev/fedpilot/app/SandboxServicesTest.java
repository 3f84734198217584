package dev.fedpilot.app;

import dev.fedpilot.cli.FedPilotCommand;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.setup.AssignmentsStepViewModel;
import dev.fedpilot.setup.Candidate;
import dev.fedpilot.setup.IdpMetadataStepViewModel;
import dev.fedpilot.setup.ScimStepViewModel;
import dev.fedpilot.setup.SetupContext;
import dev.fedpilot.setup.SetupWizardViewModel;
import dev.fedpilot.setup.SpMetadataStepViewModel;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.RecordingDialogs;
import dev.fedpilot.ui.SameThreadTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox as the app builds it: kept in {@code <config>/sandbox}, so a restart resumes the rehearsal, and the
 * CLI's {@code --sandbox} works on the world the window shows.
 */
class SandboxServicesTest {
    private static final SandboxOptions QUICK = SandboxOptions.defaults().withConsistencyDelay(Duration.ZERO);

    @TempDir
    Path home;
    private final List<Services> opened = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void shutDown() throws Exception {
        for (Services s : opened) {
            s.shutdown().close();
        }
    }

    private Services open() {
        Services services = new ServicesFactory(home).sandbox(QUICK, false);
        opened.add(services);
        return services;
    }

    private SetupWizardViewModel wizard(Services s) {
        SetupContext context = new SetupContext(s.entra(), s.identityCenter(), s.scimProbe(), s.console(), s.store(),
                s.audit(), s.clock(), new SameThreadTaskRunner(), Messages.english(), new RecordingDialogs(),
                home.resolve("exports"));
        return new SetupWizardViewModel(context, new SetupWizardViewModel.Timing(Duration.ofMillis(10),
                Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofSeconds(5)));
    }

    /** Runs the steps from {@code first} to {@code last} as a user would in the sandbox. */
    static void run(SetupWizardViewModel wizard, SetupStep first, SetupStep last) {
        for (SetupStep step : SetupStep.values()) {
            if (step.compareTo(first) < 0 || step.compareTo(last) > 0) {
                continue;
            }
            switch (step) {
                case SP_METADATA_TO_ENTRA -> wizard.<SpMetadataStepViewModel>step(step).takeFromSimulatedConsole();
                case SCIM -> wizard.<ScimStepViewModel>step(step).takeFromSimulatedConsole();
                case ASSIGNMENTS -> {
                    AssignmentsStepViewModel assignments = wizard.step(step);
                    assignments.queryProperty().set("AWS-ReadOnly");
                    assignments.search();
                    Candidate group = assignments.results().stream()
                            .filter(c -> c.displayName().equals("AWS-ReadOnly")).findFirst().orElseThrow();
                    assignments.pick(group);
                }
                default -> {
                }
            }
            wizard.step(step).run();
            if (step == SetupStep.IDP_METADATA_TO_AWS) {
                wizard.<IdpMetadataStepViewModel>step(step).uploadInSimulatedConsole();
            }
            if (step != SetupStep.WATCH) {
                assertEquals(StepStatus.DONE, wizard.step(step).status(), step + ": "
                        + wizard.step(step).noteProperty().get());
            }
        }
    }

    private int cli(String... args) {
        return FedPilotCommand.run(args, new ServicesFactory(home), request -> 0, new PrintWriter(out),
                new PrintWriter(err));
    }

    private static List<String> members(Services s, String groupName) {
        IdcInstance instance = s.identityCenter().instances().get(0);
        DirectoryGroup group = s.identityCenter().findGroupByName(instance, groupName).orElseThrow();
        java.util.Map<String, String> userNames = new java.util.HashMap<>();
        s.identityCenter().listUsers(instance, page -> page.forEach(u -> userNames.put(u.id(), u.userName())));
        List<String> names = new ArrayList<>();
        s.identityCenter().listMembersOfGroup(instance, group.id(), page -> page.forEach(m ->
                names.add(userNames.get(m.userId()))));
        return names;
    }

    @Test
    void aRestartResumesTheRehearsalWhereItStopped() throws Exception {
        Services first = open();
        run(wizard(first), SetupStep.SIGN_IN, SetupStep.SCIM);
        SetupState saved = first.store().load(SetupState.STORE_NAME, SetupState.class).orElseThrow();
        first.shutdown().close();
        opened.remove(first);

        Services again = open();
        SetupWizardViewModel resumed = wizard(again);
        assertEquals(SetupStep.ASSIGNMENTS, resumed.selectedProperty().get().step());
        assertEquals(List.of(saved.app()), again.entra().findAwsIdcApps());
        assertEquals(saved.jobId(), again.entra().findProvisioningJob(saved.app()).orElseThrow().jobId());
        run(resumed, SetupStep.ASSIGNMENTS, SetupStep.PROVISION_ON_DEMAND);
        IdcInstance instance = again.identityCenter().instances().get(0);
        List<DirectoryUser> users = new ArrayList<>();
        again.identityCenter().listUsers(instance, users::addAll);
        assertEquals(8, users.stream().filter(u -> u.externalId() != null).count(),
                "the token saved before the restart still provisions");
        assertTrue(Files.exists(home.resolve("sandbox").resolve("sandbox-world.json")));
        assertTrue(Files.exists(home.resolve("sandbox").resolve("setup.json")));
    }

    @Test
    void noGeneratedScimTokenIsWrittenToTheSandboxFolder() throws IOException {
        Services s = open();
        run(wizard(s), SetupStep.SIGN_IN, SetupStep.SCIM);
        Secret token = s.console().simulated().orElseThrow().generateScimToken();
        String text = token.revealAsString();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(text.substring(0, 32)), file + " holds a SCIM token");
            }
        }
    }

    @Test
    void theCliWorksOnTheWorldTheWindowShows() throws IOException {
        Services window = open();
        run(wizard(window), SetupStep.SIGN_IN, SetupStep.SCIM);
        assertFalse(members(window, "auditors").contains("jana.novak"));

        assertEquals(0, cli("membership", "add", "--group", "auditors", "--user", "jana.novak", "--sandbox"), err.toString());
        assertTrue(members(window, "auditors").contains("jana.novak"), "the open window sees the CLI's change");
        assertTrue(members(open(), "auditors").contains("jana.novak"), "and so does the next start");

        Path report = home.resolve("report.json");
        assertEquals(0, cli("report", "--format", "json", "--out", report.toString(), "--sandbox"), err.toString());
        String json = Files.readString(report);
        SetupState rehearsed = window.store().load(SetupState.STORE_NAME, SetupState.class).orElseThrow();
        assertTrue(json.contains(rehearsed.jobId()), "the report shows the rehearsed setup's job");
    }

    @Test
    void sandboxResetStartsOverForTheCliAndTheWindow() {
        Services window = open();
        run(wizard(window), SetupStep.SIGN_IN, SetupStep.ENTRA_APP);
        assertEquals(0, cli("membership", "add", "--group", "auditors", "--user", "jana.novak", "--sandbox"));
        assertEquals(0, cli("--sandbox-reset", "membership", "add", "--group", "auditors", "--user", "jana.novak"));
        assertTrue(out.toString().strip().endsWith("Added jana.novak to auditors."), out.toString());
        assertTrue(window.entra().findAwsIdcApps().isEmpty(), "the open world went back to the seed");
        Services fresh = open();
        assertTrue(fresh.store().load(SetupState.STORE_NAME, SetupState.class).isEmpty(), "setup progress forgotten");
        assertEquals(SetupStep.SIGN_IN, wizard(fresh).selectedProperty().get().step());

        new ServicesFactory(home).resetSandbox(false);
        assertFalse(members(open(), "auditors").contains("jana.novak"));
    }

    @Test
    void aSecondJvmsChangeIsSeenAndKept() throws Exception {
        Services window = open();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process cli = new ProcessBuilder(java.toString(), "-Dfedpilot.home=" + home, "-cp",
                System.getProperty("java.class.path"), "dev.fedpilot.Main",
                "membership", "add", "--group", "auditors", "--user", "sam.okoro", "--sandbox")
                .redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cli.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, cli.exitValue(), output);
        assertTrue(output.contains("Added sam.okoro to auditors."), output);
        IdcInstance instance = window.identityCenter().instances().get(0);
        String auditors = window.identityCenter().findGroupByName(instance, "auditors").orElseThrow().id();
        String jana = window.identityCenter().findUserByName(instance, "jana.novak").orElseThrow().id();
        window.identityCenter().addMember(instance, auditors, jana);
        List<String> after = members(open(), "auditors");
        assertTrue(after.contains("sam.okoro") && after.contains("jana.novak"), after.toString());
    }

    @Test
    void theSelfTestRunsOnAFreshWorldOfItsOwnAndLeavesTheRehearsalAlone() throws Exception {
        Services rehearsal = open();
        run(wizard(rehearsal), SetupStep.SIGN_IN, SetupStep.ENTRA_APP);
        Services selfTest = new ServicesFactory(home).forGui(new GuiRequest(true, true)).orElseThrow();
        opened.add(selfTest);
        assertTrue(selfTest.store().load(SetupState.STORE_NAME, SetupState.class).isEmpty());
        assertTrue(Files.exists(home.resolve("sandbox").resolve("self-test").resolve("world.lock")));
        assertEquals(1, open().entra().findAwsIdcApps().size(), "the rehearsal's app is still there");
    }

    @Test
    void theLargePresetIsKeptInItsOwnFolder() throws Exception {
        Services large = new ServicesFactory(home).forGui(new GuiRequest(false, false, true, false)).orElseThrow();
        opened.add(large);
        assertTrue(large.sandbox());
        assertTrue(Files.exists(home.resolve("sandbox").resolve("large").resolve("world.lock")));
        assertFalse(Files.exists(home.resolve("sandbox").resolve("world.lock")));
    }
}
