package dev.fedpilot.setup;

import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Pitfalls;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.text.Fact;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The guided setup: the steps in order, the one in focus, and what each cloud has now (the AWS and Entra
 * panes). Opens at the first step that is not done, so a restart resumes where the user stopped.
 */
public final class SetupWizardViewModel {
    /** How many provisioned users the AWS pane lists by name. */
    static final int SHOWN_USERS = 8;
    private final SetupContext ctx;
    private final ObservableList<StepViewModel> steps = FXCollections.observableArrayList();
    private final ObjectProperty<StepViewModel> selected = new SimpleObjectProperty<>();
    private final ObservableList<Fact> awsFacts = FXCollections.observableArrayList();
    private final ObservableList<Fact> entraFacts = FXCollections.observableArrayList();
    private final ObservableList<String> provisionedUsers = FXCollections.observableArrayList();
    private final ObjectProperty<LiveCounts> counts = new SimpleObjectProperty<>();
    private final ObjectProperty<ProvisioningJob> job = new SimpleObjectProperty<>();

    /** What the identity store holds now. */
    public record LiveCounts(long users, long groups, long provisionedUsers) {
    }

    /** Timings, shortened in tests. */
    public record Timing(Duration appPoll, Duration appGiveUp, Duration watchPoll, Duration watchGiveUp) {
        public static Timing interactive() {
            return new Timing(Duration.ofSeconds(3), Duration.ofMinutes(3), Duration.ofSeconds(5), Duration.ofMinutes(10));
        }
    }

    public SetupWizardViewModel(SetupContext ctx, Timing timing) {
        this.ctx = ctx;
        WatchStepViewModel watch = new WatchStepViewModel(ctx, timing.watchPoll(), timing.watchGiveUp());
        steps.addAll(new SignInStepViewModel(ctx), new InstanceStepViewModel(ctx),
                new EntraAppStepViewModel(ctx, timing.appPoll(), timing.appGiveUp()), new SpMetadataStepViewModel(ctx),
                new IdpMetadataStepViewModel(ctx), new ScimStepViewModel(ctx), new AssignmentsStepViewModel(ctx),
                new OnDemandStepViewModel(ctx), watch);
        selected.set(step(ctx.state().currentStep()));
        ctx.stateProperty().addListener((o, a, s) -> showState(s));
        watch.jobProperty().addListener((o, a, j) -> job.set(j));
        for (StepViewModel step : steps) {
            step.statusProperty().addListener((o, a, status) -> {
                if (status == dev.fedpilot.domain.StepStatus.DONE) {
                    advanceFrom(step);
                    if (step.step().compareTo(SetupStep.SCIM) >= 0) {
                        refreshLive();
                    }
                }
            });
        }
        showState(ctx.state());
    }

    // --- properties -----------------------------------------------------------------------------------------

    public ObservableList<StepViewModel> steps() {
        return steps;
    }

    public ObjectProperty<StepViewModel> selectedProperty() {
        return selected;
    }

    public ObservableList<Fact> awsFacts() {
        return awsFacts;
    }

    public ObservableList<Fact> entraFacts() {
        return entraFacts;
    }

    public ObservableList<String> provisionedUsers() {
        return provisionedUsers;
    }

    public ObservableList<Finding> findings() {
        return ctx.findings();
    }

    public SetupContext context() {
        return ctx;
    }

    @SuppressWarnings("unchecked")
    public <T extends StepViewModel> T step(SetupStep step) {
        return (T) steps.get(step.ordinal());
    }

    // --- commands -------------------------------------------------------------------------------------------

    /** Enter: runs the step in focus when it can run. */
    public void runSelected() {
        StepViewModel step = selected.get();
        if (step != null && step.canRunProperty().get()) {
            step.run();
        }
    }

    /** Esc: stops the step in focus. */
    public void cancelSelected() {
        if (selected.get() != null) {
            selected.get().cancel();
        }
    }

    /** On start: re-checks what the saved progress says and reads the live state of both clouds. */
    public void resume() {
        SetupState s = ctx.state();
        if (s.status(SetupStep.SIGN_IN) != dev.fedpilot.domain.StepStatus.DONE) {
            step(SetupStep.SIGN_IN).run();
        }
        if (s.app() != null) {
            AssignmentsStepViewModel assignments = step(SetupStep.ASSIGNMENTS);
            assignments.refreshAssigned();
        }
        refreshLive();
    }

    /** Reads identity store counts, the provisioned users and the job's status. */
    public void refreshLive() {
        IdcInstance instance = ctx.state().instance();
        if (instance != null) {
            ctx.tasks().task(ctx.messages().get("setup.task.counts"), c -> {
                long[] users = {0, 0};
                List<String> names = new ArrayList<>();
                ctx.aws().listUsers(instance, page -> {
                    users[0] += page.size();
                    for (DirectoryUser u : page) {
                        if (u.externalId() != null) {
                            users[1]++;
                            if (names.size() < SHOWN_USERS) {
                                names.add(u.userName());
                            }
                        }
                    }
                });
                long[] groups = {0};
                ctx.aws().listGroups(instance, page -> groups[0] += page.size());
                return new Live(new LiveCounts(users[0], groups[0], users[1]), names);
            }).onSuccess(live -> {
                counts.set(live.counts());
                provisionedUsers.setAll(live.provisionedNames());
                showState(ctx.state());
            }).start();
        }
        if (ctx.state().app() != null && ctx.state().jobId() != null) {
            ctx.tasks().task(ctx.messages().get("setup.task.job"), c -> ctx.entra().job(ctx.state().app(), ctx.state().jobId()))
                    .onSuccess(j -> {
                        job.set(j);
                        showState(ctx.state());
                    }).start();
        }
    }

    /** What one read of the identity store found: the counts and the first provisioned user names. */
    private record Live(LiveCounts counts, List<String> provisionedNames) {
    }

    private void advanceFrom(StepViewModel step) {
        if (selected.get() == step && step.step().ordinal() + 1 < steps.size()) {
            selected.set(steps.get(step.step().ordinal() + 1));
        }
    }

    private void showState(SetupState s) {
        awsFacts.setAll(SetupFacts.aws(s, counts.get(), ctx.messages(), ctx.clock().instant()));
        entraFacts.setAll(SetupFacts.entra(s, job.get(), ctx.messages()));
        Instant now = ctx.clock().instant();
        List<Finding> expiries = new ArrayList<>(Pitfalls.scimToken(s.scimTokenCreated(), now));
        expiries.addAll(Pitfalls.signingCertificate(s.signingCertificate(), now));
        ctx.findings().setAll(expiries);
    }
}
