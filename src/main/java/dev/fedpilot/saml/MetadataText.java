package dev.fedpilot.saml;

import dev.fedpilot.saml.MetadataParseException.Reason;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the bytes or pasted text a user gave into XML text, refusing what clearly is not metadata. */
final class MetadataText {
    private static final Pattern DECLARED_ENCODING = Pattern.compile(
            "^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
    private static final int BINARY_SNIFF_BYTES = 8192;
    /** Enough characters to be sure: an XML declaration or a root tag is longer than this. */
    private static final int UTF16_SNIFF_BYTES = 32;
    static final String DOWNLOAD_AGAIN = "Download the metadata again from the AWS or Entra console and choose that file.";

    private MetadataText() {
    }

    static String decode(byte[] bytes) {
        if (isBlank(bytes)) {
            throw empty();
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strictDecode(bytes, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strictDecode(bytes, 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strictDecode(bytes, 2, StandardCharsets.UTF_16LE);
        }
        refuseUtf16WithoutBom(bytes);
        refuseBinary(bytes);
        return strictDecode(bytes, 0, declaredCharset(bytes));
    }

    /**
     * Checks text (decoded or pasted) looks like an XML document without a DOCTYPE; returns it without a BOM and
     * without leading blanks (which a paste often has and an XML declaration does not allow).
     */
    static String checkText(String text) {
        String xml = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (xml.isBlank()) {
            throw empty();
        }
        String start = xml.stripLeading();
        if (!start.startsWith("<")) {
            String lower = start.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                throw new MetadataParseException(Reason.NOT_XML, "This is a web address, not the metadata itself.",
                        "Open the address in a browser, save the XML it shows as a file, and choose that file.");
            }
            throw new MetadataParseException(Reason.NOT_XML,
                    "This is not XML: SAML metadata starts with <EntityDescriptor.", DOWNLOAD_AGAIN);
        }
        if (hasDoctype(start)) {
            throw doctype();
        }
        return start;
    }

    static MetadataParseException doctype() {
        return new MetadataParseException(Reason.DOCTYPE,
                "The file contains a DOCTYPE declaration; SAML metadata never needs one, and FedPilot refuses it "
                        + "because it can make a parser read local files or exhaust memory.", DOWNLOAD_AGAIN);
    }

    /** True when a {@code <!DOCTYPE} comes before the root element (after the declaration, comments and PIs). */
    static boolean hasDoctype(String xml) {
        int i = 0;
        while (i < xml.length()) {
            while (i < xml.length() && Character.isWhitespace(xml.charAt(i))) {
                i++;
            }
            if (xml.startsWith("<?", i)) {
                int end = xml.indexOf("?>", i + 2);
                i = end < 0 ? xml.length() : end + 2;
            } else if (xml.startsWith("<!--", i)) {
                int end = xml.indexOf("-->", i + 4);
                i = end < 0 ? xml.length() : end + 3;
            } else {
                return xml.regionMatches(true, i, "<!DOCTYPE", 0, 9);
            }
        }
        return false;
    }

    private static MetadataParseException empty() {
        return new MetadataParseException(Reason.EMPTY, "The file is empty.",
                "The download may have failed. " + DOWNLOAD_AGAIN);
    }

    /**
     * UTF-16 text without a byte-order mark has a zero byte in every other position, which would otherwise read
     * as "binary"; XML requires the mark for UTF-16, and AWS and Entra expect UTF-8, so it is named and refused.
     */
    private static void refuseUtf16WithoutBom(byte[] bytes) {
        int n = Math.min(bytes.length, UTF16_SNIFF_BYTES) & ~1;
        if (n < 4) {
            return;
        }
        boolean littleEndian = true;
        boolean bigEndian = true;
        for (int i = 0; i < n; i += 2) {
            littleEndian &= bytes[i] != 0 && bytes[i + 1] == 0;
            bigEndian &= bytes[i] == 0 && bytes[i + 1] != 0;
        }
        if (littleEndian || bigEndian) {
            throw new MetadataParseException(Reason.UTF16_WITHOUT_BOM, "This file is UTF-16 "
                    + (littleEndian ? "(little-endian)" : "(big-endian)") + " text without a byte-order mark; "
                    + "FedPilot reads SAML metadata as UTF-8, or as UTF-16 only when the file starts with a byte-order mark.",
                    "Save the file again as UTF-8 (most editors offer it under \"Save as\" or \"Encoding\"), or download it again.");
        }
    }

    private static void refuseBinary(byte[] bytes) {
        if (startsWith(bytes, 'P', 'K', 3, 4)) {
            throw new MetadataParseException(Reason.BINARY, "This is a ZIP archive, not an XML file.",
                    "Unzip it and choose the .xml metadata file inside.");
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F')) {
            throw new MetadataParseException(Reason.BINARY, "This is a PDF document, not an XML file.", DOWNLOAD_AGAIN);
        }
        for (int i = 0; i < Math.min(bytes.length, BINARY_SNIFF_BYTES); i++) {
            if (bytes[i] == 0) {
                throw binary();
            }
        }
    }

    private static MetadataParseException binary() {
        return new MetadataParseException(Reason.BINARY,
                "This is a binary file (for example a certificate or an image), not SAML metadata XML.", DOWNLOAD_AGAIN);
    }

    private static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED_ENCODING.matcher(head);
        if (m.find()) {
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String strictDecode(byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MetadataParseException(Reason.BINARY, "This file is not text in " + charset.name()
                    + " (it may be binary), so it is not SAML metadata XML.", DOWNLOAD_AGAIN, e);
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
