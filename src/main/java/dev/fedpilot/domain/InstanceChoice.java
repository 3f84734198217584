package dev.fedpilot.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which IAM Identity Center instance a command works on: the one the saved setup chose when the signed-in account
 * owns it, else the only one listed, or the one {@code --instance} names. An instance that is not ACTIVE is never
 * picked automatically.
 */
public final class InstanceChoice {

    /** What the listing allows. */
    public sealed interface Outcome permits Chosen, NoneFound, Several, NotActive, NoSuchInstance {
    }

    public record Chosen(IdcInstance instance) implements Outcome {
    }

    public record NoneFound() implements Outcome {
    }

    /** More than one and no --instance to pick with. */
    public record Several(List<IdcInstance> instances) implements Outcome {
    }

    /** The only one (or the named one) is being created or deleted. */
    public record NotActive(IdcInstance instance) implements Outcome {
    }

    /** --instance names none of these. */
    public record NoSuchInstance(String instanceArn, List<IdcInstance> instances) implements Outcome {
    }

    private InstanceChoice() {
    }

    /**
     * Whether the saved setup's instance is the one to use: it is when the signed-in account owns it (or, in a
     * world without accounts, always) and --instance names no other one.
     *
     * @param account the signed-in account (STS), empty where there are no accounts (the sandbox)
     */
    public static boolean useSaved(IdcInstance saved, Optional<String> account, Optional<String> requestedArn) {
        if (saved == null || requestedArn.isPresent() && !requestedArn.get().equals(saved.instanceArn())) {
            return false;
        }
        return account.isEmpty() || account.get().equals(saved.ownerAccountId());
    }

    /** Picks from the instances listed in one region. */
    public static Outcome choose(List<IdcInstance> listed, Optional<String> requestedArn) {
        Objects.requireNonNull(listed);
        if (requestedArn.isPresent()) {
            return listed.stream().filter(i -> i.instanceArn().equals(requestedArn.get())).findFirst()
                    .<Outcome>map(i -> i.active() ? new Chosen(i) : new NotActive(i))
                    .orElse(new NoSuchInstance(requestedArn.get(), List.copyOf(listed)));
        }
        if (listed.isEmpty()) {
            return new NoneFound();
        }
        if (listed.size() > 1) {
            return new Several(List.copyOf(listed));
        }
        IdcInstance only = listed.get(0);
        return only.active() ? new Chosen(only) : new NotActive(only);
    }
}
