package care.iop.plan.comparison;

import static care.iop.plan.outcomes.OutcomeFixtures.CLINICIAN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The chart is well-formed SVG with both exposure views, each bucket's mean change with its interval, and each pair's
 * difference, unadjusted and adjusted for baseline, with their intervals (the figures of {@link ModalityComparisonTest}).
 */
@QuarkusTest
class ModalityChartTest {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void chartShowsBucketsDifferencesAndAdjustedDifferencesWithTheirIntervals() throws Exception {
        ModalityCohort cohort = ModalityCohort.shared(bootstrap, ds);
        byte[] body = given().header("Authorization", CLINICIAN).accept("text/html,image/svg+xml,*/*;q=0.8")
                .queryParam("instrument", "PHQ9").queryParam("track", cohort.track)
                .queryParam("from", ModalityCohort.FROM).queryParam("to", ModalityCohort.TO)
                .when().get("/api/v1/outcomes/modality-comparison/chart").then().statusCode(200)
                .contentType("image/svg+xml").extract().asByteArray();
        // the worked example's chart, for docs/outcomes.md and for a look in a browser
        java.nio.file.Files.write(java.nio.file.Path.of("target", "modality-comparison-worked-example.svg"), body);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document svg = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getTextContent()).contains("PHQ-9", "Observational data", "confounding");
        NodeList groups = svg.getElementsByTagNameNS(SVG_NS, "g");
        assertThat(ids(groups, "exposure")).containsExactly("PRESCRIBED", "ATTENDED");
        assertThat(ids(groups, "bucket")).contains("PRESCRIBED-INDIVIDUAL_HEAVY", "PRESCRIBED-GROUP_HEAVY", "PRESCRIBED-SWITCHED",
                "ATTENDED-MIXED", "ATTENDED-NO_ATTENDANCE");

        Element group = byId(groups, "PRESCRIBED-GROUP_HEAVY");
        assertThat(group.getElementsByTagNameNS(SVG_NS, "rect").getLength()).isEqualTo(1);
        assertThat(group.getElementsByTagNameNS(SVG_NS, "line").getLength()).isEqualTo(3); // the error bar and its caps
        assertThat(group.getTextContent()).contains("n = 12, -15.00", "[-17.25, -12.75]");
        Element empty = byId(groups, "PRESCRIBED-MIXED");
        assertThat(empty.getElementsByTagNameNS(SVG_NS, "rect").getLength()).isZero();

        assertThat(ids(groups, "difference")).containsExactly("PRESCRIBED-GROUP_HEAVY-vs-INDIVIDUAL_HEAVY",
                "PRESCRIBED-SWITCHED-vs-INDIVIDUAL_HEAVY", "PRESCRIBED-SWITCHED-vs-GROUP_HEAVY", "ATTENDED-MIXED-vs-INDIVIDUAL_HEAVY",
                "ATTENDED-GROUP_HEAVY-vs-INDIVIDUAL_HEAVY", "ATTENDED-GROUP_HEAVY-vs-MIXED");
        Element difference = byId(groups, "PRESCRIBED-GROUP_HEAVY-vs-INDIVIDUAL_HEAVY");
        assertThat(child(difference, "unadjusted").getTextContent().strip()).isEqualTo("unadjusted -12.00 [-14.30, -9.70]");
        assertThat(child(difference, "adjusted").getTextContent().strip()).isEqualTo("adjusted -8.75 [-9.67, -7.83]");
        assertThat(child(difference, "unadjusted").getElementsByTagNameNS(SVG_NS, "circle").getLength()).isEqualTo(1);
        assertThat(child(difference, "adjusted").getElementsByTagNameNS(SVG_NS, "line").getLength()).isEqualTo(1);
    }

    @Test
    void chartNeedsStaffRole() {
        given().header("Authorization", care.iop.testing.TestTokens.bearer("scheduler"))
                .when().get("/api/v1/outcomes/modality-comparison/chart").then().statusCode(403);
    }

    private static List<String> ids(NodeList groups, String kind) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (kind.equals(g.getAttribute("class"))) {
                ids.add(g.getAttribute("id"));
            }
        }
        return ids;
    }

    private static Element child(Element parent, String kind) {
        NodeList groups = parent.getElementsByTagNameNS(SVG_NS, "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (kind.equals(g.getAttribute("class"))) {
                return g;
            }
        }
        throw new AssertionError("no " + kind + " in " + parent.getAttribute("id"));
    }

    private static Element byId(NodeList groups, String id) {
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (id.equals(g.getAttribute("id"))) {
                return g;
            }
        }
        throw new AssertionError("no group " + id);
    }
}
