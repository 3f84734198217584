package dev.fedpilot.setup;

import dev.fedpilot.text.Messages;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/** The inputs of each step, beside the texts and the Run button every step has. */
final class StepViews {
    private StepViews() {
    }

    static Node controls(StepViewModel step, Messages messages) {
        if (step instanceof InstanceStepViewModel m) {
            return new InstanceStepView(m, messages);
        }
        if (step instanceof EntraAppStepViewModel m) {
            return new EntraAppStepView(m, messages);
        }
        if (step instanceof SpMetadataStepViewModel m) {
            return new SpMetadataStepView(m, messages);
        }
        if (step instanceof IdpMetadataStepViewModel m) {
            return new IdpMetadataStepView(m, messages);
        }
        if (step instanceof ScimStepViewModel m) {
            return new ScimStepView(m, messages);
        }
        if (step instanceof AssignmentsStepViewModel m) {
            return new AssignmentsStepView(m, messages);
        }
        if (step instanceof OnDemandStepViewModel m) {
            return new OnDemandStepView(m);
        }
        if (step instanceof WatchStepViewModel m) {
            return new WatchStepView(m, messages);
        }
        return new Region();
    }
}
