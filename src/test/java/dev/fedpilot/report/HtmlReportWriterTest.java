package dev.fedpilot.report;

import dev.fedpilot.domain.SetupState;
import dev.fedpilot.text.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML export parsed as XML: a status summary on top, every section, the values, nothing external. */
class HtmlReportWriterTest {
    @TempDir
    static Path exports;
    private static ReportFixture fixture;
    private static String html;
    private static Document doc;

    @BeforeAll
    static void write() throws Exception {
        fixture = new ReportFixture(exports).withFindings();
        html = render(fixture.builder().build());
        doc = parse(html);
    }

    static String render(SetupReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReportWriter(Messages.english()).write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A strict XML parse: anything not well-formed fails the test. */
    static Document parse(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Document d, String xpath) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.STRING);
    }

    static NodeList nodes(Document d, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET);
    }

    @Test
    void theStatusSummaryIsTheFirstSectionAndSaysWhatNeedsDoing() throws Exception {
        Element first = (Element) nodes(doc, "/html/body/section").item(0);
        assertEquals("summary", first.getAttribute("id"));
        assertTrue(first.getAttribute("class").contains("health-problem"), first.getAttribute("class"));
        assertEquals("Needs fixing", text(doc, "//section[@id='summary']/p[@class='headline']"));
        String detail = text(doc, "//section[@id='summary']/p[@class='detail']");
        assertTrue(detail.matches(".*of 9 steps done.*errors?.*warnings?.*"), detail);
    }

    @Test
    void everySectionHasItsHeadingInOrder() throws Exception {
        List<String> ids = new ArrayList<>();
        NodeList sections = nodes(doc, "/html/body/section[@id!='summary']");
        for (int i = 0; i < sections.getLength(); i++) {
            ids.add(((Element) sections.item(i)).getAttribute("id"));
        }
        assertEquals(List.of("findings", "steps", "entra", "aws", "saml", "scim", "provisioning", "assignments",
                "timeline"), ids);
        assertTrue(text(doc, "//section[@id='saml']/h2").startsWith("SAML single sign-on"));
        assertTrue(text(doc, "//section[@id='timeline']/h2").startsWith("Timeline"));
    }

    @Test
    void theValuesStandInTheirSections() throws Exception {
        SetupState saved = fixture.setup.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow();
        assertEquals(saved.instance().instanceArn(),
                text(doc, "//section[@id='aws']//tr[th='Instance ARN']/td/code"));
        assertEquals(saved.signingCertificate().sha256(),
                text(doc, "//section[@id='saml']//tr[th='SHA-256 thumbprint']/td/code"));
        assertEquals("https://sts.windows.net/" + saved.tenant().tenantId() + "/",
                text(doc, "//section[@id='saml']//tr[th='Entra entity ID']/td/code"));
        assertEquals(saved.jobId(), text(doc, "//section[@id='provisioning']//tr[th='Job ID']/td/code"));
        assertEquals(saved.scimEndpoint(), text(doc, "//section[@id='scim']//tr[th='SCIM endpoint']/td/code"));
        assertEquals("8", text(doc, "//section[@id='assignments']//tr[td[1]='AWS-ReadOnly']/td[2]"));
        assertTrue(text(doc, "//section[@id='findings']//li[@data-code='group-nested']/p[@class='fix']")
                .startsWith("Fix:"));
    }

    @Test
    void itIsOneSelfContainedFileThatPrints() {
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("<link"), "no linked stylesheets");
        assertFalse(html.contains(" src="), "no images or frames");
        assertFalse(html.contains("url("), "no fonts or images from CSS");
        assertTrue(html.contains("@media print"));
    }

    @Test
    void partsNotSetUpSaySo() throws Exception {
        Document empty = parse(render(new ReportFixture(exports.resolve("empty")).builder().build()));
        assertEquals("Not set up yet", text(empty, "//section[@id='summary']/p[@class='headline']"));
        assertEquals("not set up yet", text(empty, "//section[@id='scim']/h2/span[@class='badge']"));
        assertTrue(text(empty, "//section[@id='scim']/p[@class='note']").contains("not set up yet"));
    }

    @Test
    void markupInNamesStaysText() throws Exception {
        Document hostile = parse(render(ReportSamples.hostile()));
        assertEquals(ReportSamples.HOSTILE_GROUP, text(hostile, "//section[@id='assignments']//tbody/tr/td[1]"));
        assertEquals(0, nodes(hostile, "//script").getLength());
        assertEquals("contoso <b>&</b>.example", text(hostile, "//section[@id='entra']//tr[th='Tenant']/td"));
    }
}
