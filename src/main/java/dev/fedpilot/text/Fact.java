package dev.fedpilot.text;

/** One labelled value on a card; ids and URLs are {@code code} (monospace, with a copy button). */
public record Fact(String label, String value, boolean code) {

    public static Fact text(String label, String value) {
        return new Fact(label, value, false);
    }

    public static Fact code(String label, String value) {
        return new Fact(label, value, true);
    }
}
