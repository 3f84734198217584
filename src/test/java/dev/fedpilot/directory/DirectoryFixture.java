package dev.fedpilot.directory;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Membership;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.port.StateStore;
import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.setup.AssignmentsStepViewModel;
import dev.fedpilot.setup.Candidate;
import dev.fedpilot.setup.IdpMetadataStepViewModel;
import dev.fedpilot.setup.ScimStepViewModel;
import dev.fedpilot.setup.SetupWizardViewModel;
import dev.fedpilot.setup.SpMetadataStepViewModel;
import dev.fedpilot.store.MemoryStateStore;
import dev.fedpilot.testing.SetupFixture;
import dev.fedpilot.ui.SameThreadTaskRunner;
import dev.fedpilot.ui.TaskRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A sandbox world (on a hand-moved clock), optionally set up by the wizard, and directory view models over it.
 * Waits for throttling move the clock instead of sleeping, and are recorded.
 */
final class DirectoryFixture {
    final SetupFixture setup;
    final RecordingIdentityCenter aws;
    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    final StateStore store;
    final TaskRunner tasks;
    final IdcInstance instance;

    DirectoryFixture(Path exports) {
        this(SandboxOptions.defaults().withConsistencyDelay(Duration.ZERO), new MemoryStateStore(),
                new SameThreadTaskRunner(), exports);
    }

    DirectoryFixture(SandboxOptions options, StateStore store, TaskRunner tasks, Path exports) {
        this.setup = new SetupFixture(options, store, tasks, exports);
        this.store = store;
        this.tasks = tasks;
        this.aws = new RecordingIdentityCenter(setup.world.identityCenter());
        this.instance = aws.instances().get(0);
    }

    DirectoryContext context() {
        return new DirectoryContext(aws, setup.world.entraTenant(), store, setup.audit, setup.clock, tasks,
                setup.messages, setup.dialogs, d -> {
                    waits.add(d);
                    setup.clock.advance(d);
                }, DirectoryContext.DEFAULT_CONCURRENCY);
    }

    /** A browser as the app builds it, opened; a second call over the same store is a restart. */
    DirectoryViewModel open() {
        DirectoryViewModel model = new DirectoryViewModel(context());
        model.open();
        return model;
    }

    /** Runs the guided setup up to provisioning on demand, assigning these Entra groups to the app. */
    void completeSetup(String... groups) {
        SetupWizardViewModel wizard = setup.wizard();
        for (SetupStep step : SetupStep.values()) {
            if (step == SetupStep.WATCH) {
                return;
            }
            switch (step) {
                case SP_METADATA_TO_ENTRA -> wizard.<SpMetadataStepViewModel>step(step).takeFromSimulatedConsole();
                case SCIM -> wizard.<ScimStepViewModel>step(step).takeFromSimulatedConsole();
                case ASSIGNMENTS -> {
                    AssignmentsStepViewModel assignments = wizard.step(step);
                    for (String name : groups) {
                        assignments.queryProperty().set(name);
                        assignments.search();
                        Candidate found = assignments.results().stream()
                                .filter(c -> c.displayName().equals(name)).findFirst().orElseThrow();
                        assignments.pick(found);
                    }
                }
                default -> {
                }
            }
            wizard.step(step).run();
            if (step == SetupStep.IDP_METADATA_TO_AWS) {
                wizard.<IdpMetadataStepViewModel>step(step).uploadInSimulatedConsole();
            }
            assertEquals(StepStatus.DONE, wizard.step(step).status(), step + ": " + wizard.step(step).noteProperty().get());
        }
    }

    DirectoryUser awsUser(String userName) {
        return aws.findUserByName(instance, userName).orElseThrow(() -> new AssertionError("no AWS user " + userName));
    }

    DirectoryGroup awsGroup(String name) {
        return aws.findGroupByName(instance, name).orElseThrow(() -> new AssertionError("no AWS group " + name));
    }

    List<String> memberIds(String groupName) {
        List<String> ids = new ArrayList<>();
        aws.listMembersOfGroup(instance, awsGroup(groupName).id(),
                page -> page.stream().map(Membership::userId).forEach(ids::add));
        return ids;
    }

    boolean isMember(String groupName, String userName) {
        return memberIds(groupName).contains(awsUser(userName).id());
    }

    static UserRow row(DirectoryViewModel model, String userName) {
        return model.users().all().stream().filter(u -> u.userName().equals(userName)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + userName));
    }

    static GroupRow group(DirectoryViewModel model, String name) {
        return model.groups().all().stream().filter(g -> g.displayName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for group " + name));
    }
}
