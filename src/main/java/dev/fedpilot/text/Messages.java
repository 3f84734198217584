package dev.fedpilot.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** User-facing text from {@code dev/fedpilot/messages.properties}, with feature-prefixed keys. */
public final class Messages {
    public static final String BUNDLE = "dev.fedpilot.messages";
    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);

    /** The English texts; one shared instance (the bundle is read once). */
    public static Messages english() {
        return ENGLISH;
    }

    /** The text for {@code key}, formatted with {@code args}; a missing key shows as !key! (a test catches it). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
