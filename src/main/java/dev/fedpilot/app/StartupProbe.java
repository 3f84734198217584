package dev.fedpilot.app;

import dev.fedpilot.files.AtomicFiles;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * For the startup benchmark: with {@code -Dfedpilot.startupProbe=FILE} it appends the milliseconds from JVM
 * start to the first frame shown, and with {@code -Dfedpilot.startupProbe.exit=true} then closes the window.
 */
final class StartupProbe {
    private static final Logger LOG = LoggerFactory.getLogger(StartupProbe.class);

    private StartupProbe() {
    }

    static void attach(Scene scene, IntConsumer close) {
        String target = System.getProperty("fedpilot.startupProbe");
        if (target == null || target.isBlank()) {
            return;
        }
        // an AnimationTimer runs once per pulse: its second call comes after the first frame was rendered
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                try {
                    AtomicFiles.append(Path.of(target), ms + "\n");
                } catch (IOException e) {
                    LOG.warn("could not write the startup probe", e);
                }
                if (Boolean.getBoolean("fedpilot.startupProbe.exit")) {
                    close.accept(0);
                }
            }
        }.start();
    }
}
