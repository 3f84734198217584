package dev.fedpilot.bench;

import dev.fedpilot.directory.DirectoryContext;
import dev.fedpilot.directory.DirectoryView;
import dev.fedpilot.directory.DirectoryViewModel;
import dev.fedpilot.directory.UserRow;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.sandbox.SandboxScale;
import dev.fedpilot.sandbox.SandboxWorld;
import dev.fedpilot.store.MemoryAuditLog;
import dev.fedpilot.store.MemoryStateStore;
import dev.fedpilot.ui.FxTaskRunner;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.RecordingDialogs;
import dev.fedpilot.ui.Theme;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Speed and memory of the directory browser on the LARGE sandbox (100,000 users, 20,000 groups, 500,000
 * memberships) with 30 ms per page of 100: time to the first visible users, the whole list against the
 * sequential paging floor, search keystrokes, heap after the load, and the longest gap between FX pulses.
 * Writes target/benchmarks/directory.md. A program, not a test: run it as BENCHMARKS.md says.
 */
public final class DirectoryBenchmark {
    private static final Duration LATENCY = Duration.ofMillis(30);
    private static final int PAGES = 1000;
    private static final List<String> WORDS = List.of("smith", "nov", "garcia", "ka", "jo", "wei", "ol");

    private static final boolean VERBOSE = Boolean.getBoolean("bench.verbose");
    private static final long EPOCH = System.nanoTime();
    private final List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
    /** CPU time the FX thread spent between two frames, next to each gap. */
    private final List<Long> busy = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong lastPulse = new AtomicLong();
    private final AtomicLong lastCpu = new AtomicLong();
    private final AtomicLong lastRenderCpu = new AtomicLong();
    private volatile boolean recording;
    private volatile DirectoryViewModel watched;

    public static void main(String[] args) throws Exception {
        if (!"gtk".equals(System.getProperty("bench.glass"))) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmarks/directory.md");
        new DirectoryBenchmark().run(out);
        Platform.exit();
        System.exit(0);
    }

    /** What one opening of the screen showed: when it opened, when the first users were drawn. */
    private record Opening(long opened, long firstVisible, CountDownLatch loaded, long[] loadedAt) {
        double firstSeconds() {
            return (firstVisible - opened) / 1e9;
        }
    }

    private void run(Path out) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        long buildStart = System.nanoTime();
        SandboxWorld world = new SandboxWorld(SandboxOptions.defaults().withScale(SandboxScale.LARGE)
                .withLatency(LATENCY), Clock.systemUTC());
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        long heapWorld = heapAfterGc();

        // the same listing with nothing behind it: what paging costs on this machine right now
        long rawStart = System.nanoTime();
        IdcInstance instance = world.identityCenter().instances().get(0);
        world.identityCenter().listUsers(instance, page -> { });
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;

        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-worker");
            t.setDaemon(true);
            return t;
        });
        Messages messages = Messages.english();
        DirectoryContext ctx = DirectoryContext.of(world.identityCenter(), world.entraTenant(), new MemoryStateStore(),
                new MemoryAuditLog(), Clock.systemUTC(), new FxTaskRunner(executor), messages, new RecordingDialogs());
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            Scene scene = new Scene(new Label("FedPilot"), 1280, 800);
            Theme.apply(scene, false);
            s.setScene(scene);
            s.show();
            return s;
        });
        startPulseMonitor();
        Thread.sleep(500);
        recording = true;

        // first opening in this JVM: every class and code path is cold
        DirectoryViewModel coldModel = onFx(() -> new DirectoryViewModel(ctx));
        Opening cold = open(stage, coldModel, messages);
        while (onFx(() -> coldModel.groups().items().isEmpty())) {
            Thread.sleep(20);
        }
        Thread.sleep(500); // both lists drawn once: the code behind them has run
        long maxGapCold = maxGap();
        onFx(() -> {
            coldModel.cancelLoading();
            stage.getScene().setRoot(new Label("FedPilot"));
            return null;
        });
        Thread.sleep(1000);
        clearGaps();

        // the measured opening, as when a user comes back to the page: a new model and view, a full load
        DirectoryViewModel model = onFx(() -> new DirectoryViewModel(ctx));
        Opening warm = open(stage, model, messages);
        long maxGapOpening = maxGap();
        clearGaps();
        long gcBefore = gcMillis();
        warm.loaded().await(5, TimeUnit.MINUTES);
        long gcLoading = gcMillis() - gcBefore;
        double loadSeconds = (warm.loadedAt()[0] - warm.opened()) / 1e9;
        int usersLoaded = onFx(() -> model.users().loadedProperty().get());
        long maxGapLoading = maxGap();
        long maxBusyLoading = maxBusy();
        Thread.sleep(3000); // let the group list finish too
        int groupsLoaded = onFx(() -> model.groups().loadedProperty().get());
        clearGaps();

        long heapLoaded = heapAfterGc();
        clearGaps(); // the benchmark's own full collections are not the app's pauses

        TextField search = onFx(() -> (TextField) stage.getScene().lookup("#dir-user-search"));
        List<Double> keystrokes = new ArrayList<>();
        List<Double> rendered = new ArrayList<>();
        for (String word : WORDS) {
            for (int i = 1; i <= word.length(); i++) {
                type(model, search, word.substring(0, i), keystrokes, rendered);
            }
            type(model, search, "", keystrokes, rendered);
        }
        long maxGapFiltering = maxGap();
        long maxBusyFiltering = maxBusy();
        double sortSeconds = sort(model);
        recording = false;

        Collections.sort(keystrokes);
        Collections.sort(rendered);
        Figures figures = new Figures(buildSeconds, heapWorld, rawSeconds, cold.firstSeconds(), warm.firstSeconds(),
                loadSeconds, usersLoaded, groupsLoaded, keystrokes, rendered, heapLoaded, maxGapCold, maxGapOpening,
                maxGapLoading, maxGapFiltering, sortSeconds, maxBusyLoading, maxBusyFiltering, gcLoading);
        String table = report(figures);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.println(table);
        executor.shutdownNow();
        onFx(() -> {
            stage.close();
            return null;
        });
    }

    /** Puts a directory view into the window (opening the screen) and waits until the first users are drawn. */
    private Opening open(Stage stage, DirectoryViewModel model, Messages messages) throws Exception {
        DirectoryView view = onFx(() -> new DirectoryView(model, messages, new RecordingDialogs()));
        watched = model;
        Thread.sleep(300);
        long[] firstVisible = {0};
        long[] loadedAt = {0};
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch loaded = new CountDownLatch(1);
        long opened = onFx(() -> {
            model.users().items().addListener((ListChangeListener<UserRow>) c -> {
                if (firstVisible[0] == 0 && !model.users().items().isEmpty()) {
                    firstVisible[0] = -1;
                    afterNextPulse(() -> {
                        firstVisible[0] = System.nanoTime();
                        first.countDown();
                    });
                }
            });
            model.usersLoadingProperty().addListener((o, was, now) -> {
                if (was && !now) {
                    loadedAt[0] = System.nanoTime();
                    loaded.countDown();
                }
            });
            long t = System.nanoTime();
            stage.getScene().setRoot(view);
            return t;
        });
        if (!first.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no users became visible");
        }
        if (VERBOSE) {
            System.out.printf(Locale.ROOT, "opened at %.3f s (%s), first users drawn at %.3f s%n", (opened - EPOCH) / 1e9, java.time.LocalTime.now(),
                    (firstVisible[0] - EPOCH) / 1e9);
        }
        return new Opening(opened, firstVisible[0], loaded, loadedAt);
    }

    /** Types {@code text} into the search field as one keystroke and waits until the list shows the result. */
    private void type(DirectoryViewModel model, TextField search, String text, List<Double> applied,
                      List<Double> painted) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        long[] at = new long[3];
        ListChangeListener<UserRow> listener = c -> {
            if (at[1] == 0) {
                at[1] = System.nanoTime();
                afterNextPulse(() -> {
                    at[2] = System.nanoTime();
                    done.countDown();
                });
            }
        };
        onFx(() -> {
            model.users().items().addListener(listener);
            at[0] = System.nanoTime();
            search.setText(text);
            return null;
        });
        if (!done.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no result for '" + text + "'");
        }
        onFx(() -> {
            model.users().items().removeListener(listener);
            return null;
        });
        applied.add((at[1] - at[0]) / 1e6);
        painted.add((at[2] - at[0]) / 1e6);
        Thread.sleep(120); // a fast typist
    }

    private double sort(DirectoryViewModel model) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        long[] at = new long[2];
        onFx(() -> {
            model.users().items().addListener((ListChangeListener<UserRow>) c -> {
                if (at[1] == 0) {
                    at[1] = System.nanoTime();
                    done.countDown();
                }
            });
            at[0] = System.nanoTime();
            model.users().sortBy("displayName asc", UserRow.BY_DISPLAY_NAME);
            return null;
        });
        done.await(30, TimeUnit.SECONDS);
        return (at[1] - at[0]) / 1e9;
    }

    private void startPulseMonitor() throws Exception {
        onFx(() -> {
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    long previous = lastPulse.getAndSet(t);
                    long previousCpu = lastCpu.getAndSet(cpu);
                    long render = rendererCpu();
                    long previousRender = lastRenderCpu.getAndSet(render);
                    if (recording && previous != 0) {
                        gaps.add(t - previous);
                        busy.add(cpu - previousCpu);
                        if (VERBOSE && (t - previous > 50_000_000L || cpu - previousCpu > 15_000_000L)) {
                            System.out.printf(Locale.ROOT, "gap %.1f ms (FX cpu %.1f ms, renderer cpu %.1f ms) at %.3f s, %d users%n",
                                    (t - previous) / 1e6, (cpu - previousCpu) / 1e6, (render - previousRender) / 1e6,
                                    (t - EPOCH) / 1e9,
                                    watched == null ? -1 : watched.users().loadedProperty().get());
                        }
                    }
                }
            }.start();
            return null;
        });
    }

    /** CPU time of JavaFX's render thread so far (0 if it cannot be found). */
    private static long rendererCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        if (rendererId < 0) {
            for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadName().startsWith("QuantumRenderer")) {
                    rendererId = info.getThreadId();
                }
            }
        }
        return rendererId < 0 ? 0 : Math.max(0, threads.getThreadCpuTime(rendererId));
    }

    private static long rendererId = -1;

    private long maxGap() {
        synchronized (gaps) {
            return gaps.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    /** The most CPU time the FX thread itself used between two frames (its own work, not waiting). */
    private long maxBusy() {
        synchronized (busy) {
            return busy.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    private void clearGaps() {
        gaps.clear();
        busy.clear();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static void afterNextPulse(Runnable action) {
        AnimationTimer once = new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                action.run();
            }
        };
        once.start();
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static <T> T onFx(Supplier<T> action) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return action.get();
        }
        Object[] result = new Object[1];
        RuntimeException[] failure = new RuntimeException[1];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result[0] = action.get();
            } catch (RuntimeException e) {
                failure[0] = e;
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }

    private record Figures(double build, long heapWorld, double raw, double firstCold, double firstWarm,
                           double load, int users, int groups, List<Double> keys, List<Double> painted, long heap,
                           long gapCold, long gapOpening, long gapLoading, long gapFiltering, double sort,
                           long busyLoading, long busyFiltering, long gcLoading) {
    }

    private static String report(Figures f) {
        double mb = 1024 * 1024;
        double floor = PAGES * LATENCY.toMillis() / 1000.0;
        List<Double> keys = f.keys();
        List<Double> painted = f.painted();
        StringBuilder s = new StringBuilder();
        s.append("# Directory benchmark\n\n");
        s.append(String.format(Locale.ROOT, "Run %s on %s, Java %s, %d CPUs, max heap %.0f MB, glass %s, "
                        + "load average %.1f when it ended.%n%n", Instant.now(), System.getProperty("os.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / mb, System.getProperty("glass.platform", "gtk"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        s.append("JVM options: `").append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()
                .stream().filter(a -> a.startsWith("-X")).toList())).append("` (the packaged app starts with "
                + "-XX:TieredStopAtLevel=1 -XX:MaxGCPauseMillis=20, see packaging/jpackage/launcher.args).\n\n");
        s.append(String.format(Locale.ROOT, "Sandbox LARGE (%,d users and %,d groups loaded), %d ms per call and "
                + "per page of 100; building the simulated clouds took %.1f s. The bare listing of all users "
                + "(no UI, same sandbox) took %.2f s = %.3f× the floor on this machine during this run.%n%n",
                f.users(), f.groups(), LATENCY.toMillis(), f.build(), f.raw(), f.raw() / floor));
        s.append("| Measure | Target | Measured | |\n|---|---|---|---|\n");
        s.append(String.format(Locale.ROOT, "| First users visible after opening the screen | ≤ 0.5 s | %.3f s | %s |%n",
                f.firstWarm(), verdict(f.firstWarm() <= 0.5)));
        s.append(String.format(Locale.ROOT, "| Same, first opening in a cold JVM (classes loading, nothing "
                + "compiled yet) | (for reference) | %.3f s | |%n", f.firstCold()));
        s.append(String.format(Locale.ROOT, "| Whole user list loaded (floor: %,d pages × %d ms = %.1f s) | ≤ 1.1× floor "
                        + "(%.1f s) | %.2f s = %.3f× | %s |%n", PAGES, LATENCY.toMillis(), floor, floor * 1.1,
                f.load(), f.load() / floor, verdict(f.load() <= floor * 1.1)));
        s.append(String.format(Locale.ROOT, "| Search keystroke over %,d users, until the list holds the result "
                        + "(median / p90 / max of %d) | median ≤ 30 ms | %.1f / %.1f / %.1f ms | %s |%n", f.users(),
                keys.size(), median(keys), percentile(keys, 0.9), keys.get(keys.size() - 1),
                verdict(median(keys) <= 30)));
        s.append(String.format(Locale.ROOT, "| Same, until the next frame is drawn (median / p90 / max) | (for "
                        + "reference) | %.1f / %.1f / %.1f ms | |%n", median(painted), percentile(painted, 0.9),
                painted.get(painted.size() - 1)));
        s.append(String.format(Locale.ROOT, "| Heap after the full load, after GC (whole app incl. the simulated "
                        + "clouds) | ≤ 512 MB | %.0f MB | %s |%n", f.heap() / mb, verdict(f.heap() / mb <= 512)));
        s.append(String.format(Locale.ROOT, "| of which the simulated clouds alone (before opening the screen) | | "
                + "%.0f MB | |%n", f.heapWorld() / mb));
        s.append(String.format(Locale.ROOT, "| Longest FX pulse gap while loading (after the first frame) | ≤ 50 ms "
                + "| %.1f ms | %s |%n", f.gapLoading() / 1e6, verdict(f.gapLoading() / 1e6 <= 50)));
        s.append(String.format(Locale.ROOT, "| Longest FX pulse gap while filtering | ≤ 50 ms | %.1f ms | %s |%n",
                f.gapFiltering() / 1e6, verdict(f.gapFiltering() / 1e6 <= 50)));
        s.append(String.format(Locale.ROOT, "| Most CPU the FX thread itself used between two frames: loading / "
                + "filtering | (for reference) | %.1f / %.1f ms | |%n", f.busyLoading() / 1e6, f.busyFiltering() / 1e6));
        s.append(String.format(Locale.ROOT, "| Time in garbage collection while loading | (for reference) | %,d ms "
                + "| |%n", f.gcLoading()));
        s.append(String.format(Locale.ROOT, "| Longest gap for the first frame of the screen (CSS, skins, layout) "
                + "| (for reference) | %.1f ms (cold JVM: %.1f ms) | |%n", f.gapOpening() / 1e6, f.gapCold() / 1e6));
        s.append(String.format(Locale.ROOT, "| Sort %,d users by display name (off the FX thread), until shown | "
                + "(for reference) | %.3f s | |%n", f.users(), f.sort()));
        s.append("\nPulse gaps are measured with an AnimationTimer (the time between two frames); a gap above the "
                + "frame interval means the FX thread was busy or starved. Keystrokes are typed word by word (")
                .append(String.join(", ", WORDS)).append("), each followed by clearing the field.\n");
        return s.toString();
    }
}
