package dev.fedpilot.app;

import dev.fedpilot.directory.DirectoryContext;
import dev.fedpilot.directory.DirectoryView;
import dev.fedpilot.directory.DirectoryViewModel;
import dev.fedpilot.directory.GroupRow;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.report.ReportBuilder;
import dev.fedpilot.report.ReportView;
import dev.fedpilot.report.ReportViewModel;
import dev.fedpilot.setup.AssignmentsStepViewModel;
import dev.fedpilot.setup.Candidate;
import dev.fedpilot.setup.IdpMetadataStepViewModel;
import dev.fedpilot.setup.ScimStepViewModel;
import dev.fedpilot.setup.SetupWizardView;
import dev.fedpilot.setup.SetupWizardViewModel;
import dev.fedpilot.setup.SpMetadataStepViewModel;
import dev.fedpilot.testing.LayoutChecks;
import dev.fedpilot.testing.Png;
import dev.fedpilot.testing.SetupFixture;
import dev.fedpilot.ui.Theme;
import dev.fedpilot.ui.shell.Page;
import dev.fedpilot.ui.shell.ShellView;
import dev.fedpilot.ui.shell.ShellViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first-time admin's walk through the window on the sandbox: the nine setup steps, the Directory and the
 * Report, at a desktop size and a laptop size, light and dark. Writes a screenshot of each screen to
 * target/walkthrough/ (to be looked at) and checks on every one what a screenshot review would otherwise catch:
 * no identifier cut without a tooltip or wrapped over two lines, no heading over other text.
 */
@ExtendWith(ApplicationExtension.class)
class WalkthroughIT {
    static final Path OUT = Path.of("target", "walkthrough");
    private static final int[][] SIZES = {{1600, 1000}, {1024, 700}};

    @TempDir
    Path exports;
    private Stage stage;
    private final List<String> problems = new ArrayList<>();
    private final List<Path> shots = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void everyScreenAtTwoSizesInLightAndDark(FxRobot robot) throws Exception {
        for (int[] size : SIZES) {
            for (boolean dark : new boolean[]{false, true}) {
                walk(robot, size[0], size[1], dark);
            }
        }
        assertEquals(4 * 14, shots.size(), "a screenshot per screen, size and theme");
        for (Path shot : shots) {
            assertTrue(Files.size(shot) > 5_000, shot + " is an image of something");
        }
        assertEquals(List.of(), problems, "layout problems a first-time admin would see");
    }

    private void walk(FxRobot robot, int width, int height, boolean dark) {
        String variant = width + "x" + height + "-" + (dark ? "dark" : "light");
        SetupFixture fixture = new SetupFixture(exports.resolve(variant));
        SetupWizardViewModel wizard = fixture.wizard();
        ShellViewModel shell = new ShellViewModel(fixture.tasks, fixture.store, fixture.messages,
                Optional.of(fixture.world.entraTenant()), Optional.of(fixture.world.identityCenter()), true);
        Map<Page, Node> pages = new EnumMap<>(Page.class);
        DirectoryViewModel directory = new DirectoryViewModel(new DirectoryContext(
                fixture.world.identityCenter(), fixture.world.entraTenant(), fixture.store, fixture.audit,
                fixture.clock, fixture.tasks, fixture.messages, fixture.dialogs, fixture.clock::advance,
                DirectoryContext.DEFAULT_CONCURRENCY));
        dev.fedpilot.health.HealthViewModel health = dev.fedpilot.testing.HealthPage.model(fixture);
        robot.interact(() -> {
            pages.put(Page.SETUP, new SetupWizardView(wizard, fixture.messages, fixture.dialogs));
            pages.put(Page.DIRECTORY, new DirectoryView(directory, fixture.messages, fixture.dialogs));
            pages.put(Page.REPORT, new ReportView(new ReportViewModel(new ReportBuilder(fixture.world.entraTenant(),
                    fixture.world.identityCenter(), fixture.store, fixture.audit, fixture.clock), fixture.tasks,
                    fixture.dialogs, fixture.messages), fixture.messages, fixture.dialogs));
            pages.put(Page.HEALTH, new dev.fedpilot.health.HealthView(health, fixture.messages));
            Scene scene = new Scene(new ShellView(shell, fixture.messages, fixture.dialogs, pages), width, height);
            Theme.apply(scene, dark);
            stage.setScene(scene);
            stage.sizeToScene();
            stage.show();
            wizard.resume();
            shell.refreshConnections();
        });
        for (SetupStep step : SetupStep.values()) {
            robot.interact(() -> {
                prepare(fixture, wizard, step);
                wizard.selectedProperty().set(wizard.step(step));
                wizard.step(step).run();
                if (step == SetupStep.IDP_METADATA_TO_AWS) {
                    wizard.<IdpMetadataStepViewModel>step(step).uploadInSimulatedConsole();
                }
                wizard.selectedProperty().set(wizard.step(step));
            });
            shoot(variant, String.format("%02d-%s", step.ordinal() + 1, step.name().toLowerCase(Locale.ROOT)));
        }
        robot.interact(() -> shell.navigate(Page.DIRECTORY));
        shoot(variant, "10-directory");
        robot.interact(() -> {
            GroupRow group = directory.groups().all().stream().filter(g -> g.displayName().equals("AWS-ReadOnly"))
                    .findFirst().orElseThrow();
            directory.selectGroup(group);
        });
        shoot(variant, "11-directory-group");
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) stage.getScene().lookup(".tab-pane");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "dir-tab-drift".equals(t.getId()))
                    .findFirst().orElseThrow());
            directory.checkDrift();
        });
        shoot(variant, "11-directory-drift");
        robot.interact(() -> shell.navigate(Page.REPORT));
        shoot(variant, "12-report");
        robot.interact(() -> {
            shell.navigate(Page.HEALTH);
            health.refresh();
            health.examine();
        });
        shoot(variant, "13-health");
        if (width == 1600 && !dark) {
            sweepWidths(robot, shell, wizard);
        }
    }

    /** Every width from a laptop to a desktop, each page: the same checks as on the screenshots. */
    private void sweepWidths(FxRobot robot, ShellViewModel shell, SetupWizardViewModel wizard) {
        robot.interact(() -> wizard.selectedProperty().set(wizard.step(SetupStep.PROVISION_ON_DEMAND)));
        for (Page page : Page.values()) {
            robot.interact(() -> shell.navigate(page));
            for (int w = 1024; w <= 1600; w += 48) {
                int width = w;
                robot.interact(() -> {
                    stage.setWidth(width);
                    stage.setHeight(700);
                });
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> {
                    Scene scene = stage.getScene();
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    problems.addAll(LayoutChecks.of(scene.getRoot()).stream()
                            .map(p -> "width " + width + ", " + page + ": " + p).toList());
                });
            }
        }
        assertEquals(1600.0, stage.getScene().getWidth(), 1.0, "the sweep resized the window");
    }

    private static void prepare(SetupFixture fixture, SetupWizardViewModel wizard, SetupStep step) {
        switch (step) {
            case SP_METADATA_TO_ENTRA -> wizard.<SpMetadataStepViewModel>step(step).takeFromSimulatedConsole();
            case SCIM -> wizard.<ScimStepViewModel>step(step).takeFromSimulatedConsole();
            case ASSIGNMENTS -> {
                AssignmentsStepViewModel assignments = wizard.step(step);
                assignments.queryProperty().set("AWS-");
                assignments.search();
                for (String name : List.of("AWS-ReadOnly", "AWS-Developers")) {
                    Candidate group = assignments.results().stream().filter(c -> c.displayName().equals(name))
                            .findFirst().orElseThrow();
                    assignments.pick(group);
                }
            }
            case WATCH -> fixture.world.runProvisioningCycle();
            default -> {
            }
        }
    }

    private void shoot(String variant, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Path file = OUT.resolve(variant).resolve(name + ".png");
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = stage.getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            problems.addAll(LayoutChecks.of(scene.getRoot()).stream().map(p -> variant + "/" + name + ": " + p).toList());
            try {
                Png.write(scene.snapshot(null), file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        shots.add(file);
    }
}
