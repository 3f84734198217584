package dev.fedpilot.ui.shell;

/** Where the window was and how it looked, restored on the next start. */
public record WindowPlacement(int version, double x, double y, double width, double height, boolean maximized,
                              boolean dark, double[] dividers) {
    public static final String STORE_NAME = "window";
    public static final int VERSION = 1;

    public static WindowPlacement initial() {
        return new WindowPlacement(VERSION, Double.NaN, Double.NaN, 1440, 900, false, false, new double[]{0.3, 0.65});
    }
}
