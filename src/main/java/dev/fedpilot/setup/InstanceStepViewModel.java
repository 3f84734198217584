package dev.fedpilot.setup;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.domain.IdcRegions;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * Step 2: finds the IAM Identity Center instance; the user picks one when there are several, and the region when
 * the sign-in's region has none (IAM Identity Center lives in one region; ListInstances answers only there).
 */
public final class InstanceStepViewModel extends StepViewModel {
    private final ObservableList<IdcInstance> candidates = FXCollections.observableArrayList();
    private final ObservableList<String> regions = FXCollections.observableArrayList(IdcRegions.ALL);
    private final BooleanProperty regionPick = new SimpleBooleanProperty(this, "regionPick", false);
    private final ReadOnlyStringWrapper searchedRegion = new ReadOnlyStringWrapper(this, "searchedRegion");

    public InstanceStepViewModel(SetupContext ctx) {
        super(ctx, SetupStep.FIND_INSTANCE);
    }

    public ObservableList<IdcInstance> candidates() {
        return candidates;
    }

    @Override
    public BooleanExpression canRunProperty() {
        return busyProperty().not();
    }

    /** The regions to offer when none was found where the sign-in looked. */
    public ObservableList<String> regions() {
        return regions;
    }

    /** True once a search found no instance: the view offers the regions. */
    public ReadOnlyBooleanProperty regionPickProperty() {
        return regionPick;
    }

    /** The region last searched by {@link #searchRegion}; empty for the sign-in's own region. */
    public ReadOnlyStringProperty searchedRegionProperty() {
        return searchedRegion.getReadOnlyProperty();
    }

    /** Looks in the saved instance's region when the setup has one, else in the sign-in's region. */
    @Override
    public void run() {
        IdcInstance saved = ctx.state().instance();
        if (saved != null && saved.region() != null) {
            searchRegion(saved.region());
        } else {
            work(text("setup.task.instance"), c -> ctx.aws().instances(), this::found);
        }
    }

    /** Lists the instances of one region (the user's pick, or the saved instance's region). */
    public void searchRegion(String region) {
        if (region == null || region.isBlank()) {
            return;
        }
        searchedRegion.set(region);
        work(text("setup.task.instance"), c -> ctx.aws().instances(region), this::found);
    }

    private void found(List<IdcInstance> instances) {
        candidates.setAll(instances);
        regionPick.set(instances.isEmpty() || regionPick.get());
        List<IdcInstance> active = instances.stream().filter(IdcInstance::active).toList();
        if (instances.isEmpty()) {
            attention(text("setup.instance.none.pickRegion"));
        } else if (active.isEmpty()) {
            attention(text("setup.instance.notActive", instances.get(0).instanceArn(), instances.get(0).status()));
        } else if (instances.size() == 1) {
            choose(active.get(0));
        } else {
            IdcInstance saved = ctx.state().instance();
            if (saved != null && active.stream().anyMatch(i -> i.instanceArn().equals(saved.instanceArn()))) {
                choose(active.stream().filter(i -> i.instanceArn().equals(saved.instanceArn())).findFirst()
                        .orElseThrow());
            } else {
                attention(text("setup.instance.several", instances.size()));
            }
        }
    }

    /** Connects the setup to {@code instance}. */
    public void choose(IdcInstance instance) {
        ctx.update(s -> s.withInstance(instance));
        ctx.audit(step(), "chose instance", AuditEntry.Outcome.OK, instance.instanceArn());
        ctx.flowed(SetupContext.Side.AWS, text("setup.flow.instance"));
        done(text("setup.instance.done", instance.identityStoreId(), instance.region()));
    }

    public boolean chosen() {
        return ctx.state().instance() != null && status() == StepStatus.DONE;
    }
}
