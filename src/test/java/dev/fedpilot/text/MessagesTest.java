package dev.fedpilot.text;

import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.ui.shell.Page;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every key the code asks for exists, and every text formats as written. */
class MessagesTest {
    private static final Pattern LITERAL_KEY = Pattern.compile("(?:messages|english\\(\\))\\.get\\(\\s*\"([a-zA-Z0-9_.]+)\"\\s*[,)]");

    private static Properties bundle() throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/dev/fedpilot/messages.properties")) {
            p.load(in);
        }
        return p;
    }

    @Test
    void everyLiteralKeyInTheCodeExists() throws IOException {
        Properties bundle = bundle();
        TreeSet<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    if (!bundle.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(), missing, "keys used in code but missing in messages.properties");
    }

    @Test
    void everyKeyBuiltFromAnEnumExists() throws IOException {
        Properties bundle = bundle();
        List<String> expected = new ArrayList<>();
        for (SetupStep step : SetupStep.values()) {
            for (String part : List.of("title", "aws", "entra", "why")) {
                expected.add("setup.step." + step.key() + "." + part);
            }
        }
        for (StepStatus status : StepStatus.values()) {
            expected.add("setup.status." + status.name().toLowerCase(Locale.ROOT));
        }
        for (Page page : Page.values()) {
            expected.add(page.messageKey());
        }
        List<String> missing = expected.stream().filter(k -> !bundle.containsKey(k)).toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void apostrophesAreDoubledSoMessageFormatKeepsThem() throws IOException {
        Properties bundle = bundle();
        List<String> bad = new ArrayList<>();
        for (String key : bundle.stringPropertyNames()) {
            String text = bundle.getProperty(key).replace("''", "");
            if (text.contains("'")) {
                bad.add(key);
            }
        }
        assertEquals(List.of(), bad, "write an apostrophe as '' in these keys");
    }

    @Test
    void formattingKeepsTheApostropheAndFillsArguments() {
        Messages messages = Messages.english();
        assertTrue(messages.get("setup.step.find_instance.why").contains("instance's"));
        assertEquals("!no.such.key!", messages.get("no.such.key"));
    }
}
