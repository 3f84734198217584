package dev.fedpilot.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which instance a command works on. */
class InstanceChoiceTest {
    private static final IdcInstance A = new IdcInstance("arn:aws:sso:::instance/ssoins-a", "d-a", "eu-west-1",
            "org", "111122223333", "ACTIVE");
    private static final IdcInstance B = new IdcInstance("arn:aws:sso:::instance/ssoins-b", "d-b", "eu-west-1",
            "team", "111122223333", "ACTIVE");
    private static final IdcInstance CREATING = new IdcInstance("arn:aws:sso:::instance/ssoins-c", "d-c",
            "eu-west-1", null, "111122223333", "CREATE_IN_PROGRESS");

    @Test
    void theSavedInstanceIsUsedWhenTheSignedInAccountOwnsIt() {
        assertTrue(InstanceChoice.useSaved(A, Optional.of("111122223333"), Optional.empty()));
        assertTrue(InstanceChoice.useSaved(A, Optional.of("111122223333"), Optional.of(A.instanceArn())));
        assertFalse(InstanceChoice.useSaved(A, Optional.of("999988887777"), Optional.empty()));
        assertFalse(InstanceChoice.useSaved(A, Optional.of("111122223333"), Optional.of(B.instanceArn())));
        assertFalse(InstanceChoice.useSaved(null, Optional.of("111122223333"), Optional.empty()));
    }

    @Test
    void aSavedInstanceOfUnknownOwnerIsNotTrustedForARealAccount() {
        IdcInstance old = new IdcInstance(A.instanceArn(), "d-a", "eu-west-1", "org");
        assertFalse(InstanceChoice.useSaved(old, Optional.of("111122223333"), Optional.empty()));
        assertTrue(InstanceChoice.useSaved(old, Optional.empty(), Optional.empty()), "a world without accounts");
    }

    @Test
    void theOnlyActiveInstanceIsChosen() {
        assertEquals(new InstanceChoice.Chosen(A), InstanceChoice.choose(List.of(A), Optional.empty()));
    }

    @Test
    void severalNeedAName() {
        assertEquals(new InstanceChoice.Several(List.of(A, B)), InstanceChoice.choose(List.of(A, B), Optional.empty()));
        assertEquals(new InstanceChoice.Chosen(B), InstanceChoice.choose(List.of(A, B), Optional.of(B.instanceArn())));
        assertEquals(new InstanceChoice.NoSuchInstance("arn:x", List.of(A, B)),
                InstanceChoice.choose(List.of(A, B), Optional.of("arn:x")));
    }

    @Test
    void anInstanceThatIsNotActiveIsNeverPicked() {
        assertEquals(new InstanceChoice.NotActive(CREATING), InstanceChoice.choose(List.of(CREATING), Optional.empty()));
        assertEquals(new InstanceChoice.NotActive(CREATING),
                InstanceChoice.choose(List.of(A, CREATING), Optional.of(CREATING.instanceArn())));
    }

    @Test
    void noneIsNoneFound() {
        assertEquals(new InstanceChoice.NoneFound(), InstanceChoice.choose(List.of(), Optional.empty()));
    }
}
