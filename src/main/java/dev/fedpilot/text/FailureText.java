package dev.fedpilot.text;

import dev.fedpilot.domain.ProvisioningFailure;

import java.util.Arrays;
import java.util.List;

/** The words for a {@link ProvisioningFailure}: plain language first, then the fix; the raw text stays apart. */
public final class FailureText {
    private final Messages messages;

    public FailureText(Messages messages) {
        this.messages = messages;
    }

    /** "Priya Patel has no last name in Entra: AWS requires one." */
    public String describe(ProvisioningFailure failure) {
        return messages.get(failure.cause().messageKey(), subject(failure), detail(failure));
    }

    /** "Add it in Entra, then provision Priya Patel again." */
    public String fix(ProvisioningFailure failure) {
        return messages.get(failure.cause().fixKey(), subject(failure), detail(failure));
    }

    /** "3 people have no last name in Entra …" for a group of failures with one cause. */
    public String summarize(ProvisioningFailure.Cause cause, List<ProvisioningFailure> failures) {
        List<String> names = failures.stream().map(this::subject).distinct().toList();
        String shown = names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + messages.get("provisioning.failure.more", names.size() - 5);
        return messages.get("provisioning.failure.group", names.size(), messages.get(cause.messageKey() + ".short"),
                shown);
    }

    private String subject(ProvisioningFailure failure) {
        return failure.subject() == null || failure.subject().isBlank()
                ? messages.get("provisioning.failure.someone") : failure.subject();
    }

    private String detail(ProvisioningFailure failure) {
        if (failure.cause() != ProvisioningFailure.Cause.MISSING_NAME
                && failure.cause() != ProvisioningFailure.Cause.MULTI_VALUED) {
            return failure.detail();
        }
        List<String> words = Arrays.stream(failure.detail().split(",")).filter(s -> !s.isBlank())
                .map(a -> messages.get("provisioning.attribute." + a)).toList();
        if (words.isEmpty()) {
            return messages.get("provisioning.attribute.unknown");
        }
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + messages.get("provisioning.attribute.and")
                + words.get(words.size() - 1);
    }
}
