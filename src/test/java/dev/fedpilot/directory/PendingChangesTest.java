package dev.fedpilot.directory;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.MembershipChange;
import dev.fedpilot.domain.PendingChange;
import dev.fedpilot.domain.PendingJournal;
import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.store.MemoryStateStore;
import dev.fedpilot.ui.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.fedpilot.directory.DirectoryFixture.group;
import static dev.fedpilot.directory.DirectoryFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pending changes on the sandbox, without a toolkit: edits, undo/redo, the journal, and applying a batch. */
class PendingChangesTest {
    private static final String JANA = "jana.novak";
    private static final String SAM = "sam.okoro";
    private static final String BREAKGLASS = "breakglass-admin";
    private static final String MEGAN = "megan.bowen@contoso-sandbox.onmicrosoft.com";

    @TempDir
    Path exports;

    private List<String> described(DirectoryViewModel model) {
        return model.pending().changes().stream().map(pc -> model.pending().text().describe(pc.change())).toList();
    }

    @Test
    void editsWaitInThePendingListUntilAppliedAndCanBeUndoneAndRedone() {
        DirectoryFixture f = new DirectoryFixture(exports);
        DirectoryViewModel model = f.open();
        assertEquals(4, model.users().items().size());
        assertEquals(3, model.groups().items().size());

        model.addToGroup(group(model, "auditors"), List.of(row(model, JANA), row(model, SAM)));
        assertEquals(List.of("+ jana.novak \u2192 auditors", "+ sam.okoro \u2192 auditors"), described(model));
        assertTrue(f.memberIds("auditors").isEmpty(), "nothing is written before apply");
        model.selectGroup(group(model, "auditors"));
        assertEquals(List.of(MembersViewModel.Mark.ADDING, MembersViewModel.Mark.ADDING),
                model.members().rows().stream().map(MembersViewModel.Member::mark).toList());

        model.pending().undo();
        assertTrue(model.pending().changes().isEmpty());
        assertTrue(model.members().rows().isEmpty());
        assertTrue(model.pending().canRedoProperty().get());
        model.pending().redo();
        assertEquals(2, model.pending().changes().size());
        assertEquals("2 changes in auditors", model.pending().undoTextProperty().get());

        model.pending().apply();
        assertTrue(f.isMember("auditors", JANA));
        assertTrue(f.isMember("auditors", SAM));
        assertTrue(model.pending().changes().isEmpty());
        assertEquals(List.of("added", "added"), model.pending().results().stream()
                .map(pc -> model.pending().text().outcome(pc)).toList());
        assertEquals("2 done (0 already so).", model.pending().summaryProperty().get());
        assertEquals(List.of(MembersViewModel.Mark.CURRENT, MembersViewModel.Mark.CURRENT),
                model.members().rows().stream().map(MembersViewModel.Member::mark).toList(),
                "the selection shows what AWS has after the apply");
        assertFalse(model.pending().canUndoProperty().get(), "applied changes are not undone locally");
        assertEquals(2, f.setup.audit.entries().stream().filter(e -> e.area().equals("directory")
                && e.outcome() == AuditEntry.Outcome.OK).count());
    }

    @Test
    void deleteMarksMembersForRemovalAndAddingThemBackCancelsTheRemoval() {
        DirectoryFixture f = new DirectoryFixture(exports);
        DirectoryViewModel model = f.open();
        model.selectGroup(group(model, "billing"));
        assertEquals(3, model.members().rows().size());
        MembersViewModel.Member jana = model.members().rows().stream()
                .filter(m -> m.name().equals(JANA)).findFirst().orElseThrow();
        model.removeMembers(List.of(jana));
        assertEquals(List.of("\u2212 jana.novak \u2190 billing"), described(model));
        assertEquals(MembersViewModel.Mark.REMOVING, model.members().rows().stream()
                .filter(m -> m.name().equals(JANA)).findFirst().orElseThrow().mark());

        model.addToGroup(group(model, "billing"), List.of(row(model, JANA)));
        assertTrue(model.pending().changes().isEmpty(), "the add cancels the pending removal");
        model.pending().undo();
        assertEquals(1, model.pending().changes().size(), "undo brings the removal back");
    }

    @Test
    void alreadyAMemberAndAlreadyAbsentCountAsDone() {
        DirectoryFixture f = new DirectoryFixture(exports);
        DirectoryViewModel model = f.open();
        model.pending().propose(List.of(
                MembershipChange.add(f.awsGroup("billing"), f.awsUser(JANA)),
                MembershipChange.remove(f.awsGroup("auditors"), f.awsUser(SAM))));
        model.pending().apply();
        assertTrue(model.pending().changes().isEmpty());
        assertEquals(List.of("already a member", "already not a member"), model.pending().results().stream()
                .map(pc -> model.pending().text().outcome(pc)).toList());
        assertEquals("2 done (2 already so).", model.pending().summaryProperty().get());
    }

    @Test
    void aFailedChangeStaysPendingWithItsReasonAndARetryAppliesOnlyIt() {
        DirectoryFixture f = new DirectoryFixture(exports);
        DirectoryViewModel model = f.open();
        f.aws.refuseOnce(f.awsUser(SAM).id());
        model.addToGroup(group(model, "auditors"), List.of(row(model, JANA), row(model, SAM)));
        model.pending().apply();

        assertEquals(1, model.pending().changes().size());
        PendingChange failed = model.pending().changes().get(0);
        assertEquals(PendingChange.Status.FAILED, failed.status());
        assertTrue(failed.failure().contains("AccessDenied"), failed.failure());
        assertTrue(model.pending().text().outcome(failed).startsWith("failed: "));
        assertEquals("1 done (0 already so); 1 not done and still pending.", model.pending().summaryProperty().get());
        assertTrue(f.isMember("auditors", JANA));
        assertFalse(f.isMember("auditors", SAM));

        model.pending().apply();
        assertTrue(model.pending().changes().isEmpty());
        assertTrue(f.isMember("auditors", SAM));
        assertEquals(1, f.aws.writesOf(f.awsGroup("auditors").id(), f.awsUser(JANA).id()),
                "the retry did not write the change that had succeeded");
    }

    @Test
    void throttlingIsWaitedOutForAsLongAsTheCloudAsks() {
        DirectoryFixture f = new DirectoryFixture(SandboxOptions.defaults().withConsistencyDelay(Duration.ZERO)
                .withThrottleEveryNthCall(3), new MemoryStateStore(), new SameThreadTaskRunner(), exports);
        DirectoryViewModel model = f.open();
        assertEquals(4, model.users().items().size(), "a throttled listing is retried");
        model.addToGroup(group(model, "auditors"), model.users().all());
        model.addToGroup(group(model, "AWSAdministrators"), List.of(row(model, JANA), row(model, SAM)));
        f.waits.clear();
        model.pending().apply();

        assertTrue(model.pending().changes().isEmpty(), model.pending().changes().toString());
        assertEquals(6, model.pending().results().stream().filter(PendingChange::done).count());
        assertFalse(f.waits.isEmpty(), "the sandbox throttled every third call");
        assertTrue(f.waits.stream().allMatch(w -> w.compareTo(Duration.ofSeconds(2)) <= 0 && !w.isNegative()),
                f.waits.toString());
        assertEquals(Duration.ofSeconds(2), f.waits.stream().max(Duration::compareTo).orElseThrow(),
                "the wait is the Retry-After the cloud sent");
    }

    @Test
    void atMostFourWritesAreInFlight() {
        DirectoryFixture f = new DirectoryFixture(exports);
        DirectoryViewModel model = f.open();
        f.aws.slowWrites(Duration.ofMillis(40));
        for (GroupRow g : model.groups().all()) {
            model.addToGroup(g, model.users().all());
        }
        assertEquals(12, model.pending().changes().size());
        model.pending().apply();
        assertTrue(model.pending().changes().isEmpty());
        assertTrue(f.aws.maxInFlight() <= 4, "in flight: " + f.aws.maxInFlight());
        assertTrue(f.aws.maxInFlight() >= 2, "writes ran side by side: " + f.aws.maxInFlight());
    }

    @Test
    void pendingChangesSurviveARestart() {
        DirectoryFixture f = new DirectoryFixture(exports);
        DirectoryViewModel model = f.open();
        model.addToGroup(group(model, "auditors"), List.of(row(model, JANA)));
        model.addToGroup(group(model, "AWSAdministrators"), List.of(row(model, SAM)));
        List<String> before = described(model);

        DirectoryViewModel restarted = f.open();
        assertEquals(before, described(restarted));
        assertTrue(restarted.pending().canUndoProperty().get());
        restarted.pending().undo();
        assertEquals(1, restarted.pending().changes().size());
        assertEquals(1, f.open().pending().changes().size(), "the undo was journaled too");
    }

    @Test
    void anInterruptedApplyResumesWithoutWritingAnythingTwice() {
        DirectoryFixture f = new DirectoryFixture(exports);
        DirectoryViewModel model = f.open();
        for (GroupRow g : model.groups().all()) {
            model.addToGroup(g, model.users().all());
        }
        int total = model.pending().changes().size();
        Thread applying = Thread.currentThread();
        int[] writes = {0};
        f.aws.slowWrites(Duration.ofMillis(15));
        f.aws.afterWrite(() -> {
            synchronized (writes) {
                if (++writes[0] == 3) {
                    applying.interrupt();
                }
            }
        });
        model.pending().apply();
        assertFalse(Thread.interrupted());
        int left = model.pending().changes().size();
        assertTrue(left > 0 && left < total, "stopped halfway: " + left + " of " + total + " left");

        f.aws.afterWrite(() -> { });
        model.pending().close();
        DirectoryViewModel restarted = f.open();
        // a write cut off by the interrupt is looked up in the identity store: found done, it leaves the list
        long foundDone = f.setup.audit.entries().stream().filter(e -> e.detail() != null
                && e.detail().contains("the identity store shows it done")).count();
        assertEquals(left, restarted.pending().changes().size() + foundDone);
        restarted.pending().apply();
        assertTrue(restarted.pending().changes().isEmpty());
        Map<String, Integer> perPair = f.aws.writes();
        // a change found done after the interrupt (the user was a member already) needs no write
        assertTrue(perPair.size() >= total - foundDone && perPair.size() <= total, "every change was written: "
                + perPair.size() + " of " + total + ", " + foundDone + " found done");
        assertTrue(perPair.values().stream().allMatch(n -> n == 1), "no change was written twice: " + perPair);
    }

    @Test
    void afterACrashTheChangesTheJournalMarkedDoneAreNotSentAgain() {
        DirectoryFixture f = new DirectoryFixture(exports);
        MembershipChange done = MembershipChange.add(f.awsGroup("auditors"), f.awsUser(JANA));
        MembershipChange notYet = MembershipChange.add(f.awsGroup("auditors"), f.awsUser(BREAKGLASS));
        MembershipChange halfway = MembershipChange.add(f.awsGroup("AWSAdministrators"), f.awsUser(MEGAN));
        // what a crash in the middle of an apply leaves: one change marked done, one failed, one untouched
        f.store.save(PendingJournal.storeName(f.instance.identityStoreId()), new PendingJournal(PendingJournal.VERSION,
                f.instance.identityStoreId(), List.of(PendingChange.of(1, done).succeeded("added"),
                PendingChange.of(2, notYet), PendingChange.of(3, halfway).failed("Rate exceeded")), f.setup.clock.instant()));

        DirectoryViewModel model = f.open();
        assertEquals(2, model.pending().changes().size());
        model.pending().apply();
        assertEquals(0, f.aws.writesOf(f.awsGroup("auditors").id(), f.awsUser(JANA).id()));
        assertEquals(1, f.aws.writesOf(f.awsGroup("auditors").id(), f.awsUser(BREAKGLASS).id()));
        assertEquals(1, f.aws.writesOf(f.awsGroup("AWSAdministrators").id(), f.awsUser(MEGAN).id()));
        model.pending().close(); // the journal is written in the background; closing waits for it
        assertTrue(f.store.load(PendingJournal.storeName(f.instance.identityStoreId()), PendingJournal.class).isEmpty(),
                "an empty journal is removed");
    }

    @Test
    void discardIsUndoable() {
        DirectoryFixture f = new DirectoryFixture(exports);
        DirectoryViewModel model = f.open();
        model.addToGroup(group(model, "auditors"), model.users().all());
        model.pending().discard();
        assertTrue(model.pending().changes().isEmpty());
        model.pending().undo();
        assertEquals(4, model.pending().changes().size());
        model.pending().drop(model.pending().changes().get(0));
        assertEquals(3, model.pending().changes().size());
    }
}
