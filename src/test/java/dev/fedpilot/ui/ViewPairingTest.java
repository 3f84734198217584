package dev.fedpilot.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each screen part is an XView beside its XViewModel, so a newcomer finds one from the other by name. */
class ViewPairingTest {
    /** Views without logic, hence without a view model. */
    private static final Set<String> PLAIN = Set.of("WelcomeView");

    @Test
    void everyViewHasAViewModelOfTheSameName() throws IOException {
        Path main = Path.of("src/main/java/dev/fedpilot");
        List<String> unpaired;
        try (Stream<Path> files = Files.walk(main)) {
            unpaired = files.filter(f -> f.getFileName().toString().endsWith("View.java"))
                    .filter(f -> !PLAIN.contains(f.getFileName().toString().replace(".java", "")))
                    .filter(f -> !Files.exists(f.resolveSibling(f.getFileName().toString().replace("View.java", "ViewModel.java"))))
                    .map(f -> main.relativize(f).toString())
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), unpaired);
    }
}
