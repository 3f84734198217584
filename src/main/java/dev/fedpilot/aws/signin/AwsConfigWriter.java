package dev.fedpilot.aws.signin;

import dev.fedpilot.files.AtomicFiles;
import dev.fedpilot.files.Access;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes an {@code [sso-session NAME]} section and a profile using it into ~/.aws/config, the way
 * {@code aws configure sso} does, changing only the keys it owns and keeping everything else in the file.
 */
final class AwsConfigWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AwsConfigWriter.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.@+-]+");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern SAFE_VALUE = Pattern.compile("[^\\r\\n\\[\\]]+");

    private final Path configFile;

    AwsConfigWriter(Path configFile) {
        this.configFile = configFile;
    }

    void saveSsoProfile(SsoSessionConfig session, String profileName, String accountId, String roleName,
                        Optional<String> region) {
        String sessionName = session.name().orElseThrow(() -> invalid("A profile can only be saved for a named "
                + "sso-session."));
        check(SAFE_NAME, sessionName, "The sso-session name may only contain letters, digits and . _ - @ +.");
        check(SAFE_NAME, profileName, "The profile name may only contain letters, digits and . _ - @ +.");
        check(ACCOUNT, accountId, "An AWS account id has 12 digits.");
        check(SAFE_VALUE, roleName, "The role name contains characters that cannot go into ~/.aws/config.");
        check(SAFE_VALUE, session.startUrl(), "The start URL contains characters that cannot go into ~/.aws/config.");
        region.ifPresent(r -> check(SAFE_VALUE, r, "The region contains characters that cannot go into "
                + "~/.aws/config."));

        Map<String, String> sessionKeys = new LinkedHashMap<>();
        sessionKeys.put("sso_start_url", session.startUrl());
        sessionKeys.put("sso_region", session.region());
        sessionKeys.put(AwsProfiles.SSO_REGISTRATION_SCOPES, String.join(",", session.effectiveScopes()));
        Map<String, String> profileKeys = new LinkedHashMap<>();
        profileKeys.put(AwsProfiles.SSO_SESSION, sessionName);
        profileKeys.put("sso_account_id", accountId);
        profileKeys.put("sso_role_name", roleName);
        region.ifPresent(r -> profileKeys.put("region", r));

        List<String> lines = read();
        upsert(lines, "sso-session " + sessionName, sessionKeys);
        upsert(lines, "default".equals(profileName) ? "default" : "profile " + profileName, profileKeys);
        write(lines);
        LOG.info("Saved profile '{}' with sso-session '{}' to {}", profileName, sessionName, configFile);
    }

    private static void upsert(List<String> lines, String section, Map<String, String> keys) {
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            if (isHeader(lines.get(i), section)) {
                start = i;
            }
        }
        if (start < 0) {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.add("[" + section + "]");
            keys.forEach((k, v) -> lines.add(k + " = " + v));
            return;
        }
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).trim().startsWith("[")) {
            end++;
        }
        int insertAt = end;
        while (insertAt - 1 > start && lines.get(insertAt - 1).isBlank()) {
            insertAt--;
        }
        for (Map.Entry<String, String> key : keys.entrySet()) {
            Pattern line = Pattern.compile("^" + Pattern.quote(key.getKey()) + "\\s*=.*");
            boolean replaced = false;
            for (int i = start + 1; i < end; i++) {
                if (line.matcher(lines.get(i)).matches()) {
                    lines.set(i, key.getKey() + " = " + key.getValue());
                    replaced = true;
                    break;
                }
            }
            if (!replaced) {
                lines.add(insertAt, key.getKey() + " = " + key.getValue());
                insertAt++;
                end++;
            }
        }
    }

    /** {@code [profile  x ]}, {@code [sso-session x]}; in the config file "default" may also be "profile default". */
    private static boolean isHeader(String line, String section) {
        String trimmed = line.trim();
        int close = trimmed.indexOf(']');
        if (!trimmed.startsWith("[") || close < 0) {
            return false;
        }
        String name = trimmed.substring(1, close).trim().replaceAll("\\s+", " ");
        return name.equals(section) || ("default".equals(section) && name.equals("profile default"));
    }

    private List<String> read() {
        if (!Files.exists(configFile)) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(Files.readAllLines(configFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void write(List<String> lines) {
        try {
            // the user's own file: its permissions stay as they were
            AtomicFiles.writeString(configFile, Access.AS_BEFORE, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private CloudException failed(IOException e) {
        LOG.warn("Cannot update {}", configFile, e);
        return new CloudException(Problem.UNEXPECTED, "FedPilot could not update " + configFile + ".",
                "Check that you can write to the file, or add the profile with 'aws configure sso'.", null, e);
    }

    private static void check(Pattern pattern, String value, String message) {
        if (value == null || value.isBlank() || !pattern.matcher(value).matches()) {
            throw invalid(message);
        }
    }

    private static CloudException invalid(String message) {
        return new CloudException(Problem.INVALID_INPUT, message, "Correct the value and save again.");
    }
}
