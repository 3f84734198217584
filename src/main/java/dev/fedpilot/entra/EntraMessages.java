package dev.fedpilot.entra;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** User-facing text of the Entra adapter, from the app's messages bundle (keys start with "entra."). */
final class EntraMessages {
    private static final String BUNDLE = "dev.fedpilot.messages";

    private EntraMessages() {
    }

    static String text(String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, Locale.getDefault()).getString(key);
        } catch (MissingResourceException e) {
            // a missing key must not hide the failure the user is being told about
            pattern = key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(args);
    }
}
