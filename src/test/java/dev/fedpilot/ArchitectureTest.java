package dev.fedpilot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;

/** The layering of ARCHITECTURE.md, enforced: the build fails when a layer leaks. */
class ArchitectureTest {
    private static final String[] CLOUD_SDKS = {"javafx..", "software.amazon..", "com.microsoft..", "com.azure.."};
    private static final String[] ADAPTERS = {"dev.fedpilot.aws..", "dev.fedpilot.entra..", "dev.fedpilot.scim..",
            "dev.fedpilot.sandbox..", "dev.fedpilot.store.."};
    private static final String[] FEATURES = {"dev.fedpilot.setup..", "dev.fedpilot.directory..",
            "dev.fedpilot.report..", "dev.fedpilot.cli..", "dev.fedpilot.ui..", "dev.fedpilot.health..",
            "dev.fedpilot.access..", "dev.fedpilot.provisioning.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.fedpilot");
    }

    @Test
    void domainAndPortsKnowNoUiAndNoCloudSdk() {
        noClasses().that().resideInAnyPackage("dev.fedpilot.domain..", "dev.fedpilot.port..")
                .should().dependOnClassesThat().resideInAnyPackage(CLOUD_SDKS)
                .check(classes);
    }

    @Test
    void domainDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("dev.fedpilot.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.fedpilot.port..", "dev.fedpilot.app..",
                        "dev.fedpilot.ui..", "dev.fedpilot.setup..", "dev.fedpilot.aws..", "dev.fedpilot.entra..",
                        "dev.fedpilot.sandbox..")
                .check(classes);
    }

    @Test
    void featuresDoNotImportAdapters() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .check(classes);
    }

    @Test
    void adaptersDoNotImportFeaturesOrTheCompositionRoot() {
        noClasses().that().resideInAnyPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .orShould().dependOnClassesThat().resideInAPackage("dev.fedpilot.app..")
                .check(classes);
    }

    @Test
    void adaptersDoNotImportEachOther() {
        for (String adapter : ADAPTERS) {
            String[] others = java.util.Arrays.stream(ADAPTERS).filter(a -> !a.equals(adapter)).toArray(String[]::new);
            noClasses().that().resideInAPackage(adapter).should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void writersCliAndAdaptersDoNotDependOnTheUi() {
        noClasses().that().resideInAnyPackage(ADAPTERS)
                .or().resideInAnyPackage("dev.fedpilot.cli..", "dev.fedpilot.saml..", "dev.fedpilot.text..")
                .or().haveSimpleNameEndingWith("Writer")
                .should().dependOnClassesThat().resideInAnyPackage("dev.fedpilot.ui..", "javafx.scene..")
                .check(classes);
    }

    @Test
    void onlyTheFileWriterOpensFilesForWriting() {
        noClasses().that().resideOutsideOfPackage("dev.fedpilot.files..")
                .should().callMethodWhere(target(owner(assignableTo(java.nio.file.Files.class)))
                        .and(target(nameMatching("write.*|newOutputStream|newBufferedWriter"))))
                .orShould().callConstructor(java.io.FileOutputStream.class, java.io.File.class)
                .orShould().callConstructor(java.io.FileOutputStream.class, String.class)
                .orShould().callConstructor(java.io.FileOutputStream.class, java.io.File.class, boolean.class)
                .orShould().callConstructor(java.io.FileOutputStream.class, String.class, boolean.class)
                .orShould().callConstructor(java.io.FileWriter.class, java.io.File.class)
                .orShould().callConstructor(java.io.FileWriter.class, String.class)
                .because("files are written by dev.fedpilot.files only: atomic, fsynced, owner-only")
                .check(classes);
    }

    @Test
    void samlParsingUsesOnlyTheDomain() {
        noClasses().that().resideInAPackage("dev.fedpilot.saml..")
                .should().dependOnClassesThat().resideInAnyPackage(CLOUD_SDKS)
                .orShould().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .orShould().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.fedpilot.app..", "dev.fedpilot.port..")
                .check(classes);
    }

    @Test
    void onlyTheEntryPointsKnowTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackages("dev.fedpilot.app..", "dev.fedpilot.cli..")
                .and().doNotHaveFullyQualifiedName("dev.fedpilot.Main")
                .should().dependOnClassesThat().resideInAPackage("dev.fedpilot.app..")
                .check(classes);
    }

    @Test
    void theFileWriterDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.fedpilot.files..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.fedpilot.domain..", "dev.fedpilot.port..",
                        "dev.fedpilot.app..", "dev.fedpilot.ui..", "dev.fedpilot.store..", "dev.fedpilot.cli..",
                        "dev.fedpilot.directory..", "dev.fedpilot.report..", "dev.fedpilot.setup..",
                        "dev.fedpilot.aws..", "dev.fedpilot.entra..", "dev.fedpilot.sandbox..")
                .check(classes);
    }

    @Test
    void onlyTheUiPackageHopsThreads() {
        noClasses().that().resideOutsideOfPackage("dev.fedpilot.ui..")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .check(classes);
    }

    /** Everything that waits goes through the one Sleeper, so tests can move a clock instead of sleeping. */
    @Test
    void onlyTheSleeperBlocksForTime() {
        DescribedPredicate<JavaMethodCall> blocksForTime = DescribedPredicate.describe(
                "Thread.sleep, TimeUnit.sleep or LockSupport.park*", call -> {
                    String owner = call.getTargetOwner().getFullName();
                    String name = call.getName();
                    return owner.equals(Thread.class.getName()) && name.equals("sleep")
                            || owner.equals(java.util.concurrent.TimeUnit.class.getName()) && name.equals("sleep")
                            || owner.equals(java.util.concurrent.locks.LockSupport.class.getName())
                            && name.startsWith("park");
                });
        noClasses().that().doNotHaveFullyQualifiedName("dev.fedpilot.port.Sleeper")
                .should().callMethodWhere(blocksForTime)
                .check(classes);
        // the rule sees the one real sleep, so it would see any other
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().haveFullyQualifiedName("dev.fedpilot.port.Sleeper")
                .should().callMethodWhere(blocksForTime)
                .check(classes);
    }
}
