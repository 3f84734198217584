package dev.fedpilot.aws.signin;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Opens a page in the user's browser. The window passes its own (HostServices); tests follow the page themselves. */
@FunctionalInterface
public interface BrowserOpener {

    void open(URI page) throws IOException;

    /** The desktop's default browser through the OS launcher (xdg-open, open, rundll32), without AWT. */
    static BrowserOpener system() {
        return page -> {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            List<String> command;
            if (os.contains("win")) {
                command = List.of("rundll32", "url.dll,FileProtocolHandler", page.toString());
            } else if (os.contains("mac")) {
                command = List.of("open", page.toString());
            } else {
                command = List.of("xdg-open", page.toString());
            }
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        };
    }
}
