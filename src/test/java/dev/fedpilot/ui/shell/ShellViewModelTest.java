package dev.fedpilot.ui.shell;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.store.MemoryStateStore;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in and sign-out through the connection bar, without a toolkit. */
class ShellViewModelTest {
    private final List<String> calls = new ArrayList<>();
    private int readyCalls;

    /** Stands in for the real clouds: sign-in succeeds, or fails like an expired AWS session. */
    private final class ScriptedConnections implements Connections {
        boolean entra;
        boolean aws;
        boolean awsFails;
        String deviceCodePrompt;

        @Override
        public String signInEntra(java.util.function.Consumer<String> prompt) throws Exception {
            if (deviceCodePrompt != null) {
                prompt.accept(deviceCodePrompt);
            }
            return signInEntra();
        }
        Exception entraFails;

        @Override
        public String signInEntra() throws Exception {
            calls.add("entra");
            if (entraFails != null) {
                throw entraFails;
            }
            entra = true;
            return "contoso.com (admin@contoso.com)";
        }

        @Override
        public void signOutEntra() {
            calls.add("entra-out");
            entra = false;
        }

        @Override
        public List<String> awsProfiles() {
            return List.of("default", "prod-admin");
        }

        @Override
        public String signInAws(String profile) {
            calls.add("aws:" + profile);
            if (awsFails) {
                throw new CloudException(CloudException.Problem.UNAUTHENTICATED, "The SSO session has expired.",
                        "Sign in to AWS again.");
            }
            aws = true;
            return "eu-west-1 · d-93670c1b2e (admin)";
        }

        @Override
        public void signOutAws() {
            calls.add("aws-out");
            aws = false;
        }

        @Override
        public List<String> signInIdentityCenter(String startUrl, String region) {
            calls.add("idc:" + startUrl + "@" + region);
            return List.of("111122223333  Production", "444455556666  Sandbox");
        }

        @Override
        public List<String> identityCenterRoles(String account) {
            calls.add("roles:" + account);
            return List.of("AdministratorAccess");
        }

        @Override
        public String useIdentityCenterRole(String account, String role) {
            calls.add("use:" + account + "/" + role);
            aws = true;
            return "us-east-1 · d-1 (" + role + ")";
        }

        @Override
        public boolean ready() {
            return entra && aws;
        }
    }

    private ShellViewModel model(ScriptedConnections connections, boolean sandbox) {
        return new ShellViewModel(new SameThreadTaskRunner(), new MemoryStateStore(), Messages.english(),
                Optional.empty(), Optional.empty(), sandbox, connections, () -> readyCalls++);
    }

    @Test
    void signingInToBothCloudsShowsWhoAndOpensTheFeatures() {
        ScriptedConnections clouds = new ScriptedConnections();
        ShellViewModel model = model(clouds, false);
        assertTrue(model.canSignIn());
        model.signInEntra();
        assertEquals(ConnectionStatus.State.SIGNED_IN, model.entraStatusProperty().get().state());
        assertEquals("Entra: contoso.com (admin@contoso.com)", model.entraStatusProperty().get().label());
        assertEquals(0, readyCalls, "one cloud is not enough");
        model.signInAws("prod-admin");
        assertEquals("AWS: eu-west-1 · d-93670c1b2e (admin)", model.awsStatusProperty().get().label());
        assertEquals(1, readyCalls);
        assertEquals(List.of("entra", "aws:prod-admin"), calls);
    }

    /** The texts the Microsoft identity platform puts in MSAL's exceptions, and what the user is told. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "AADSTS65004: User declined to consent to access the app.|Entra: sign-in cancelled|Sign in again",
        "AADSTS65001: The user or administrator has not consented to use the application with ID 'x'.|Entra: an administrator must consent first|Administrator",
        "AADSTS50020: User account 'a@fabrikam.com' from identity provider 'live.com' does not exist in tenant 'Contoso'.|Entra: the account is not in this tenant|account of the tenant",
        "Unable to open default system browser|Entra: no browser could be opened|default browser",
    })
    void aFailedEntraSignInSaysWhyInWordsAndWhatToDoNext(String error, String chip, String next) {
        ScriptedConnections clouds = new ScriptedConnections();
        clouds.entraFails = new IllegalStateException(error);
        ShellViewModel model = model(clouds, false);
        model.signInEntra();
        assertEquals(ConnectionStatus.State.ERROR, model.entraStatusProperty().get().state());
        assertEquals(chip, model.entraStatusProperty().get().label());
        assertTrue(model.statusProperty().get().toLowerCase(java.util.Locale.ROOT)
                .contains(next.toLowerCase(java.util.Locale.ROOT)), model.statusProperty().get());
    }

    @Test
    void anEntraSignInWithoutNetworkSaysSo() {
        ScriptedConnections clouds = new ScriptedConnections();
        clouds.entraFails = new RuntimeException("sign-in failed", new java.net.UnknownHostException("login.microsoftonline.com"));
        ShellViewModel model = model(clouds, false);
        model.signInEntra();
        assertEquals("Entra: no connection to Microsoft", model.entraStatusProperty().get().label());
        assertTrue(model.statusProperty().get().contains("network"), model.statusProperty().get());
    }

    @Test
    void withoutABrowserTheSignInUrlAndCodeAreShownInsteadOfWaitingSilently() {
        ScriptedConnections clouds = new ScriptedConnections();
        clouds.deviceCodePrompt = "To sign in, use a web browser to open the page https://microsoft.com/devicelogin "
                + "and enter the code H7K2PQ to authenticate.";
        ShellViewModel model = model(clouds, false);
        List<ConnectionStatus> shown = new ArrayList<>();
        model.entraStatusProperty().addListener((o, was, now) -> shown.add(now));

        model.signInEntra();

        assertTrue(shown.stream().anyMatch(s -> s.state() == ConnectionStatus.State.CONNECTING
                && s.label().contains("https://microsoft.com/devicelogin") && s.label().contains("H7K2PQ")),
                shown.toString());
        assertEquals(ConnectionStatus.State.SIGNED_IN, model.entraStatusProperty().get().state());
    }

    @Test
    void aFailedSignInSaysWhyAndOpensNothing() {
        ScriptedConnections clouds = new ScriptedConnections();
        clouds.awsFails = true;
        ShellViewModel model = model(clouds, false);
        model.signInEntra();
        model.signInAws("default");
        assertEquals(ConnectionStatus.State.ERROR, model.awsStatusProperty().get().state());
        assertTrue(model.awsStatusProperty().get().label().contains("SSO session has expired"));
        assertEquals(0, readyCalls);
    }

    @Test
    void signingOutReturnsTheBarToSignedOut() {
        ScriptedConnections clouds = new ScriptedConnections();
        ShellViewModel model = model(clouds, false);
        model.signInEntra();
        model.signOutEntra();
        assertEquals(ConnectionStatus.State.SIGNED_OUT, model.entraStatusProperty().get().state());
        assertFalse(clouds.entra);
    }

    @Test
    void identityCenterSignInWalksAccountThenRole() {
        ScriptedConnections clouds = new ScriptedConnections();
        ShellViewModel model = model(clouds, false);
        model.signInEntra();
        model.signInIdentityCenter("https://d-1.awsapps.com/start", "eu-west-1", accounts ->
                model.identityCenterRoles(accounts.get(0), roles -> model.useIdentityCenterRole(accounts.get(0), roles.get(0))));
        assertEquals(List.of("entra", "idc:https://d-1.awsapps.com/start@eu-west-1", "roles:111122223333  Production",
                "use:111122223333  Production/AdministratorAccess"), calls);
        assertEquals(ConnectionStatus.State.SIGNED_IN, model.awsStatusProperty().get().state());
        assertEquals(1, readyCalls);
    }

    @Test
    void theSandboxOffersNoSignIn() {
        assertFalse(model(new ScriptedConnections(), true).canSignIn());
    }

    @Test
    void startingTheSandboxOverIsOfferedOnlyInTheSandbox() {
        ShellViewModel sandbox = model(new ScriptedConnections(), true);
        sandbox.setOnResetSandbox(() -> calls.add("reset"));
        assertTrue(sandbox.canResetSandbox());
        sandbox.resetSandbox();
        assertEquals(List.of("reset"), calls);

        ShellViewModel real = model(new ScriptedConnections(), false);
        real.setOnResetSandbox(() -> calls.add("reset"));
        assertFalse(real.canResetSandbox());
        real.resetSandbox();
        assertEquals(List.of("reset"), calls, "real clouds are never reset");
    }
}
