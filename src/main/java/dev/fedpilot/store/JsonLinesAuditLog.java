package dev.fedpilot.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.files.AtomicFiles;
import dev.fedpilot.port.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The audit log as one JSON object per line, appended owner-only and fsynced: a crash can cost at most the last line. */
public final class JsonLinesAuditLog implements AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAuditLog.class);
    private final Path file;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public JsonLinesAuditLog(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void record(AuditEntry entry) {
        try {
            AtomicFiles.append(file, json.writeValueAsString(entry) + "\n");
        } catch (IOException e) {
            LOG.warn("could not append to the audit log {}", file, e);
        }
    }

    @Override
    public synchronized List<AuditEntry> entries() {
        List<AuditEntry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(json.readValue(line, AuditEntry.class));
                } catch (IOException e) {
                    LOG.warn("skipping an unreadable audit line in {}", file);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not read the audit log {}", file, e);
        }
        return entries;
    }
}
