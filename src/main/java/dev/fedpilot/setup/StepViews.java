package dev.fedpilot.setup;

import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.text.Messages;
import javafx.scene.Node;
import javafx.scene.layout.Region;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;

/** The inputs of each step, beside the texts and the Run button every step has: one view per step, by step. */
final class StepViews {
    private static final Map<SetupStep, BiFunction<StepViewModel, Messages, Node>> VIEWS = new EnumMap<>(SetupStep.class);

    static {
        VIEWS.put(SetupStep.FIND_INSTANCE, (m, t) -> new InstanceStepView((InstanceStepViewModel) m, t));
        VIEWS.put(SetupStep.ENTRA_APP, (m, t) -> new EntraAppStepView((EntraAppStepViewModel) m, t));
        VIEWS.put(SetupStep.SP_METADATA_TO_ENTRA, (m, t) -> new SpMetadataStepView((SpMetadataStepViewModel) m, t));
        VIEWS.put(SetupStep.IDP_METADATA_TO_AWS, (m, t) -> new IdpMetadataStepView((IdpMetadataStepViewModel) m, t));
        VIEWS.put(SetupStep.SCIM, (m, t) -> new ScimStepView((ScimStepViewModel) m, t));
        VIEWS.put(SetupStep.ASSIGNMENTS, (m, t) -> new AssignmentsStepView((AssignmentsStepViewModel) m, t));
        VIEWS.put(SetupStep.PROVISION_ON_DEMAND, (m, t) -> new OnDemandStepView((OnDemandStepViewModel) m, t));
        VIEWS.put(SetupStep.WATCH, (m, t) -> new WatchStepView((WatchStepViewModel) m, t));
    }

    private StepViews() {
    }

    /** The step's own controls; the sign-in step has none (the connection bar signs in). */
    static Node controls(StepViewModel step, Messages messages) {
        BiFunction<StepViewModel, Messages, Node> view = VIEWS.get(step.step());
        return view == null ? new Region() : view.apply(step, messages);
    }
}
